'use client';
import { useMemo } from 'react';
import { useSharedChat } from './ChatProvider.js';
import type { ChatActions } from './useSSEChat.js';

export type { ChatActions } from './useSSEChat.js';

/**
 * The actions of the nearest chat: those of the hook that made it (`useSSEChat`, or a host's wrapper around it).
 * Stable identity: reading them never re-renders a component, and each call reaches the hook's latest result.
 */
export function useChatActions(): ChatActions {
  const { latest } = useSharedChat('useChatActions');
  return useMemo<ChatActions>(
    () => ({
      send: (...args) => latest.current.send(...args),
      fileRules: () => latest.current.fileRules(),
      stop: () => latest.current.stop(),
      retry: () => latest.current.retry(),
      continueAnswer: () => latest.current.continueAnswer(),
      regenerate: (messageId) => latest.current.regenerate(messageId),
      edit: (messageId, text) => latest.current.edit(messageId, text),
      switchBranch: (messageId, index) => latest.current.switchBranch(messageId, index),
      rate: (messageId, feedback) => latest.current.rate(messageId, feedback),
      addToolResult: (toolCallId, result) => latest.current.addToolResult(toolCallId, result),
      dismissError: () => latest.current.dismissError(),
      clear: () => latest.current.clear(),
    }),
    [latest],
  );
}
