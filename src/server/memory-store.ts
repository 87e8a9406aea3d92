import type { LogEntry, RelayEvent, RelayStore, StreamEnd, StreamLimits, StreamWriter } from './relay-store.js';
import { WakeUp } from './wake-up.js';

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /** The clock that expires finished answers. @default Date.now */
  now?: () => number;
}

interface MemoryStream {
  owner: string;
  entries: LogEntry[];
  /** When a finished answer is forgotten; `Infinity` while it is written. */
  expiresAt: number;
  wake: WakeUp;
  stop: AbortController;
}

/**
 * Keeps answers in this process's memory: the relay's default, for one instance (a dev server, a single container).
 * Same semantics as {@link redisStore} within the process; an answer is forgotten `ttlMs` after it ends.
 */
export function memoryStore(options: MemoryStoreOptions = {}): RelayStore {
  const now = options.now ?? Date.now;
  const streams = new Map<string, MemoryStream>();

  // Expiry is checked where answers are looked up, and swept when one is opened: no timer per answer.
  const sweep = () => {
    const time = now();
    for (const [id, stream] of streams) if (stream.expiresAt <= time) streams.delete(id);
  };
  const find = (id: string): MemoryStream | undefined => {
    const stream = streams.get(id);
    return stream && stream.expiresAt > now() ? stream : undefined;
  };

  return {
    async open(id: string, owner: string, { ttlMs }: StreamLimits): Promise<StreamWriter> {
      sweep();
      const stream: MemoryStream = {
        owner,
        entries: [],
        expiresAt: Infinity,
        wake: new WakeUp(),
        stop: new AbortController(),
      };
      streams.set(id, stream);
      let ended = false;
      const add = (entry: { events: RelayEvent[] } | { end: StreamEnd }) => {
        if (ended) return;
        stream.entries.push({ id: String(stream.entries.length), ...entry });
        stream.wake.notify();
      };
      return {
        stopped: stream.stop.signal,
        async append(events) {
          add({ events });
        },
        async end(end) {
          add({ end });
          ended = true;
          stream.expiresAt = now() + ttlMs;
        },
        async discard() {
          ended = true;
          streams.delete(id);
        },
      };
    },

    async ownerOf(id, entryId) {
      const stream = find(id);
      if (!stream || (entryId !== undefined && stream.entries[Number(entryId)]?.id !== entryId)) return null;
      return stream.owner;
    },

    async *read(id, { from, signal }) {
      let next = from === null ? 0 : Number(from);
      // Ids are the relay's own; one that is not an entry's index is someone's guess.
      if (!Number.isSafeInteger(next) || next < 0) {
        yield { id: '', end: 'interrupted' };
        return;
      }
      for (;;) {
        const stream = find(id);
        if (!stream) {
          yield { id: '', end: 'interrupted' };
          return;
        }
        const seen = stream.wake.count;
        while (next < stream.entries.length) {
          if (signal.aborted) return;
          const entry = stream.entries[next++] as LogEntry;
          yield entry;
          if ('end' in entry) return;
        }
        if (signal.aborted) return;
        await stream.wake.wait(seen, signal);
      }
    },

    async stop(id) {
      find(id)?.stop.abort();
    },

    async close() {
      const open = [...streams.values()];
      streams.clear();
      // Readers find their answer gone and end `interrupted`.
      for (const stream of open) {
        stream.stop.abort();
        stream.wake.notify();
      }
    },
  };
}
