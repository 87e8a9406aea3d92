'use client';
import type { ChatSnapshot } from '../core/chat-reducer.js';
import { messageIds } from '../core/message-list.js';
import { shallowEqual, useChatSelector } from './use-chat-selector.js';

// One selector for every render: useChatSelector reuses its last result while the snapshot and the selector stay.
const selectIds = (snapshot: ChatSnapshot): readonly string[] => messageIds(snapshot.messages);

/**
 * The ids of the nearest chat's messages (the path shown), in order. The same array while messages are only replaced
 * in place (each streamed frame): a transcript re-renders when messages come or go, never per token.
 */
export function useMessageIds(): readonly string[] {
  return useChatSelector(selectIds, shallowEqual);
}
