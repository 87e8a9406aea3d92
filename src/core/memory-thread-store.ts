import { listPage, type StoredThread, type Thread, type ThreadStore } from './thread-store.js';

/**
 * Keeps threads in memory, for tests, stories and server rendering. Saved threads are copied, so a caller that
 * changes what it saved changes nothing here.
 */
export function memoryThreadStore(initial: readonly Thread[] = []): ThreadStore {
  const threads = new Map<string, StoredThread>(initial.map((thread) => [thread.id, structuredClone(thread)]));
  return {
    async list(query) {
      return listPage([...threads.values()], query);
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
