import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EnhancedChatInterface, MessageActions } from '../../../src/components/index.js';
import { answer, createScriptedFetch, settle } from '../../support/scripted-fetch.js';

function chat() {
  const server = createScriptedFetch();
  let n = 0;
  render(
    <EnhancedChatInterface chatOptions={{ fetch: server.fetch, endpoint: '/chat', generateId: () => `m${++n}` }} />,
  );
  const log = screen.getByRole('log', { name: 'Conversation' });
  const send = async (text: string, reply: string) => {
    server.reply(() => answer(reply));
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: text } });
    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter' });
      await settle();
    });
  };
  const messages = () =>
    [...log.querySelectorAll<HTMLElement>('[data-slot="message"]')].map((m) => [
      m.dataset.role,
      m.querySelector('[data-slot="message-body"]')?.textContent,
    ]);
  return { server, log, send, messages };
}

describe('editing a sent message', () => {
  it('Edit opens the message in place; Enter saves a new version that is answered, and focus stays on Edit', async () => {
    const { server, log, send, messages } = chat();
    await send('First question', 'First answer');
    fireEvent.click(within(log).getByRole('button', { name: 'Edit' }));
    const editor = within(log).getByRole('textbox', { name: 'Edit message' });
    expect(editor).toHaveFocus();
    expect(editor).toHaveValue('First question');

    server.reply(() => answer('Better answer'));
    fireEvent.change(editor, { target: { value: 'Better question' } });
    await act(async () => {
      fireEvent.keyDown(editor, { key: 'Enter' });
      await settle();
    });
    expect(server.requests.at(-1)?.body.messages).toEqual([{ role: 'user', content: 'Better question' }]);
    expect(messages()).toEqual([
      ['user', 'Better question'],
      ['assistant', 'Better answer'],
    ]);
    expect(within(log).getByRole('button', { name: 'Edit' })).toHaveFocus();
    expect(within(log).getAllByRole('group', { name: 'Versions: 2 / 2' })).toHaveLength(1);
  });

  it('Escape cancels without a change or a request, and does not stop a streaming answer', async () => {
    const { server, log, send, messages } = chat();
    await send('Question', 'Answer');
    const body = server.stream();
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'Another' } });
    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter' });
      await settle();
    });
    const [firstEdit] = within(log).getAllByRole('button', { name: 'Edit' });
    fireEvent.click(firstEdit as HTMLElement);
    const editor = within(log).getByRole('textbox', { name: 'Edit message' });
    fireEvent.change(editor, { target: { value: 'Changed my mind' } });
    fireEvent.keyDown(editor, { key: 'Escape' });

    expect(within(log).queryByRole('textbox', { name: 'Edit message' })).toBeNull();
    expect(body.aborted).toBe(false);
    expect(server.requests).toHaveLength(2);
    expect(messages()[0]).toEqual(['user', 'Question']);
    expect(within(log).getAllByRole('button', { name: 'Edit' })[0]).toHaveFocus();
  });
});

describe('versions of an answer', () => {
  it('Regenerate adds a version; the picker moves between them and keeps focus on its button', async () => {
    const { server, log, send, messages } = chat();
    await send('Question', 'One');
    server.reply(() => answer('Two'));
    await act(async () => {
      fireEvent.click(within(log).getByRole('button', { name: 'Regenerate' }));
      await settle();
    });
    expect(messages().at(-1)).toEqual(['assistant', 'Two']);
    const picker = within(log).getByRole('group', { name: 'Versions: 2 / 2' });
    expect(within(picker).getByRole('button', { name: 'Next version' })).toHaveAttribute('aria-disabled', 'true');
    const previous = within(picker).getByRole('button', { name: 'Previous version' });
    previous.focus();
    act(() => previous.click());

    expect(messages().at(-1)).toEqual(['assistant', 'One']);
    const moved = within(log).getByRole('group', { name: 'Versions: 1 / 2' });
    expect(within(moved).getByRole('button', { name: 'Previous version' })).toHaveFocus();
    // At the first version, previous does nothing and keeps the focus.
    act(() => within(moved).getByRole('button', { name: 'Previous version' }).click());
    expect(messages().at(-1)).toEqual(['assistant', 'One']);
  });
});

describe('feedback', () => {
  it('thumbs are toggle buttons: pressing one presses it, pressing it again takes it back', () => {
    const onFeedback = vi.fn();
    const { rerender } = render(<MessageActions status="complete" content="x" onFeedback={onFeedback} />);
    const up = screen.getByRole('button', { name: 'Good answer' });
    expect(up).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(up);
    expect(onFeedback).toHaveBeenLastCalledWith('up');
    rerender(<MessageActions status="complete" content="x" feedback="up" onFeedback={onFeedback} />);
    expect(screen.getByRole('button', { name: 'Good answer' })).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(screen.getByRole('button', { name: 'Good answer' }));
    expect(onFeedback).toHaveBeenLastCalledWith(null);
    fireEvent.click(screen.getByRole('button', { name: 'Bad answer' }));
    expect(onFeedback).toHaveBeenLastCalledWith('down');
  });

  it('a rating in the chat is kept on the message', async () => {
    const { log, send } = chat();
    await send('Question', 'Answer');
    fireEvent.click(within(log).getByRole('button', { name: 'Bad answer' }));
    expect(within(log).getByRole('button', { name: 'Bad answer' })).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('feedback on failed answers', () => {
  it('a failed or interrupted answer offers Retry, not thumbs', () => {
    for (const status of ['error', 'interrupted'] as const) {
      const { unmount } = render(
        <MessageActions status={status} content="x" onRetry={() => {}} onFeedback={() => {}} />,
      );
      expect(screen.queryByRole('button', { name: 'Good answer' })).toBeNull();
      expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
      unmount();
    }
  });
});
