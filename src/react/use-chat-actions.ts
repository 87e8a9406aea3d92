'use client';
import { useMemo } from 'react';
import type { ChatService } from '../core/service.js';
import { useChatService } from './ChatProvider.js';

/** What a chat can be asked to do; the same object for the life of the chat. */
export type ChatActions = Pick<ChatService, 'send' | 'stop' | 'retry' | 'regenerate' | 'dismissError' | 'clear'>;

/** The actions of the nearest chat. Stable identity: reading them never re-renders a component. */
export function useChatActions(): ChatActions {
  const service = useChatService('useChatActions');
  return useMemo(
    () => ({
      send: service.send,
      stop: service.stop,
      retry: service.retry,
      regenerate: service.regenerate,
      dismissError: service.dismissError,
      clear: service.clear,
    }),
    [service],
  );
}
