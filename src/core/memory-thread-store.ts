import {
  compareThreads,
  DEFAULT_THREAD_PAGE,
  fromCursor,
  toCursor,
  type StoredThread,
  type Thread,
  type ThreadStore,
  type ThreadSummary,
} from './thread-store.js';

/**
 * Keeps threads in memory, for tests, stories and server rendering. Saved threads are copied, so a caller that
 * changes what it saved changes nothing here.
 */
export function memoryThreadStore(initial: readonly Thread[] = []): ThreadStore {
  const threads = new Map<string, StoredThread>(initial.map((thread) => [thread.id, structuredClone(thread)]));
  const summary = ({ id, title, createdAt, updatedAt }: ThreadSummary): ThreadSummary => ({
    id,
    title,
    createdAt,
    updatedAt,
  });

  return {
    async list({ cursor = null, limit = DEFAULT_THREAD_PAGE, filter = '' } = {}) {
      const needle = filter.toLocaleLowerCase();
      const after = fromCursor(cursor);
      const rest = [...threads.values()]
        .filter((thread) => thread.title.toLocaleLowerCase().includes(needle))
        .filter((thread) => !after || compareThreads(after, thread) < 0)
        .sort(compareThreads);
      const page = rest.slice(0, limit);
      const last = page.at(-1);
      return { threads: page.map(summary), cursor: last && rest.length > limit ? toCursor(last) : null };
    },
    async load(id) {
      const thread = threads.get(id);
      return thread ? structuredClone(thread) : null;
    },
    async save(thread) {
      threads.set(thread.id, structuredClone(thread));
    },
    async rename(id, title) {
      const thread = threads.get(id);
      if (thread) threads.set(id, { ...thread, title });
    },
    async delete(id) {
      threads.delete(id);
    },
  };
}
