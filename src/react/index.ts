export { useSSEChat } from './useSSEChat.js';
export type { UseChat, UseSSEChatOptions, UseSSEChatResult } from './useSSEChat.js';
export { ChatProvider, useChatContext, useChatSelector } from './ChatProvider.js';
export type { ChatProviderProps } from './ChatProvider.js';
