/*
 * `@promptcraft/chat-ui/threads`: where conversations are kept. An entry of its own, so a chat that keeps no
 * threads (or keeps them its own way) loads none of this.
 */
export { memoryThreadStore } from './memory-thread-store.js';
export { httpThreadStore } from './http-thread-store.js';
export { indexedDbThreadStore } from './indexeddb-thread-store.js';
export type { IndexedDbThreadStoreOptions } from './indexeddb-thread-store.js';
export type { HttpThreadStoreOptions } from './http-thread-store.js';
export type { StoredThread, Thread, ThreadPage, ThreadQuery, ThreadStore, ThreadSummary } from './thread-store.js';
