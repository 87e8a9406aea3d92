import type { Cluster, Redis } from 'ioredis';
import { answerKeys, RedisWatch } from './redis-watch.js';
import type { LogEntry, RelayEvent, RelayStore, StreamEnd, StreamWriter } from './relay-store.js';

/**
 * Options of {@link redisStore}: `url`, which it connects to (commands fail at once while Redis is away, so new
 * answers get a 503), or `client`, an `ioredis` client or `Cluster` of yours that it uses for commands and duplicates
 * for its subscriber (your client's offline queue and retry settings then apply).
 */
export type RedisStoreOptions = ({ url: string } | { client: Redis | Cluster }) & {
  /** The prefix of every key and channel. @default "chat-relay" */
  prefix?: string;
};

interface Connections {
  commands: Redis | Cluster;
  watch: RedisWatch;
  close(): Promise<void>;
}

/** Entries read per round trip while a reader catches up. */
const PAGE = 256;
/** How long a stop request is remembered, for a producer that missed its message (it checks at each renewal). */
const STOP_KEPT_MS = 60_000;

type Row = [id: string, fields: string[]];

function toEntry([id, fields]: Row): LogEntry {
  const [name, value = ''] = fields;
  return name === 'end' ? { id, end: value as StreamEnd } : { id, events: JSON.parse(value) as RelayEvent[] };
}

/**
 * Keeps answers in Redis so any number of relay instances share them: one Redis Stream per answer (`XADD`), readers
 * woken by pub/sub (never a polling loop), a lease the producer renews, a TTL on every key. Each instance holds two
 * connections however many answers it serves: one for commands, one subscribed. `ioredis` is loaded only here.
 */
export function redisStore(options: RedisStoreOptions): RelayStore {
  const prefix = options.prefix ?? 'chat-relay';
  const writers = new Map<string, AbortController>();
  let connecting: Promise<Connections> | undefined;

  const connect = async (): Promise<Connections> => {
    const { Cluster, Redis } = await import('ioredis');
    // Commands fail at once while Redis is away (no offline queue): a new answer gets a 503, not a hang.
    const commands =
      'client' in options
        ? options.client
        : new Redis(options.url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    const subscriber: Redis | Cluster = commands instanceof Cluster ? commands.duplicate() : commands.duplicate();
    // Connection errors surface as failed commands; ioredis reconnects by itself.
    const ignore = () => undefined;
    commands.on('error', ignore);
    subscriber.on('error', ignore);
    const watch = new RedisWatch(prefix, commands, subscriber);
    try {
      // A lazy client (ours, or a duplicate of one) connects when asked to.
      await Promise.all(
        [commands, subscriber].map((client) => (client.status === 'wait' ? client.connect() : undefined)),
      );
      await watch.listenForStops((streamId) => writers.get(streamId)?.abort());
    } catch (error) {
      // Redis is away: the next call tries afresh, so these clients must not go on reconnecting by themselves.
      subscriber.disconnect();
      if ('url' in options) commands.disconnect();
      throw error;
    }
    return {
      commands,
      watch,
      async close() {
        watch.close();
        subscriber.disconnect();
        if ('url' in options) commands.disconnect();
      },
    };
  };
  const connections = (): Promise<Connections> => {
    connecting ??= connect().catch((error: unknown) => {
      connecting = undefined;
      throw error;
    });
    return connecting;
  };

  return {
    async open(streamId, owner, { ttlMs, leaseMs }): Promise<StreamWriter> {
      const { commands, watch } = await connections();
      // An answer nobody could be woken for would be paid for and lost: the caller gets a 503 and retries.
      if (!watch.ready) throw new Error('The Redis subscriber is reconnecting.');
      const keys = answerKeys(prefix, streamId);
      await commands
        .multi()
        .hset(keys.meta, 'owner', owner)
        .pexpire(keys.meta, ttlMs)
        .set(keys.lease, '1', 'PX', leaseMs)
        .exec();
      const stopped = new AbortController();
      writers.set(streamId, stopped);
      // The lease proves the producer lives; each renewal also keeps the answer's keys from expiring while it is
      // written, and picks up a stop whose message this instance missed.
      const renew = setInterval(() => {
        commands
          .pipeline()
          .set(keys.lease, '1', 'PX', leaseMs)
          .pexpire(keys.meta, ttlMs)
          .pexpire(keys.log, ttlMs)
          .exists(keys.stop)
          .exec()
          .then((results) => {
            if (results?.[3]?.[1] === 1) stopped.abort();
          })
          .catch(() => undefined);
      }, leaseMs / 2);
      let ended = false;
      // The first append creates the log: it gets its TTL then; the lease's renewals keep it after that.
      let created = false;
      const release = () => {
        ended = true;
        clearInterval(renew);
        writers.delete(streamId);
      };
      const add = async (field: string, value: string, expire: boolean) => {
        if (ended) return;
        const pipeline = commands.pipeline().xadd(keys.log, '*', field, value);
        if (expire) pipeline.pexpire(keys.log, ttlMs);
        const results = await pipeline.publish(keys.wake, streamId).exec();
        const failed = results?.find(([error]) => error);
        if (failed) throw failed[0];
      };
      return {
        stopped: stopped.signal,
        async append(events) {
          await add('e', JSON.stringify(events), !created);
          created = true;
        },
        async end(end) {
          try {
            await add('end', end, true);
            await commands.multi().pexpire(keys.meta, ttlMs).del(keys.lease).exec();
          } finally {
            release();
          }
        },
        async discard() {
          release();
          await commands.del(keys.meta, keys.lease, keys.log);
        },
      };
    },

    async ownerOf(streamId, entryId) {
      const { commands } = await connections();
      const keys = answerKeys(prefix, streamId);
      const owner = await commands.hget(keys.meta, 'owner');
      if (owner === null || entryId === undefined) return owner;
      const rows = await commands.xrange(keys.log, entryId, entryId).catch(() => []);
      return rows.length === 1 ? owner : null;
    },

    async *read(streamId, { from, leaseMs, signal }) {
      const { commands, watch } = await connections();
      const keys = answerKeys(prefix, streamId);
      let watcher;
      try {
        watcher = await watch.join(streamId, leaseMs);
      } catch {
        yield { id: '', end: 'interrupted' };
        return;
      }
      try {
        let start = from ?? '-';
        while (!signal.aborted) {
          const seen = watcher.wake.count;
          // Read once more after the producer is found lost: its last entries may have landed just before.
          const lostBefore = watcher.lost;
          const rows = (await commands.xrange(keys.log, start, '+', 'COUNT', PAGE)) as Row[];
          for (const row of rows) {
            const entry = toEntry(row);
            yield entry;
            if ('end' in entry) return;
            start = `(${row[0]}`;
          }
          if (rows.length === PAGE) continue;
          if (lostBefore) {
            yield { id: '', end: 'interrupted' };
            return;
          }
          if (!watcher.lost) await watcher.wake.wait(seen, signal);
        }
      } catch {
        yield { id: '', end: 'interrupted' };
      } finally {
        watcher.leave();
      }
    },

    async stop(streamId) {
      const { commands, watch } = await connections();
      const keys = answerKeys(prefix, streamId);
      writers.get(streamId)?.abort();
      await commands.pipeline().set(keys.stop, '1', 'PX', STOP_KEPT_MS).publish(watch.stopChannel, streamId).exec();
    },

    async close() {
      for (const stopped of writers.values()) stopped.abort();
      const open = connecting;
      connecting = undefined;
      await (await open?.catch(() => undefined))?.close();
    },
  };
}
