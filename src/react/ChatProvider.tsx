'use client';
import { createContext, useContext, useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import type { ChatService } from '../core/service.js';
import { toChatResult, type UseSSEChatResult } from './useSSEChat.js';

// Only the service, which never changes for a chat: a context whose value changed with every token would make React
// search the whole tree below it for readers on every frame, a cost that grows with the transcript.
const ServiceContext = createContext<ChatService | null>(null);

export interface ChatProviderProps {
  /** The chat to share: what `useSSEChat` (or an injected hook of the same shape) returned. */
  value: UseSSEChatResult;
  children?: ReactNode;
}

/** Shares one chat with every component below it, so they need no props. */
export function ChatProvider({ value, children }: ChatProviderProps): ReactElement {
  return <ServiceContext.Provider value={value.service}>{children}</ServiceContext.Provider>;
}

/** The chat service of the nearest {@link ChatProvider}; throws outside one, naming the hook that needed it. */
export function useChatService(hook: string): ChatService {
  const service = useContext(ServiceContext);
  if (!service) throw new Error(`${hook} must be used inside a <ChatProvider> (or <ChatRoot>).`);
  return service;
}

/**
 * The whole chat of the nearest {@link ChatProvider}; re-renders on every change, tokens included. Prefer
 * `useChatSelector`, `useMessage` and `useChatActions`, which re-render only for what they read. Throws outside one.
 */
export function useChatContext(): UseSSEChatResult {
  const service = useChatService('useChatContext');
  return toChatResult(service, useSyncExternalStore(service.subscribe, service.getSnapshot, service.getSnapshot));
}
