import { render } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import {
  AIInsightCard,
  AIInsightsPanel,
  AISuggestionCard,
  AISuggestionsPanel,
  ChatComposer,
  ChatEmptyState,
  ChatErrorNotice,
  ChatHeader,
  ChatMessageView,
  ChatRoot,
  ChatTranscript,
  ConnectionStatus,
  EgyptianLoadingAnimation,
  ErrorToast,
  MessageActions,
  SkeletonLoader,
  StreamingMessageBubble,
} from '../../../src/components/index.js';
import { ChatError } from '../../../src/core/errors.js';

describe('refs reach the DOM element', () => {
  it('of every part a host lays out', () => {
    const refs = {
      root: createRef<HTMLElement>(),
      header: createRef<HTMLElement>(),
      transcript: createRef<HTMLDivElement>(),
      message: createRef<HTMLElement>(),
      empty: createRef<HTMLDivElement>(),
      composer: createRef<HTMLFormElement>(),
      status: createRef<HTMLDivElement>(),
      actions: createRef<HTMLDivElement>(),
    };
    render(
      <ChatRoot
        ref={refs.root}
        options={{ initialMessages: [{ id: 'a', role: 'assistant', content: 'Hi', status: 'complete', createdAt: 0 }] }}
      >
        <ChatHeader ref={refs.header} />
        <ChatTranscript ref={refs.transcript}>
          <ChatMessageView messageId="a" ref={refs.message} />
        </ChatTranscript>
        <ChatErrorNotice />
        <ChatComposer ref={refs.composer} />
        <ConnectionStatus ref={refs.status} isConnected />
        <MessageActions ref={refs.actions} status="complete" content="Hi" />
      </ChatRoot>,
    );
    expect(refs.root.current?.dataset.slot).toBe('chat');
    expect(refs.header.current?.dataset.slot).toBe('chat-header');
    expect(refs.transcript.current?.getAttribute('role')).toBe('log');
    expect(refs.message.current?.dataset.slot).toBe('message');
    expect(refs.composer.current?.dataset.slot).toBe('chat-composer');
    expect(refs.status.current?.getAttribute('role')).toBe('status');
    expect(refs.actions.current?.dataset.slot).toBe('message-actions');
    // The empty state shows only while there are no messages; its ref follows it.
    render(
      <ChatRoot>
        <ChatEmptyState ref={refs.empty} />
      </ChatRoot>,
    );
    expect(refs.empty.current?.dataset.slot).toBe('chat-empty');
  });

  it('of every component used on its own', () => {
    const insight = { id: 'i', kind: 'tip' as const, title: 'Tip', description: 'A tip.' };
    const suggestion = { id: 's', title: 'Next', content: 'Ask next.' };
    const elements = new Map<string, HTMLElement | null>();
    const keep = (name: string) => (node: HTMLElement | null) => {
      if (node) elements.set(name, node);
    };
    render(
      <>
        <SkeletonLoader ref={keep('skeleton')} />
        <EgyptianLoadingAnimation ref={keep('loader')} />
        <AIInsightCard ref={keep('insight-card')} insight={insight} />
        <AISuggestionCard ref={keep('suggestion-card')} suggestion={suggestion} />
        <AIInsightsPanel ref={keep('insights-panel')} insights={[insight]} />
        <AISuggestionsPanel ref={keep('suggestions-panel')} suggestions={[suggestion]} />
        <ErrorToast ref={keep('error-toast')} error={new ChatError('server', 'boom')} />
        <StreamingMessageBubble
          ref={keep('message')}
          message={{ id: 'm', role: 'user', content: 'Hi', status: 'complete', createdAt: 0 }}
        />
      </>,
    );
    expect(Object.fromEntries([...elements].map(([name, node]) => [name, node?.dataset.slot]))).toEqual({
      skeleton: 'skeleton',
      loader: 'egyptian-loader',
      'insight-card': 'insight-card',
      'suggestion-card': 'suggestion-card',
      'insights-panel': 'insights-panel',
      'suggestions-panel': 'suggestions-panel',
      'error-toast': 'error-toast',
      message: 'message',
    });
  });
});
