import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { listPage, type StoredThread, type ThreadStore, type ThreadSummary } from './thread-store.js';

/** Options of {@link indexedDbThreadStore}. */
export interface IndexedDbThreadStoreOptions {
  /** The database's name: one per app, or per signed-in user. @default "promptcraft-chat-threads" */
  name?: string;
}

interface ThreadsSchema extends DBSchema {
  /** What the list shows: small records, read page by page without the messages. */
  summaries: { key: string; value: ThreadSummary };
  /** Whole threads, read one at a time. */
  threads: { key: string; value: StoredThread };
}

/**
 * Keeps threads in the browser's IndexedDB (through `idb`): the browser's default. A thread's summary and its
 * messages are kept apart, so listing a thousand threads reads no message; both change in one transaction.
 */
export function indexedDbThreadStore(options: IndexedDbThreadStoreOptions = {}): ThreadStore {
  let opening: Promise<IDBPDatabase<ThreadsSchema>> | undefined;
  const db = () =>
    (opening ??= openDB<ThreadsSchema>(options.name ?? 'promptcraft-chat-threads', 1, {
      upgrade(database) {
        database.createObjectStore('summaries', { keyPath: 'id' });
        database.createObjectStore('threads', { keyPath: 'id' });
      },
    }));

  return {
    async list(query = {}) {
      return listPage(await (await db()).getAll('summaries'), query);
    },
    async load(id) {
      return (await (await db()).get('threads', id)) ?? null;
    },
    async save(thread) {
      const { id, title, createdAt, updatedAt } = thread;
      const transaction = (await db()).transaction(['summaries', 'threads'], 'readwrite');
      await Promise.all([
        transaction.objectStore('summaries').put({ id, title, createdAt, updatedAt }),
        transaction.objectStore('threads').put(thread),
        transaction.done,
      ]);
    },
    async rename(id, title) {
      const transaction = (await db()).transaction(['summaries', 'threads'], 'readwrite');
      const [summary, thread] = await Promise.all([
        transaction.objectStore('summaries').get(id),
        transaction.objectStore('threads').get(id),
      ]);
      if (summary) await transaction.objectStore('summaries').put({ ...summary, title });
      if (thread) await transaction.objectStore('threads').put({ ...thread, title });
      await transaction.done;
    },
    async delete(id) {
      const transaction = (await db()).transaction(['summaries', 'threads'], 'readwrite');
      await Promise.all([
        transaction.objectStore('summaries').delete(id),
        transaction.objectStore('threads').delete(id),
        transaction.done,
      ]);
    },
  };
}
