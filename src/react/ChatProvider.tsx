'use client';
import { createContext, useContext, useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import type { ChatService, ChatSnapshot } from '../core/service.js';
import type { UseSSEChatResult } from './useSSEChat.js';

const ChatContext = createContext<UseSSEChatResult | null>(null);
// The service never changes for a chat, so selector subscribers are not re-rendered by every snapshot.
const ServiceContext = createContext<ChatService | null>(null);

export interface ChatProviderProps {
  /** The chat to share: what `useSSEChat` (or an injected hook of the same shape) returned. */
  value: UseSSEChatResult;
  children?: ReactNode;
}

/** Shares one chat with every component below it, so they need no props. */
export function ChatProvider({ value, children }: ChatProviderProps): ReactElement {
  return (
    <ServiceContext.Provider value={value.service}>
      <ChatContext.Provider value={value}>{children}</ChatContext.Provider>
    </ServiceContext.Provider>
  );
}

/** The whole chat of the nearest {@link ChatProvider} (re-renders on every change); throws outside one. */
export function useChatContext(): UseSSEChatResult {
  const chat = useContext(ChatContext);
  if (!chat) throw new Error('useChatContext must be used inside a <ChatProvider>.');
  return chat;
}

/**
 * Subscribes to one slice of the nearest chat, so a component re-renders only when that slice changes
 * (e.g. `useChatSelector((s) => s.streamingContent)` for the streaming bubble). The selector must return
 * a value from the snapshot or a primitive, not a new object each call.
 */
export function useChatSelector<T>(selector: (snapshot: ChatSnapshot) => T): T {
  const service = useContext(ServiceContext);
  if (!service) throw new Error('useChatSelector must be used inside a <ChatProvider>.');
  const read = () => selector(service.getSnapshot());
  return useSyncExternalStore(service.subscribe, read, read);
}
