/**
 * Wakes the readers of one answer when its log grows. A reader notes `count` before it reads the log and, when it
 * found nothing new, waits from that count: a notice that came in between is not lost.
 */
export class WakeUp {
  #count = 0;
  #waiters = new Set<() => void>();

  /** How many notices so far. */
  get count(): number {
    return this.#count;
  }

  /** How many readers are waiting. */
  get waiting(): number {
    return this.#waiters.size;
  }

  notify(): void {
    this.#count += 1;
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const wake of waiters) wake();
  }

  /** Resolves once a notice came after `seen` (at once if one already did), or when `signal` aborts. */
  wait(seen: number, signal: AbortSignal): Promise<void> {
    if (this.#count !== seen || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.#waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.#waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
