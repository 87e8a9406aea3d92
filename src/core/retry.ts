/** How automatic retries behave. */
export interface RetryOptions {
  /** Retries after the first try (resumes included). @default 3 */
  maxRetries?: number;
  /** The backoff's first ceiling; it doubles each retry. @default 500 */
  baseDelayMs?: number;
  /** The backoff never waits longer than this. @default 10000 */
  maxDelayMs?: number;
  /** A server's `Retry-After` or `retry:` is honoured up to this long. @default 60000 */
  maxRetryAfterMs?: number;
}

export const defaultRetryOptions: Required<RetryOptions> = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

/**
 * Exponential backoff with full jitter: a uniform wait in `0..min(maxDelayMs, baseDelayMs·2^(attempt-1))`,
 * so clients that failed together do not retry together.
 */
export function backoffDelay(attempt: number, options: Required<RetryOptions>, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Parses `Retry-After` (delay-seconds or an HTTP date) into milliseconds from `now`; `undefined` if absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
