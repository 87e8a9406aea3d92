'use client';
import { forwardRef, memo, type ReactElement } from 'react';
import type { MessageFeedback } from '../../core/messages.js';
import { useChatActions } from '../../react/use-chat-actions.js';
import { useMessage } from '../../react/use-message.js';
import { composeCallbacks } from '../lib/compose-event-handlers.js';
import { SkeletonLoader } from '../SkeletonLoader.js';
import { useAuthRequired } from './auth-required.js';
import { StreamingMessageBubble, type StreamingMessageBubbleProps } from '../StreamingMessageBubble.js';

export interface ChatMessageViewProps extends Omit<
  StreamingMessageBubbleProps,
  | 'message'
  | 'isStreaming'
  | 'streamingContent'
  | 'streamingReasoning'
  | 'onRetry'
  | 'onContinue'
  | 'onRegenerate'
  | 'onToolResult'
  | 'onEdit'
  | 'onSwitchBranch'
  | 'onFeedback'
  | 'onAuthRequired'
> {
  /** The id of the message to show. */
  messageId: string;
  /** Called when the user retries this failed or interrupted answer, before the chat retries it. */
  onRetry?: () => void;
  /** Called when the user asks an answer that hit its length limit to go on, before the chat continues it. */
  onContinue?: () => void;
  /** Called when the user asks for another answer, before the chat regenerates it. */
  onRegenerate?: () => void;
  /** Called when the user answers a tool call (Approve / Deny), before the chat takes the result. */
  onToolResult?: (toolCallId: string, result: unknown) => void;
  /** Called with the text of an edit the user saved, before the chat sends it as a new version. */
  onEdit?: (text: string) => void;
  /** Called when the user picks another version, before the chat shows it. */
  onSwitchBranch?: (index: number) => void;
  /** Called when the user rates the answer, before the chat stores the rating. */
  onFeedback?: (feedback: MessageFeedback | null) => void;
  /** Sends the user to sign in, from an answer that failed because the session expired. @default the `ChatRoot`'s */
  onAuthRequired?: () => void;
}

/**
 * One message of the chat, by id: its parts (tool calls answer through the chat's `addToolResult`), its versions
 * (Edit on the user's messages, the version picker) and its actions (Retry, Copy, Regenerate, thumbs up and down). Re-renders only when that
 * message changes — while it streams, at most once per frame; a finished message never. An answer that has not sent
 * its first token yet shows as a skeleton of a message.
 *
 * Your `onRetry`, `onContinue`, `onRegenerate`, `onToolResult`, `onEdit`, `onSwitchBranch` and `onFeedback` run first, then the
 * chat's own action, always: they add to it and never replace it. To act instead of the chat, render
 * `StreamingMessageBubble` with `useMessage` as the transcript's `messageComponent`.
 */
export const ChatMessageView = memo(
  forwardRef<HTMLElement, ChatMessageViewProps>(function ChatMessageView(
    {
      messageId,
      onRetry,
      onContinue,
      onAuthRequired,
      onRegenerate,
      onToolResult,
      onEdit,
      onSwitchBranch,
      onFeedback,
      ...props
    },
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
        onRetry={composeCallbacks(onRetry, actions.retry)}
        onContinue={composeCallbacks(onContinue, actions.continueAnswer)}
        // Not ours to compose: both are the host's, and the one given to this message is the nearer.
        onAuthRequired={onAuthRequired ?? signIn}
        onRegenerate={composeCallbacks(onRegenerate, () => actions.regenerate(messageId))}
        onToolResult={composeCallbacks(onToolResult, actions.addToolResult)}
        onEdit={composeCallbacks(onEdit, (text) => actions.edit(messageId, text))}
        onSwitchBranch={composeCallbacks(onSwitchBranch, (index) => actions.switchBranch(messageId, index))}
        onFeedback={composeCallbacks(onFeedback, (feedback) => actions.rate(messageId, feedback))}
        {...props}
        ref={ref}
      />
    );
  }),
);
