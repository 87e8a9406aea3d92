import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MotionGlobalConfig } from 'framer-motion';
import { describe, expect, it, vi } from 'vitest';
import { ChatComposer, ChatMessageView, ChatRoot, ChatTranscript } from '../../src/components/chat/index.js';
import { ErrorToast } from '../../src/components/ErrorToast.js';
import { EnhancedChatInterface } from '../../src/components/EnhancedChatInterface.js';
import { composeEventHandlers } from '../../src/components/lib/compose-event-handlers.js';
import { ChatError } from '../../src/core/errors.js';
import { answer, createScriptedFetch, settle } from '../support/scripted-fetch.js';

describe('composeEventHandlers', () => {
  it("runs the host's handler, then ours unless the host prevented the default", () => {
    const calls: string[] = [];
    const handler = composeEventHandlers(
      (event: { defaultPrevented: boolean }) => calls.push(`host ${event.defaultPrevented}`),
      () => calls.push('ours'),
    );
    handler({ defaultPrevented: false });
    handler({ defaultPrevented: true });
    expect(calls).toEqual(['host false', 'ours', 'host true']);
    const alone = composeEventHandlers<{ defaultPrevented: boolean }>(undefined, () => calls.push('alone'));
    alone({ defaultPrevented: false });
    expect(calls.at(-1)).toBe('alone');
  });
});

describe('host handlers add to ours', () => {
  it('a host onKeyDown on the chat does not switch off Escape-to-stop; preventDefault does', async () => {
    const server = createScriptedFetch();
    const body = server.stream();
    const onKeyDown = vi.fn();
    render(<EnhancedChatInterface onKeyDown={onKeyDown} chatOptions={{ fetch: server.fetch, endpoint: '/chat' }} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Hello' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send' }));
      await settle();
    });
    expect(screen.getByRole('button', { name: 'Stop' })).toBeInTheDocument();
    const log = screen.getByRole('log');

    fireEvent.keyDown(log, { key: 'Escape' });
    expect(onKeyDown).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Send' })).toBeInTheDocument();
    expect(body.aborted).toBe(true);

    // A host that handles Escape itself says so with preventDefault, and the answer goes on.
    const next = server.stream();
    onKeyDown.mockImplementation((event: KeyboardEvent) => event.preventDefault());
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Again' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send' }));
      await settle();
    });
    fireEvent.keyDown(log, { key: 'Escape' });
    expect(screen.getByRole('button', { name: 'Stop' })).toBeInTheDocument();
    expect(next.aborted).toBe(false);
  });

  it('a host onFocus/onBlur on the toast keeps its pause and its return of focus', async () => {
    vi.useFakeTimers();
    // The toast leaves when its exit animation ends: skipped here, as under reduced motion.
    MotionGlobalConfig.skipAnimations = true;
    try {
      const onDismiss = vi.fn();
      const onFocus = vi.fn();
      const onBlur = vi.fn();
      const { rerender } = render(
        <>
          <button type="button">Send</button>
          <ErrorToast
            error={new ChatError('network', 'cut')}
            onDismiss={onDismiss}
            autoDismissMs={1_000}
            onFocus={onFocus}
            onBlur={onBlur}
          />
        </>,
      );
      const send = screen.getByRole('button', { name: 'Send' });
      send.focus();
      const dismiss = screen.getByRole('button', { name: 'Dismiss' });
      act(() => dismiss.focus());
      expect(onFocus).toHaveBeenCalled();
      act(() => {
        vi.advanceTimersByTime(5_000);
      });
      expect(onDismiss).not.toHaveBeenCalled();
      // Focus leaves: the host hears of it, and the timer runs again.
      act(() => send.focus());
      expect(onBlur).toHaveBeenCalled();
      act(() => {
        vi.advanceTimersByTime(1_000);
      });
      expect(onDismiss).toHaveBeenCalledOnce();
      act(() => dismiss.focus());

      rerender(
        <>
          <button type="button">Send</button>
          <ErrorToast error={null} onDismiss={onDismiss} onFocus={onFocus} onBlur={onBlur} />
        </>,
      );
      vi.useRealTimers();
      await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
      expect(screen.queryByRole('alert')).toBeNull();
      expect(send).toHaveFocus();
    } finally {
      vi.useRealTimers();
      MotionGlobalConfig.skipAnimations = false;
    }
  });

  it("a host's onRetry and onFeedback on ChatMessageView run before the chat's own retry and rating, not instead", async () => {
    const server = createScriptedFetch();
    server.reply(() => Response.json({ error: { message: 'down' } }, { status: 503 }));
    const calls: string[] = [];
    const onRetry = vi.fn(() => calls.push(`host retry, ${server.requests.length} request`));
    const onFeedback = vi.fn();
    const Message = ({ messageId }: { messageId: string }) => (
      <ChatMessageView messageId={messageId} onRetry={onRetry} onFeedback={onFeedback} />
    );
    render(
      <ChatRoot
        options={{ fetch: server.fetch, endpoint: '/chat', retry: { maxRetries: 0 }, fallbackToNonStreaming: false }}
      >
        <ChatTranscript messageComponent={Message} />
        <ChatComposer />
      </ChatRoot>,
    );
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'Hello' } });
    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter' });
      await settle();
    });
    server.reply(() => answer('Back again.'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
      await settle();
    });
    expect(calls).toEqual(['host retry, 1 request']);
    expect(server.requests).toHaveLength(2);
    const answerView = screen.getAllByRole('article').at(-1)!;
    expect(answerView).toHaveTextContent('Back again.');

    fireEvent.click(within(answerView).getByRole('button', { name: 'Good answer' }));
    expect(onFeedback).toHaveBeenCalledWith('up');
    expect(within(answerView).getByRole('button', { name: 'Good answer' })).toHaveAttribute('aria-pressed', 'true');
  });
});
