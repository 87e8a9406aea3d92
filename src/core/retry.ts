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
export function backoffDelay(
  attempt: number,
  options: Required<RetryOptions>,
  random: () => number = Math.random,
): number {
  // The exponent is capped so 2^n stays finite: 0·Infinity would make the delay NaN when baseDelayMs is 0.
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(1000, Math.max(0, attempt - 1)));
  return Math.floor(random() * ceiling);
}

/** Parses `Retry-After` (delay-seconds or an HTTP date) into milliseconds from `now`; `undefined` if absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // Only an HTTP-date (day name first, then a hh:mm:ss time): Date.parse alone also accepts "-1" or "1 2".
  if (!/^[a-z]{3,9},?\s.*\d\d:\d\d:\d\d/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
