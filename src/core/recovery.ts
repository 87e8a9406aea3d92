import type { ChatError } from './errors.js';
import { backoffDelay, type RetryOptions } from './retry.js';

/** What the tries of one answer have learned so far. */
export interface StreamFacts {
  /** Answer, reasoning or tool-call text was yielded: a plain retry would repeat it. */
  textSeen: boolean;
  /** The id of the last completed event (WHATWG "last event ID"); `''` when none. */
  lastEventId: string;
  /** The server's `retry:` field. */
  serverRetryMs?: number;
  /** An error chunk that came after text: it ends the answer, with no automatic retry. */
  errorAfterText?: ChatError;
}

/** Where the answer's tries stand when one fails. */
export interface Attempt {
  /** Automatic re-requests so far (resumes included; the one after a token refresh is not counted). */
  retries: number;
  /** Still streaming (not yet fallen back to the non-streaming request). */
  streaming: boolean;
  /** The token was already refreshed once for this answer. */
  refreshed: boolean;
}

/** The options that shape recovery. */
export interface RecoveryOptions {
  retry: Required<RetryOptions>;
  /** A `refreshToken` is available. */
  canRefresh: boolean;
  fallbackToNonStreaming: boolean;
  /** For the backoff's jitter. @default Math.random */
  random?: () => number;
}

/** What to do after a failed try. */
export type Recovery =
  | { action: 'refresh' }
  | { action: 'retry'; delayMs: number; resume: boolean }
  | { action: 'fallback' }
  | { action: 'fail' };

/**
 * The recovery rules of DESIGN.md, as one pure decision: refresh once on `auth`; retry what is retryable while
 * nothing was shown, or resume with `Last-Event-ID` when events had ids (never after an error chunk that followed
 * text); wait `Retry-After` or the server's `retry:` (capped by `maxRetryAfterMs`), else back off with full jitter;
 * when retries are spent or not allowed, fall back once to a non-streaming request for a `server` error before any
 * text; otherwise give up.
 */
export function decideRecovery(
  error: ChatError,
  facts: StreamFacts,
  attempt: Attempt,
  options: RecoveryOptions,
): Recovery {
  if (error.kind === 'auth' && options.canRefresh && !attempt.refreshed && attempt.streaming)
    return { action: 'refresh' };
  const resume = facts.lastEventId !== '' && facts.errorAfterText !== error;
  const canRetry =
    attempt.streaming && error.retryable && (!facts.textSeen || resume) && attempt.retries < options.retry.maxRetries;
  if (!canRetry) {
    const fallback = attempt.streaming && error.kind === 'server' && options.fallbackToNonStreaming && !facts.textSeen;
    return { action: fallback ? 'fallback' : 'fail' };
  }
  const { maxRetryAfterMs } = options.retry;
  const delayMs =
    error.kind === 'rate_limit' && error.retryAfterMs !== undefined
      ? Math.min(error.retryAfterMs, maxRetryAfterMs)
      : resume && facts.serverRetryMs !== undefined
        ? Math.min(facts.serverRetryMs, maxRetryAfterMs)
        : backoffDelay(attempt.retries + 1, options.retry, options.random);
  return { action: 'retry', delayMs, resume };
}
