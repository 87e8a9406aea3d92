import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatError } from '../../src/core/errors.js';
import { ErrorToast } from '../../src/components/ErrorToast.js';

describe('ErrorToast', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows nothing without an error, and nothing for a stop (not a failure)', () => {
    const { container, rerender } = render(<ErrorToast error={null} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<ErrorToast error={new ChatError('aborted', 'Stopped')} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers Retry only when retrying can help', () => {
    const onRetry = vi.fn();
    const { rerender } = render(<ErrorToast error={new ChatError('server', 'boom')} onRetry={onRetry} />);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
    rerender(<ErrorToast error={new ChatError('client', 'bad')} onRetry={onRetry} />);
    // The previous toast may still be animating out; the new one is the one that says "bad".
    const current = screen.getAllByRole('alert').find((alert) => alert.textContent?.includes('bad'));
    expect(current?.querySelector('[data-slot="retry"]')).toBeNull();
    expect(current).toHaveTextContent('Request refused');
  });

  it('keeps Retry disabled while Retry-After runs, counting down on the button, then enables it', () => {
    const onRetry = vi.fn();
    render(<ErrorToast error={new ChatError('rate_limit', 'slow down', { retryAfterMs: 3_000 })} onRetry={onRetry} />);
    const retry = screen.getByRole('button', { name: 'Retry in 3 s' });
    expect(retry).toBeDisabled();
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(retry).toHaveTextContent('Retry in 1 s');
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(retry).toBeEnabled();
    expect(retry).toHaveTextContent(/^Retry$/);
    fireEvent.click(retry);
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('speaks plainly and keeps the technical message, kind and status under Details', () => {
    render(
      <ErrorToast
        error={new ChatError('server', 'The chat server failed (503 Service Unavailable).', { status: 503 })}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The service could not answer this time. Trying again usually helps.');
    const details = alert.querySelector('details');
    expect(details).not.toBeNull();
    expect(details).not.toHaveAttribute('open');
    expect(details).toHaveTextContent('The chat server failed (503 Service Unavailable).');
    expect(details).toHaveTextContent('server · HTTP 503');
    // Only the summary line is outside the fold.
    expect(alert.querySelector('[data-slot="error-toast-message"]')).not.toHaveTextContent('503');
  });

  it("shows a refused request in the server's own words, with no action", () => {
    render(
      <ErrorToast
        error={new ChatError('client', 'Your message is too long for this model.', { status: 400 })}
        onRetry={vi.fn()}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('[data-slot="error-toast-message"]')).toHaveTextContent(
      'Your message is too long for this model.',
    );
    expect(screen.queryByRole('button', { name: /retry|sign in/i })).toBeNull();
  });

  it('offers Sign in, not Retry, for an expired session when the host can sign the user in', () => {
    const onAuthRequired = vi.fn();
    const onRetry = vi.fn();
    const { rerender } = render(
      <ErrorToast error={new ChatError('auth', 'expired', { status: 401 })} onRetry={onRetry} />,
    );
    expect(screen.queryByRole('button', { name: /retry|sign in/i })).toBeNull();
    rerender(
      <ErrorToast
        error={new ChatError('auth', 'expired', { status: 401 })}
        onRetry={onRetry}
        onAuthRequired={onAuthRequired}
      />,
    );
    const current = screen.getAllByRole('alert').at(-1)!;
    fireEvent.click(current.querySelector('[data-slot="sign-in"]')!);
    expect(onAuthRequired).toHaveBeenCalledOnce();
    expect(onRetry).not.toHaveBeenCalled();
  });

  it('auto-dismisses when asked, but not while hovered', () => {
    const onDismiss = vi.fn();
    render(<ErrorToast error={new ChatError('network', 'cut')} onDismiss={onDismiss} autoDismissMs={5_000} />);
    const alert = screen.getByRole('alert');
    fireEvent.pointerEnter(alert);
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(onDismiss).not.toHaveBeenCalled();
    fireEvent.pointerLeave(alert);
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('dismisses on Escape pressed inside it', () => {
    const onDismiss = vi.fn();
    render(<ErrorToast error={new ChatError('network', 'cut')} onDismiss={onDismiss} />);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Dismiss' }), { key: 'Escape' });
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});
