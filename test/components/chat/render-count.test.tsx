import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EnhancedChatInterface } from '../../../src/components/EnhancedChatInterface.js';
import type { ChatService } from '../../../src/core/service.js';
import { toChatMessage } from '../../../src/core/messages.js';
import { useSSEChat, type UseChat } from '../../../src/react/useSSEChat.js';
import { createScriptedFetch, delta, settle } from '../../support/scripted-fetch.js';

// Each view of a message reads it with `useMessage` once per render, and the transcript calls `useStickToBottom` once
// per render: counting those calls counts the renders of the real components.
const renders = vi.hoisted(() => ({ messages: new Map<string, number>(), transcript: 0 }));
vi.mock('../../../src/react/use-message.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/react/use-message.js')>();
  return {
    useMessage: (id: string) => {
      renders.messages.set(id, (renders.messages.get(id) ?? 0) + 1);
      return original.useMessage(id);
    },
  };
});
vi.mock('../../../src/components/lib/use-stick-to-bottom.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/components/lib/use-stick-to-bottom.js')>();
  return {
    useStickToBottom: () => {
      renders.transcript += 1;
      return original.useStickToBottom();
    },
  };
});

const history = Array.from({ length: 60 }, (_, i) =>
  toChatMessage({
    id: `h${i}`,
    role: i % 2 === 0 ? 'user' : 'assistant',
    content: `Message **${i}** of the history.`,
    status: 'complete',
    createdAt: 0,
  }),
);

describe('what re-renders while an answer streams', () => {
  it('only the streaming message: no finished message view and not the transcript, per token', async () => {
    const server = createScriptedFetch();
    const body = server.stream();
    const frames: (() => void)[] = [];
    let service: ChatService | undefined;
    const useChat: UseChat = (options) => {
      const chat = useSSEChat(options);
      service = chat.service;
      return chat;
    };
    render(
      <EnhancedChatInterface
        useChat={useChat}
        initialMessages={history}
        chatOptions={{
          fetch: server.fetch,
          endpoint: 'http://chat.test/v1',
          scheduleUpdate: (callback) => {
            frames.push(callback);
            return () => frames.splice(frames.indexOf(callback), 1);
          },
        }}
      />,
    );
    const flushFrame = () => act(() => frames.splice(0).forEach((callback) => callback()));

    await act(async () => {
      service?.send('One more question');
      await settle();
    });
    await act(async () => {
      body.push(delta('First'));
      await settle();
    });
    const answerId = service?.getSnapshot().streamingMessageId as string;
    renders.messages.clear();
    renders.transcript = 0;

    const tokens = 40;
    for (let i = 0; i < tokens; i++) {
      await act(async () => {
        body.push(delta(` token${i}`));
        await settle(2);
      });
      await flushFrame();
    }

    expect(screen.getByText(/token39/)).toBeInTheDocument();
    const finishedRenders = history.reduce((sum, message) => sum + (renders.messages.get(message.id) ?? 0), 0);
    expect(finishedRenders).toBe(0);
    expect(renders.transcript).toBe(0);
    // One render per frame that carried text: the batching holds.
    expect(renders.messages.get(answerId)).toBe(tokens);
  });
});
