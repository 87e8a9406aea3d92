import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatError } from '../../src/core/errors.js';
import { ConnectionStatus, getConnectionState } from '../../src/components/ConnectionStatus.js';

const network = new ChatError('network', 'Failed to fetch');

describe('getConnectionState', () => {
  it.each([
    [{ isConnected: true }, 'connected'],
    [{ isConnected: false }, 'offline'],
    [{ isConnected: false, isConnecting: true }, 'connecting'],
    [{ isConnected: false, error: network }, 'error'],
    [{ isConnected: true, error: new ChatError('client', 'Bad request', { status: 400 }) }, 'connected'],
    [{ isConnected: true, error: new ChatError('aborted', 'Stopped') }, 'connected'],
    [{ isConnected: false, isConnecting: true, error: network }, 'connecting'],
    [{ isConnected: false, error: new ChatError('timeout', 'Nothing for 30 s') }, 'error'],
    // The answer's failures, not the connection's: the server was reached.
    [{ isConnected: true, error: new ChatError('server', 'Overloaded', { status: 503 }) }, 'connected'],
    [{ isConnected: true, error: new ChatError('auth', 'Session expired', { status: 401 }) }, 'connected'],
    [{ isConnected: true, error: new ChatError('protocol', 'Not an event stream') }, 'connected'],
    [
      {
        isConnected: true,
        retryState: {
          attempt: 1,
          maxRetries: 3,
          nextRetryAt: 0,
          error: new ChatError('rate_limit', 'Too many', { status: 429 }),
        },
      },
      'rate-limited',
    ],
    [
      {
        isConnected: false,
        isConnecting: true,
        error: network,
        retryState: { attempt: 1, maxRetries: 3, nextRetryAt: 0, error: network },
      },
      'reconnecting',
    ],
    // The retry waits for the network, not for its countdown.
    [
      {
        isConnected: false,
        isConnecting: true,
        error: network,
        retryState: { attempt: 1, maxRetries: 3, nextRetryAt: 0, error: network, offline: true },
      },
      'offline',
    ],
  ] as const)('%o → %s', (input, expected) => {
    expect(getConnectionState(input)).toBe(expected);
  });
});

describe('ConnectionStatus', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is a status region that says its state in words', () => {
    render(<ConnectionStatus isConnected={false} error={network} />);
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('data-state', 'error');
    expect(status).toHaveTextContent('Connection problem');
    // Why, and what to do, is the error notice's to say, once.
    expect(status).not.toHaveTextContent('Failed to fetch');
  });

  it('counts down to the next retry every second, hidden from screen readers', () => {
    const retryState = { attempt: 2, maxRetries: 5, nextRetryAt: Date.now() + 3_000, error: network };
    render(<ConnectionStatus isConnected={false} retryState={retryState} />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Reconnecting (attempt 2 of 5)');
    expect(status).toHaveTextContent('next try in 3 s');
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(status).toHaveTextContent('next try in 2 s');
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(status).toHaveTextContent('next try in 0 s');
    expect(screen.getByText(/next try in/)).toHaveAttribute('aria-hidden', 'true');
  });

  it('says Offline with no countdown while a retry waits for the browser to be back online', () => {
    const retryState = { attempt: 1, maxRetries: 3, nextRetryAt: Date.now() - 5_000, error: network, offline: true };
    render(<ConnectionStatus isConnected={false} isConnecting retryState={retryState} />);
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('data-state', 'offline');
    expect(status).toHaveTextContent(/^Offline$/);
  });

  // That the dot's label is out of sight is measured in the browser: the Dots story.
  it('keeps the label for screen readers in the dot variant, and as its title', () => {
    render(<ConnectionStatus variant="dot" isConnected />);
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('data-variant', 'dot');
    expect(status).toHaveTextContent(/^Connected$/);
    expect(status).toHaveAttribute('title', 'Connected');
  });

  it('lets every string be translated', () => {
    render(<ConnectionStatus isConnected={false} labels={{ offline: 'Hors ligne' }} />);
    expect(screen.getByRole('status')).toHaveTextContent('Hors ligne');
  });

  it('joins the caller className last, after its own classes', () => {
    render(<ConnectionStatus isConnected className="host-class" />);
    const status = screen.getByRole('status');
    expect(status.className.split(' ').at(-1)).toBe('host-class');
    expect(status.className).toMatch(/^pc:/);
  });
});
