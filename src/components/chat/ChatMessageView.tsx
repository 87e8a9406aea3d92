'use client';
import { forwardRef, memo, type ReactElement } from 'react';
import { useChatActions } from '../../react/use-chat-actions.js';
import { useMessage } from '../../react/use-message.js';
import { SkeletonLoader } from '../SkeletonLoader.js';
import { useAuthRequired } from './auth-required.js';
import { StreamingMessageBubble, type StreamingMessageBubbleProps } from '../StreamingMessageBubble.js';

export interface ChatMessageViewProps extends Omit<
  StreamingMessageBubbleProps,
  'message' | 'isStreaming' | 'streamingContent' | 'streamingReasoning'
> {
  /** The id of the message to show. */
  messageId: string;
}

/**
 * One message of the chat, by id: its parts (tool calls answer through the chat's `addToolResult`), its versions
 * (Edit on the user's messages, the version picker) and its actions (Retry, Copy, Regenerate, thumbs up and down). Re-renders only when that
 * message changes — while it streams, at most once per frame; a finished message never. An answer that has not sent
 * its first token yet shows as a skeleton of a message.
 */
export const ChatMessageView = memo(
  forwardRef<HTMLElement, ChatMessageViewProps>(function ChatMessageView(
    { messageId, onRetry, onAuthRequired, onRegenerate, onToolResult, onEdit, onSwitchBranch, onFeedback, ...props },
    ref,
  ): ReactElement | null {
    const message = useMessage(messageId);
    const actions = useChatActions();
    const signIn = useAuthRequired();
    if (!message) return null;
    if (message.status === 'streaming' && message.parts.length === 0) return <SkeletonLoader variant="message" />;
    return (
      <StreamingMessageBubble
        message={message}
        onRetry={onRetry ?? actions.retry}
        onAuthRequired={onAuthRequired ?? signIn}
        onRegenerate={onRegenerate ?? (() => actions.regenerate(messageId))}
        onToolResult={onToolResult ?? actions.addToolResult}
        onEdit={onEdit ?? ((text) => actions.edit(messageId, text))}
        onSwitchBranch={onSwitchBranch ?? ((index) => actions.switchBranch(messageId, index))}
        onFeedback={onFeedback ?? ((feedback) => actions.rate(messageId, feedback))}
        {...props}
        ref={ref}
      />
    );
  }),
);
