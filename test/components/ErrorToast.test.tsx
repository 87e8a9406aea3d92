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
    expect(current?.querySelector('[data-slot="error-toast-retry"]')).toBeNull();
    expect(current).toHaveTextContent('Request refused');
  });

  it('counts down from Retry-After to when the user may try again, without claiming to retry by itself', () => {
    render(<ErrorToast error={new ChatError('rate_limit', 'slow down', { retryAfterMs: 3_000 })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Try again in 3 s');
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Try again in 1 s');
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
