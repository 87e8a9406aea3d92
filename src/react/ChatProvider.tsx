'use client';
import { createContext, useContext, type ReactElement, type ReactNode } from 'react';
import type { ChatService } from '../core/service.js';
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

/**
 * The whole chat of the nearest {@link ChatProvider}; re-renders on every change, tokens included. Prefer
 * `useChatSelector`, `useMessage` and `useChatActions`, which re-render only for what they read. Throws outside one.
 */
export function useChatContext(): UseSSEChatResult {
  const chat = useContext(ChatContext);
  if (!chat) throw new Error('useChatContext must be used inside a <ChatProvider>.');
  return chat;
}

/** The chat service of the nearest {@link ChatProvider}; throws outside one, naming the hook that needed it. */
export function useChatService(hook: string): ChatService {
  const service = useContext(ServiceContext);
  if (!service) throw new Error(`${hook} must be used inside a <ChatProvider> (or <ChatRoot>).`);
  return service;
}
