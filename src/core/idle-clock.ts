/** The idle clock of one request: see {@link idleClock}. */
export interface IdleClock {
  /** A wait on the network begins. */
  start(): void;
  /** The wait ended (bytes came, or the consumer holds an event: that time does not count). */
  stop(): void;
  /** Clears the timer for good. */
  dispose(): void;
}

/**
 * Calls `onIdle` once a single wait on the network has lasted `ms`. It runs only while we wait, never while a slow
 * consumer holds an event. One timer serves the whole request and is re-armed for the remainder when it fires early:
 * a setTimeout/clearTimeout pair per network read costs more than the read itself on a fast stream.
 */
export function idleClock(ms: number, onIdle: () => void): IdleClock {
  let waitingSince: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    timer = undefined;
    if (waitingSince === undefined) return;
    const left = waitingSince + ms - performance.now();
    if (left > 0) timer = setTimeout(check, left);
    else onIdle();
  };
  return {
    start() {
      waitingSince = performance.now();
      // An armed timer fires at the latest `ms` after an earlier start, so before this wait's deadline.
      timer ??= setTimeout(check, ms);
    },
    stop() {
      waitingSince = undefined;
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}
