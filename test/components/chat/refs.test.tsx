import { render } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import {
  ChatComposer,
  ChatEmptyState,
  ChatErrorNotice,
  ChatHeader,
  ChatMessageView,
  ChatRoot,
  ChatTranscript,
  ConnectionStatus,
  MessageActions,
} from '../../../src/components/index.js';

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
});
