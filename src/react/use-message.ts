'use client';
import { useCallback, useSyncExternalStore } from 'react';
import type { ChatMessage } from '../core/messages.js';
import { useChatService } from './ChatProvider.js';
import { messageStoreOf } from './message-store.js';

/**
 * One message of the nearest chat, by id; re-renders only when that message changes (while it streams: at most once
 * per frame). `undefined` once the message is no longer in the transcript.
 */
export function useMessage(id: string): ChatMessage | undefined {
  const store = messageStoreOf(useChatService('useMessage'));
  const subscribe = useCallback((listener: () => void) => store.subscribe(id, listener), [store, id]);
  const read = () => store.get(id);
  return useSyncExternalStore(subscribe, read, read);
}
