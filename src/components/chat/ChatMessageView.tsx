'use client';
import { forwardRef, memo, type ReactElement } from 'react';
import { useChatActions } from '../../react/use-chat-actions.js';
import { useMessage } from '../../react/use-message.js';
import { SkeletonLoader } from '../SkeletonLoader.js';
import { StreamingMessageBubble, type StreamingMessageBubbleProps } from '../StreamingMessageBubble.js';

export interface ChatMessageViewProps extends Omit<
  StreamingMessageBubbleProps,
  'message' | 'isStreaming' | 'streamingContent' | 'streamingReasoning'
> {
  /** The id of the message to show. */
  messageId: string;
}

/**
 * One message of the chat, by id: its parts (tool calls answer through the chat's `addToolResult`) and its actions
 * (Retry, Copy, Regenerate). Re-renders only when that
 * message changes — while it streams, at most once per frame; a finished message never. An answer that has not sent
 * its first token yet shows as a skeleton of a message.
 */
export const ChatMessageView = memo(
  forwardRef<HTMLElement, ChatMessageViewProps>(function ChatMessageView(
    { messageId, onRetry, onRegenerate, onToolResult, ...props },
    ref,
  ): ReactElement | null {
    const message = useMessage(messageId);
    const actions = useChatActions();
    if (!message) return null;
    if (message.status === 'streaming' && message.parts.length === 0) return <SkeletonLoader variant="message" />;
    return (
      <StreamingMessageBubble
        message={message}
        onRetry={onRetry ?? actions.retry}
        onRegenerate={onRegenerate ?? actions.regenerate}
        onToolResult={onToolResult ?? actions.addToolResult}
        {...props}
        ref={ref}
      />
    );
  }),
);
