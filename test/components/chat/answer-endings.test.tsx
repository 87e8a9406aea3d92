import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CONTINUE_PROMPT } from '../../../src/core/request.js';
import { EnhancedChatInterface, StreamingMessageBubble } from '../../../src/components/index.js';
import { createScriptedFetch, delta, settle, sse } from '../../support/scripted-fetch.js';

const answer = (finishReason: string | undefined) => ({
  id: 'a',
  role: 'assistant' as const,
  content: 'Once upon a',
  status: 'complete' as const,
  createdAt: 0,
  ...(finishReason && { finishReason }),
});
const noticeOf = (view: HTMLElement) => view.querySelector<HTMLElement>('[data-slot="message-status"]');

describe('how a complete answer ended', () => {
  it('a length cut says so quietly, with Continue', () => {
    const onContinue = vi.fn();
    const { container } = render(<StreamingMessageBubble message={answer('length')} onContinue={onContinue} />);
    const notice = noticeOf(container)!;
    expect(notice).toHaveTextContent('The answer hit its length limit');
    fireEvent.click(within(notice).getByRole('button', { name: 'Continue' }));
    expect(onContinue).toHaveBeenCalledOnce();
  });

  it('a content filter says so in plain words, with no action', () => {
    const { container } = render(<StreamingMessageBubble message={answer('content_filter')} onContinue={() => {}} />);
    expect(noticeOf(container)).toHaveTextContent("The provider's content filter stopped this answer");
    expect(within(noticeOf(container)!).queryByRole('button')).toBeNull();
  });

  it('an answer that ended as it should, or for a reason we do not know, has no note', () => {
    for (const reason of [undefined, 'stop', 'tool_calls', 'toString', 'constructor']) {
      const { container, unmount } = render(<StreamingMessageBubble message={answer(reason)} />);
      expect(noticeOf(container)).toBeNull();
      unmount();
    }
  });

  it('Continue in the chat asks the model to go on, and its words join the same answer', async () => {
    const server = createScriptedFetch();
    server.reply(() => sse(delta('Once upon a', 'length'), 'data: [DONE]\n\n'));
    render(<EnhancedChatInterface chatOptions={{ fetch: server.fetch, endpoint: '/chat' }} />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'A story?' } });
    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter' });
      await settle();
    });
    server.reply(() => sse(delta(' time, there was a chat.', 'stop'), 'data: [DONE]\n\n'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
      await settle();
    });
    expect(server.requests[1]?.body.messages).toEqual([
      { role: 'user', content: 'A story?' },
      { role: 'assistant', content: 'Once upon a' },
      { role: 'user', content: CONTINUE_PROMPT },
    ]);
    const answers = screen.getAllByRole('article').filter((view) => view.dataset.role === 'assistant');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toHaveTextContent('Once upon a time, there was a chat.');
    expect(noticeOf(answers[0]!)).toBeNull();
  });
});
