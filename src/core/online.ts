import { abortedError } from './abort.js';

/** Follows the browser's online state, so retries can wait for the network to come back. */
export class OnlineTracker {
  online: boolean;
  readonly #waiters = new Set<() => void>();

  readonly #onChange: () => void;

  constructor(onChange: () => void) {
    this.#onChange = onChange;
    this.online = typeof navigator === 'undefined' || navigator.onLine !== false;
  }

  /** Starts listening to `online`/`offline` on `window`; returns the function that stops. No-op without a window. */
  attach(): () => void {
    if (typeof window === 'undefined') return () => {};
    const update = () => this.#set(navigator.onLine !== false);
    const goOnline = () => this.#set(true);
    const goOffline = () => this.#set(false);
    update();
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
    };
  }

  /** Resolves at once when online, else when the browser comes back online; rejects `aborted` on abort. */
  readonly whenOnline = (signal: AbortSignal): Promise<void> => {
    if (this.online) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        this.#waiters.delete(done);
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        this.#waiters.delete(done);
        reject(abortedError());
      };
      this.#waiters.add(done);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  };

  #set(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    if (online) for (const resume of [...this.#waiters]) resume();
    this.#onChange();
  }
}
