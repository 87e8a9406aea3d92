import type { ChatError } from './errors.js';

/** An automatic retry that is scheduled or under way; `null` in state when none is. */
export interface RetryState {
  /** Which retry this is, starting at 1. */
  attempt: number;
  /** How many retries are allowed in all (`retry.maxRetries`). */
  maxRetries: number;
  /** When the next try starts, as epoch milliseconds (`Date.now()` clock). */
  nextRetryAt: number;
  /** The failure being retried. */
  error: ChatError;
  /**
   * The browser is offline: the retry waits for the network to come back, and starts then (at once if
   * `nextRetryAt` has passed). @default false
   */
  offline?: boolean;
}
