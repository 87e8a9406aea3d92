'use client';
import { useMemo } from 'react';
import { useChatService } from './ChatProvider.js';
import { actionsOf, type ChatActions } from './useSSEChat.js';

export type { ChatActions } from './useSSEChat.js';

/** The actions of the nearest chat. Stable identity: reading them never re-renders a component. */
export function useChatActions(): ChatActions {
  const service = useChatService('useChatActions');
  return useMemo(() => actionsOf(service), [service]);
}
