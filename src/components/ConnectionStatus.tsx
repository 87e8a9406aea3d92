'use client';
import { forwardRef, type ComponentProps, type ReactElement } from 'react';
import { cva, type VariantProps } from 'class-variance-authority';
import { isCutOff, type ChatError } from '../core/errors.js';
import type { RetryState } from '../core/retry-state.js';
import { cn } from './lib/cn.js';
import { useLabels, type ConnectionStatusLabels } from './labels.js';
import { Countdown } from './lib/Countdown.js';
import { connectionStatusEn } from './labels-en.js';

/** What {@link ConnectionStatus} shows; also its `data-state`. */
export type ConnectionState = 'connected' | 'connecting' | 'reconnecting' | 'rate-limited' | 'offline' | 'error';

/** The inputs that decide the state: the same fields `useSSEChat` returns. */
export interface ConnectionStateInput {
  isConnected: boolean;
  isConnecting?: boolean;
  error?: ChatError | null;
  retryState?: RetryState | null;
}

/**
 * Derives what to show: the connection only, never a failed answer (that has its own notice). A scheduled retry wins
 * over everything (waiting out a rate limit, or reconnecting) unless it waits for the browser to be back online; then
 * a request under way; then a lost connection.
 */
export function getConnectionState({
  isConnected,
  isConnecting = false,
  error = null,
  retryState = null,
}: ConnectionStateInput): ConnectionState {
  // Offline, the retry starts when the network returns, not when a countdown ends.
  if (retryState?.offline) return 'offline';
  if (retryState) return retryState.error.kind === 'rate_limit' ? 'rate-limited' : 'reconnecting';
  if (isConnecting) return 'connecting';
  // A cut is the connection's failure; the others (a refusal, an expired session, a server error) are the answer's.
  if (isCutOff(error)) return 'error';
  return isConnected ? 'connected' : 'offline';
}

export const connectionStatusVariants = cva(
  'pc:inline-flex pc:items-center pc:gap-2 pc:font-sans pc:text-sm pc:leading-5',
  {
    variants: {
      variant: {
        full: 'pc:max-w-full pc:min-w-0 pc:rounded-full pc:border pc:border-border pc:bg-background pc:py-1 pc:ps-2.5 pc:pe-3 pc:text-foreground',
        dot: 'pc:p-1',
      },
    },
    defaultVariants: { variant: 'full' },
  },
);

const indicatorVariants = cva('pc:size-3 pc:shrink-0', {
  variants: {
    state: {
      connected: 'pc:text-success',
      connecting: 'pc:text-accent pc:motion-safe:animate-spin',
      reconnecting: 'pc:text-warning pc:motion-safe:animate-spin',
      'rate-limited': 'pc:text-warning',
      offline: 'pc:text-muted-foreground',
      error: 'pc:text-danger',
    } satisfies Record<ConnectionState, string>,
  },
});

/** Each state has its own shape, so the indicator never relies on colour alone. */
function Indicator({ state }: { state: ConnectionState }): ReactElement {
  const common = {
    viewBox: '0 0 12 12',
    'aria-hidden': true,
    focusable: false,
    'data-slot': 'connection-status-indicator',
    className: indicatorVariants({ state }),
  } as const;
  switch (state) {
    case 'connected':
      return (
        <svg {...common}>
          <circle cx="6" cy="6" r="5" fill="currentColor" />
        </svg>
      );
    case 'connecting':
    case 'reconnecting':
      return (
        <svg {...common}>
          <path d="M6 1a5 5 0 1 1-5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      );
    case 'rate-limited':
      // An hourglass: waiting, not failing.
      return (
        <svg {...common}>
          <path
            d="M2.5 1h7M2.5 11h7M3.5 1c0 3 5 3 5 5s-5 2-5 5M8.5 1c0 3-5 3-5 5s5 2 5 5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
            strokeLinecap="round"
          />
        </svg>
      );
    case 'offline':
      return (
        <svg {...common}>
          {/* A hollow dot: the usual sign for "not connected", where the slashed circle read as a stray "⌀". */}
          <circle cx="6" cy="6" r="4.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      );
    case 'error':
      return (
        <svg {...common}>
          <path d="M6 .75 11.5 11h-11Z" fill="currentColor" />
          <path d="M6 4.5v3M6 9.2v.1" stroke="var(--pc-background)" strokeWidth="1.4" strokeLinecap="round" />
        </svg>
      );
  }
}

export interface ConnectionStatusProps
  extends Omit<ComponentProps<'div'>, 'children'>, ConnectionStateInput, VariantProps<typeof connectionStatusVariants> {
  /** Whether the browser is online and the last request reached the server. */
  isConnected: boolean;
  /** A request or retry is under way and no byte has arrived yet. @default false */
  isConnecting?: boolean;
  /** The last error, if any. @default null */
  error?: ChatError | null;
  /** The scheduled automatic retry, if any; shows attempt n of m and a live countdown. @default null */
  retryState?: RetryState | null;
  /** `full` shows a labelled pill; `dot` shows only the indicator, with the label for screen readers. @default "full" */
  variant?: 'full' | 'dot';
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<ConnectionStatusLabels>;
}

/**
 * Shows whether the chat can reach its server: connected, connecting, reconnecting (attempt n of m, next try in s),
 * rate limited (trying again in s), offline, or a connection problem — the connection only: why an answer failed is
 * said once, by the error notice. A polite live region (`role="status"`): the countdown is hidden from screen readers
 * so they hear each change of state once, not every second.
 */
export const ConnectionStatus = forwardRef<HTMLDivElement, ConnectionStatusProps>(function ConnectionStatus(
  { isConnected, isConnecting = false, error = null, retryState = null, variant = 'full', labels, className, ...props },
  ref,
): ReactElement {
  const text = useLabels('connectionStatus', connectionStatusEn, labels);
  const state = getConnectionState({ isConnected, isConnecting, error, retryState });
  const label =
    state === 'reconnecting' && retryState
      ? text.reconnecting(retryState.attempt, retryState.maxRetries)
      : state === 'rate-limited'
        ? text.rateLimited
        : text[state as Exclude<ConnectionState, 'reconnecting' | 'rate-limited'>];
  const dot = variant === 'dot';

  return (
    <div
      ref={ref}
      role="status"
      data-slot="connection-status"
      data-state={state}
      data-variant={variant}
      title={dot ? label : undefined}
      className={cn(connectionStatusVariants({ variant }), className)}
      {...props}
    >
      <Indicator state={state} />
      {/* On a narrow screen the label gives way (truncated) before the countdown does. */}
      <span data-slot="connection-status-label" className={dot ? 'pc:sr-only' : 'pc:min-w-0 pc:truncate'}>
        {label}
      </span>
      {/* Only in the states that wait for a retry's time: offline, it waits for the network instead. */}
      {retryState && (state === 'reconnecting' || state === 'rate-limited') && !dot && (
        <Countdown
          key={retryState.nextRetryAt}
          until={retryState.nextRetryAt}
          format={(seconds) => `· ${state === 'rate-limited' ? text.tryingAgainIn(seconds) : text.nextTryIn(seconds)}`}
          aria-hidden="true"
          data-slot="connection-status-countdown"
          className="pc:shrink-0 pc:whitespace-nowrap pc:text-muted-foreground"
        />
      )}
    </div>
  );
});
