export { useSSEChat } from './useSSEChat.js';
export type { UseChat, UseSSEChatOptions, UseSSEChatResult } from './useSSEChat.js';
export { ChatProvider, useChatContext } from './ChatProvider.js';
export type { ChatProviderProps } from './ChatProvider.js';
export { shallowEqual, useChatSelector } from './use-chat-selector.js';
export { useMessage } from './use-message.js';
export { useChatActions } from './use-chat-actions.js';
export type { ChatActions } from './use-chat-actions.js';
