import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ChatComposer, ChatRoot, ChatTranscript, EnhancedChatInterface } from '../../../src/components/index.js';
import { useSSEChat, type UseChat } from '../../../src/react/useSSEChat.js';
import { answer, createScriptedFetch, settle } from '../../support/scripted-fetch.js';

const initialMessages = [
  { id: 'u1', role: 'user' as const, content: 'Kept', status: 'complete' as const, createdAt: 0 },
];

describe('a host around the parts', () => {
  it("calls the injected hook's own actions: a wrapper that gates send is honoured", async () => {
    const server = createScriptedFetch();
    server.reply(() => answer('ok'));
    const gate = vi.fn((text: string) => text !== 'blocked');
    const useGatedChat: UseChat = (options) => {
      const chat = useSSEChat(options);
      return {
        ...chat,
        send: (message) => gate(typeof message === 'string' ? message : message.text) && chat.send(message),
      };
    };
    render(<EnhancedChatInterface useChat={useGatedChat} chatOptions={{ fetch: server.fetch, endpoint: '/chat' }} />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'blocked' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(gate).toHaveBeenCalledWith('blocked');
    expect(server.requests).toHaveLength(0);
    // Refused: nothing is lost, the text stays in the composer.
    expect(box).toHaveValue('blocked');
    fireEvent.change(box, { target: { value: 'allowed' } });
    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter' });
      await settle();
    });
    expect(server.requests).toHaveLength(1);
  });

  it('labels given later (translations loaded async) keep the chat: no remount, nothing lost', async () => {
    function Host() {
      const [labels, setLabels] = useState<{ chat: { send: string } } | undefined>(undefined);
      return (
        <>
          <button type="button" onClick={() => setLabels({ chat: { send: 'Envoyer' } })}>
            French
          </button>
          <ChatRoot options={{ initialMessages }} labels={labels}>
            <ChatTranscript />
            <ChatComposer />
          </ChatRoot>
        </>
      );
    }
    render(<Host />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'a draft' } });
    fireEvent.click(screen.getByRole('button', { name: 'French' }));
    expect(screen.getByRole('button', { name: 'Envoyer' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBe(box);
    expect(box).toHaveValue('a draft');
    expect(screen.getByText('Kept')).toBeInTheDocument();
  });

  it("runs a React 19 callback ref's cleanup when the part goes", () => {
    const cleanup = vi.fn();
    const seen: (HTMLElement | null)[] = [];
    const ref = (node: HTMLDivElement | null) => {
      seen.push(node);
      return cleanup;
    };
    const { unmount } = render(
      <ChatRoot options={{ initialMessages }}>
        <ChatTranscript ref={ref} />
      </ChatRoot>,
    );
    expect(seen).toEqual([screen.getByRole('log')]);
    unmount();
    expect(cleanup).toHaveBeenCalledOnce();
    expect(seen).toHaveLength(1);
  });
});
