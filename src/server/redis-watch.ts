import type { Cluster, Redis } from 'ioredis';
import { WakeUp } from './wake-up.js';

/** The keys and channels of one answer; its keys share a hash tag, so Redis Cluster keeps them on one node. */
export function answerKeys(prefix: string, streamId: string) {
  const tag = `${prefix}:{${streamId}}`;
  return { log: `${tag}:log`, meta: `${tag}:meta`, lease: `${tag}:lease`, stop: `${tag}:stop`, wake: `${tag}:wake` };
}

/** One reader's view of its answer: woken when the log grows, `lost` once the producer or the store is gone. */
export interface Watcher {
  readonly wake: WakeUp;
  /** The producer's lease lapsed, or Redis failed: what the log holds now is all there will be. */
  readonly lost: boolean;
  leave(): void;
}

interface Watched {
  wake: WakeUp;
  lost: boolean;
  readers: number;
}

/**
 * What one instance watches, on one subscriber connection however many readers it serves: a channel per answer that
 * has readers here (the producer publishes after each append), the stop channel, and one timer that checks the
 * leases of the answers read here, all at once.
 */
export class RedisWatch {
  #watched = new Map<string, Watched>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopHandlers = new Set<(streamId: string) => void>();
  /** The shortest lease a reader was given: leases are checked twice as often. */
  #leaseMs = Infinity;

  readonly #prefix: string;
  readonly #commands: Redis | Cluster;
  readonly #subscriber: Redis | Cluster;

  constructor(prefix: string, commands: Redis | Cluster, subscriber: Redis | Cluster) {
    this.#prefix = prefix;
    this.#commands = commands;
    this.#subscriber = subscriber;
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.stopChannel) {
        for (const handler of this.#stopHandlers) handler(message);
        return;
      }
      this.#watched.get(message)?.wake.notify();
    });
  }

  /** Whether readers can be woken: the subscriber is connected (it reconnects by itself after an outage). */
  get ready(): boolean {
    return this.#subscriber.status === 'ready';
  }

  /** The channel stop requests go out on: every instance listens, the producing one acts. */
  get stopChannel(): string {
    return `${this.#prefix}:stop`;
  }

  async listenForStops(handler: (streamId: string) => void): Promise<void> {
    this.#stopHandlers.add(handler);
    await this.#subscriber.subscribe(this.stopChannel);
  }

  /** Starts watching an answer for one reader; resolves once its wake channel is subscribed. */
  async join(streamId: string, leaseMs: number): Promise<Watcher> {
    let watched = this.#watched.get(streamId);
    if (!watched) {
      watched = { wake: new WakeUp(), lost: false, readers: 0 };
      this.#watched.set(streamId, watched);
    }
    watched.readers += 1;
    this.#leaseMs = Math.min(this.#leaseMs, leaseMs);
    const current = watched;
    const leave = () => {
      current.readers -= 1;
      if (current.readers > 0 || this.#watched.get(streamId) !== current) return;
      this.#watched.delete(streamId);
      this.#subscriber.unsubscribe(answerKeys(this.#prefix, streamId).wake).catch(() => undefined);
    };
    try {
      await this.#subscriber.subscribe(answerKeys(this.#prefix, streamId).wake);
    } catch (error) {
      leave();
      throw error;
    }
    this.#schedule();
    return {
      wake: current.wake,
      get lost() {
        return current.lost;
      },
      leave,
    };
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#watched.size === 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#checkLeases().finally(() => this.#schedule());
    }, this.#leaseMs / 2);
  }

  /** Marks the answers whose producer's lease lapsed, or all of them when Redis does not answer, and wakes them. */
  async #checkLeases(): Promise<void> {
    const entries = [...this.#watched];
    if (entries.length === 0) return;
    let alive: boolean[];
    try {
      // One command per answer, all in flight at once on the one connection (a pipeline would have to keep to one
      // hash slot under Redis Cluster).
      const counts = await Promise.all(
        entries.map(([streamId]) => this.#commands.exists(answerKeys(this.#prefix, streamId).lease)),
      );
      alive = counts.map((count) => count === 1);
    } catch {
      alive = entries.map(() => false);
    }
    entries.forEach(([, watched], i) => {
      if (alive[i] || watched.lost) return;
      watched.lost = true;
      watched.wake.notify();
    });
  }

  /** Ends every reader's wait (the store closes). */
  close(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const watched of this.#watched.values()) {
      watched.lost = true;
      watched.wake.notify();
    }
    this.#watched.clear();
  }
}
