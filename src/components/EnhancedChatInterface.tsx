'use client';
import type { ReactElement } from 'react';
import type { ChatMessageInput } from '../core/messages.js';
import { useSSEChat, type UseChat, type UseSSEChatOptions } from '../react/useSSEChat.js';
import { ChatComposer } from './chat/ChatComposer.js';
import { ChatEmptyState } from './chat/ChatEmptyState.js';
import { ChatErrorNotice } from './chat/ChatErrorNotice.js';
import { ChatHeader } from './chat/ChatHeader.js';
import { ChatInsights } from './chat/ChatInsights.js';
import { ChatMessageView } from './chat/ChatMessageView.js';
import { ChatRoot, type ChatRootProps } from './chat/ChatRoot.js';
import { ChatSuggestions } from './chat/ChatSuggestions.js';
import { ChatTranscript } from './chat/ChatTranscript.js';

/** The seed's configuration object: the chat options a product decides, as the seed named them. */
export interface ChatInterfaceConfig {
  /** Show the insights and suggestions the server sends. @default true */
  enableOptimization?: boolean;
  /** Show each answer's metrics under it. @default false */
  enableAnalytics?: boolean;
  /** @default "deepseek-chat" (the demo deployment's model) */
  model?: string;
  /** @default 0.7 */
  temperature?: number;
}

export interface EnhancedChatInterfaceProps extends Omit<ChatRootProps, 'chat' | 'options' | 'children'> {
  /** The chat hook; inject a fake in stories and tests. @default useSSEChat */
  useChat?: UseChat;
  /**
   * Every option of the chat: endpoint, model, tokens, retry, idle timeout, `enableOptimization`, `enableAnalytics`,
   * `onMetrics`… `config` and `initialMessages` are shorthands for some of them and win over them. @default {}
   */
  chatOptions?: UseSSEChatOptions;
  /** The seed's name for `chatOptions.model`, `temperature`, `enableOptimization` and `enableAnalytics`. */
  config?: ChatInterfaceConfig;
  /** Placeholder of the composer. @default labels.chat.placeholder */
  placeholder?: string;
  /** Called once per message the chat accepted. */
  onMessageSent?: (content: string) => void;
  /** The transcript to start from (`chatOptions.initialMessages`). @default [] */
  initialMessages?: readonly ChatMessageInput[];
  /** Prompts offered while the transcript is empty (your product's). @default [] (none) */
  examplePrompts?: readonly string[];
  /** Longest message allowed. @default 4000 */
  maxLength?: number;
}

/** A message with its metrics under it, for `enableAnalytics`. */
function MessageWithMetrics({ messageId }: { messageId: string }): ReactElement {
  return <ChatMessageView messageId={messageId} showMetrics />;
}

/**
 * A complete chat, composed of the exported parts: header with connection status, a transcript that follows the
 * answer unless the reader scrolled away, follow-up chips under the latest answer, the model's insights in a strip that
 * folds, each failure once where it belongs, and the composer.
 * Lay out your own from the same parts (`ChatRoot`, `ChatTranscript`, …) when this one does not fit.
 */
export function EnhancedChatInterface({
  useChat = useSSEChat,
  chatOptions,
  config = {},
  placeholder,
  onMessageSent,
  initialMessages,
  examplePrompts,
  maxLength,
  ...props
}: EnhancedChatInterfaceProps): ReactElement {
  const { enableOptimization, enableAnalytics, model, temperature } = config;
  const options: UseSSEChatOptions = {
    ...chatOptions,
    ...(model !== undefined && { model }),
    ...(temperature !== undefined && { temperature }),
    ...(enableOptimization !== undefined && { enableOptimization }),
    ...(enableAnalytics !== undefined && { enableAnalytics }),
    ...(initialMessages && { initialMessages }),
  };
  return (
    <ChatRoot useChat={useChat} options={options} {...props}>
      <ChatHeader />
      <ChatTranscript
        messageComponent={options.enableAnalytics ? MessageWithMetrics : ChatMessageView}
        footer={<ChatSuggestions />}
      >
        <ChatEmptyState examplePrompts={examplePrompts} />
      </ChatTranscript>
      <ChatInsights />
      <ChatErrorNotice />
      <ChatComposer placeholder={placeholder} maxLength={maxLength} onMessageSent={onMessageSent} />
    </ChatRoot>
  );
}
