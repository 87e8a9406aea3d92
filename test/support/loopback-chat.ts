import type { ChatSnapshot } from '../../src/core/chat-reducer.js';
import { createChatService, type ChatService, type ChatServiceOptions } from '../../src/core/service.js';
import type { SseServer } from './sse-server.js';

/**
 * A chat service talking to a loopback SSE server: no automatic retry, ids `m1`, `m2`… in order, and text updates
 * flushed on the next microtask, so a test sees them without waiting for frames.
 */
export function loopbackChat(server: SseServer, options: ChatServiceOptions = {}) {
  let n = 0;
  const service = createChatService({
    endpoint: server.url,
    retry: { maxRetries: 0 },
    idleTimeoutMs: 2000,
    generateId: () => `m${++n}`,
    scheduleUpdate: (callback) => {
      queueMicrotask(callback);
      return () => {};
    },
    ...options,
  });
  return { service, state: () => service.getSnapshot() };
}

/** Resolves with the first snapshot that satisfies `predicate` (the current one, if it does). */
export function until(service: ChatService, predicate: (snapshot: ChatSnapshot) => boolean): Promise<ChatSnapshot> {
  return new Promise((resolve) => {
    const check = () => {
      const snapshot = service.getSnapshot();
      if (!predicate(snapshot)) return;
      unsubscribe();
      resolve(snapshot);
    };
    const unsubscribe = service.subscribe(check);
    check();
  });
}

/** Resolves once no answer streams. */
export const idle = (service: ChatService): Promise<ChatSnapshot> => until(service, (s) => !s.isStreaming);
