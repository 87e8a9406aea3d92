'use client';
import {
  createContext,
  useContext,
  useMemo,
  useRef,
  useSyncExternalStore,
  type ReactElement,
  type ReactNode,
  type RefObject,
} from 'react';
import type { ChatService } from '../core/service.js';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect.js';
import { toChatResult, type UseSSEChatResult } from './useSSEChat.js';

interface SharedChat {
  service: ChatService;
  /** The hook's latest result: its actions are the ones called (a host's wrapper may gate or log `send`). */
  latest: RefObject<UseSSEChatResult>;
}

// Only what never changes for a chat: a context whose value changed with every token would make React search the
// whole tree below it for readers on every frame, a cost that grows with the transcript.
const ChatContext = createContext<SharedChat | null>(null);

export interface ChatProviderProps {
  /** The chat to share: what `useSSEChat` (or an injected hook of the same shape) returned. */
  value: UseSSEChatResult;
  children?: ReactNode;
}

/**
 * Shares one chat with every component below it, so they need no props. The parts read the chat's state from its
 * `service` and call the actions of `value`, so a hook that wraps `useSSEChat` to gate or log `send` is honoured.
 */
export function ChatProvider({ value, children }: ChatProviderProps): ReactElement {
  const latest = useRef(value);
  useIsomorphicLayoutEffect(() => {
    latest.current = value;
  });
  const shared = useMemo(() => ({ service: value.service, latest }), [value.service]);
  return <ChatContext.Provider value={shared}>{children}</ChatContext.Provider>;
}

/** The nearest {@link ChatProvider}'s chat; throws outside one, naming the hook that needed it. */
export function useSharedChat(hook: string): SharedChat {
  const shared = useContext(ChatContext);
  if (!shared) throw new Error(`${hook} must be used inside a <ChatProvider> (or <ChatRoot>).`);
  return shared;
}

/** The chat service of the nearest {@link ChatProvider}; throws outside one, naming the hook that needed it. */
export function useChatService(hook: string): ChatService {
  return useSharedChat(hook).service;
}

/**
 * The whole chat of the nearest {@link ChatProvider}; re-renders on every change, tokens included. Prefer
 * `useChatSelector`, `useMessage` and `useChatActions`, which re-render only for what they read. Throws outside one.
 */
export function useChatContext(): UseSSEChatResult {
  const service = useChatService('useChatContext');
  return toChatResult(service, useSyncExternalStore(service.subscribe, service.getSnapshot, service.getSnapshot));
}
