'use client';
import { cva } from 'class-variance-authority';
import { forwardRef, memo, useMemo, type ComponentProps, type ReactElement } from 'react';
import { toChatMessage, type ChatMessageInput, type MessageFeedback, type MessageStatus } from '../core/messages.js';
import { AnswerNotice } from './errors/AnswerNotice.js';
import { ChatLabelsProvider, useLabels, type MessageBubbleLabels } from './labels.js';
import { cn } from './lib/cn.js';
import { segmentsOf } from './lib/message-segments.js';
import { Markdown } from './markdown/Markdown.js';
import { MessageActions } from './MessageActions.js';
import { BranchPicker } from './parts/BranchPicker.js';
import { EditableUserMessage } from './parts/EditableUserMessage.js';
import { MessageFiles } from './parts/MessageFiles.js';
import { ReasoningView } from './parts/ReasoningView.js';
import { SourceList } from './parts/SourceList.js';
import { rendererFor, useToolRenderers, type ToolRenderers } from './parts/tool-renderers.js';
import { ToolCallView } from './parts/ToolCallView.js';
import { messageBubbleEn } from './labels-en.js';

export const streamingMessageBubbleVariants = cva(
  'pc:box-border pc:flex pc:w-full pc:min-w-0 pc:flex-col pc:gap-1.5 pc:font-sans pc:text-sm pc:text-foreground',
  {
    variants: {
      role: {
        user: 'pc:items-end',
        assistant: 'pc:items-start',
        system: 'pc:items-center',
      },
    },
  },
);

// The user's words sit in a quiet bubble; the assistant's answer is unboxed text across the column, as long answers
// read best. Each property comes from one part only.
const bodyVariants = cva('pc:box-border pc:min-w-0', {
  variants: {
    role: {
      user: 'pc:max-w-[85%] pc:rounded-pc pc:bg-user-bubble pc:px-3.5 pc:py-2.5 pc:text-user-bubble-foreground',
      assistant: 'pc:w-full',
      system: 'pc:max-w-full pc:rounded-pc pc:bg-muted pc:px-3.5 pc:py-2.5 pc:text-xs pc:text-muted-foreground',
    },
  },
});

export interface StreamingMessageBubbleProps extends Omit<ComponentProps<'article'>, 'children'> {
  /** The message to show: with its `parts`, or with `content` (and `reasoning`) alone. */
  message: ChatMessageInput;
  /** This message is the one streaming now: its text is live and shows a caret. @default message.status === 'streaming' */
  isStreaming?: boolean;
  /** The live answer text while streaming, for a message that does not carry it. @default the message's own text */
  streamingContent?: string;
  /** The live reasoning text while streaming, for a message that does not carry it. @default the message's own reasoning */
  streamingReasoning?: string;
  /** Show the Egyptian loader while reasoning streams and no answer text has come yet. @default true */
  showEgyptianLoader?: boolean;
  /** Show time to first token and tokens/s under a finished answer that has metrics. @default false */
  showMetrics?: boolean;
  /** Regenerate action for a finished or stopped assistant answer. */
  onRegenerate?: () => void;
  /** Retry action for an interrupted or failed answer, shown when trying again can help. */
  onRetry?: () => void;
  /** Continue action for an answer that hit its length limit (`finishReason: "length"`). No Continue button without it. */
  onContinue?: () => void;
  /** Sends the user to sign in: the action of an answer that failed because the session expired. */
  onAuthRequired?: () => void;
  /** Called after the message text was copied. */
  onCopy?: () => void;
  /** Views of tools by name, in place of `ToolCallView`. @default those of the nearest `ChatRoot` */
  toolRenderers?: ToolRenderers;
  /** Saves an edit of a user message as a new version; no Edit button without it. */
  onEdit?: (text: string) => void;
  /** Shows another version of the message (`message.branch`); no version picker without it. */
  onSwitchBranch?: (index: number) => void;
  /** Rates an answer (`null` takes the rating back); no thumbs without it. */
  onFeedback?: (feedback: MessageFeedback | null) => void;
  /** Answers a tool call that waits for the user (Approve / Deny, a tool's own form). @default none: no answer UI */
  onToolResult?: (toolCallId: string, result: unknown) => void;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<MessageBubbleLabels>;
}

/**
 * One message of the chat. Model text is rendered as safe markdown that stays well-formed while it
 * streams; reasoning folds into a "Thought for N s" section; stopped, interrupted and failed answers say so once,
 * under their text, with the one action that helps. Memoized: a finished message re-renders only when its own props change.
 */
export const StreamingMessageBubble = memo(
  forwardRef<HTMLElement, StreamingMessageBubbleProps>(function StreamingMessageBubble(
    {
      message,
      isStreaming = message.status === 'streaming',
      streamingContent,
      streamingReasoning,
      showEgyptianLoader = true,
      showMetrics = false,
      onRegenerate,
      onRetry,
      onContinue,
      onAuthRequired,
      onCopy,
      toolRenderers,
      onToolResult,
      onEdit,
      onSwitchBranch,
      onFeedback,
      labels,
      className,
      ...props
    },
    ref,
  ): ReactElement {
    const text = useLabels('messageBubble', messageBubbleEn, labels);
    // One object per `labels`: a new one per render would re-render every finished block's code and chips.
    const scopedLabels = useMemo(() => labels && { messageBubble: labels }, [labels]);
    const renderersInScope = useToolRenderers();
    const renderers = toolRenderers ?? renderersInScope;
    const own = toChatMessage(message);
    // The seed's API streams a message's text beside it; a message with parts carries its own.
    const live = isStreaming && (streamingContent || streamingReasoning);
    const content = (live && streamingContent) || own.content;
    const parts = live
      ? toChatMessage({ ...own, parts: undefined, content, reasoning: streamingReasoning || own.reasoning }).parts
      : own.parts;
    const { segments, sources, files } = segmentsOf(parts);
    const status: MessageStatus = isStreaming ? 'streaming' : message.status;
    const { role } = message;
    const finished = !isStreaming;
    const last = segments.at(-1);
    // While the answer is under way and its next words are awaited (not its tools), an empty body shows the caret.
    const awaitingText =
      isStreaming &&
      role === 'assistant' &&
      (last === undefined ||
        (last.kind === 'tool-call' &&
          segments.every((s) => s.kind !== 'tool-call' || s.call.state === 'result' || s.call.state === 'error')));
    const metrics = showMetrics && finished ? message.metrics : undefined;
    // Versions of a message share its parent: focus follows from one version's controls to the next one's.
    const group = `${role}:${message.parentId ?? ''}`;
    const body = (children: string, streaming: boolean, key?: number) => (
      <div key={key} data-slot="message-body" dir="auto" className={bodyVariants({ role })}>
        {role === 'assistant' ? (
          <Markdown streaming={streaming} className="pc:leading-relaxed">
            {children}
          </Markdown>
        ) : (
          <p className="pc:m-0 pc:whitespace-pre-wrap pc:break-words">{children}</p>
        )}
      </div>
    );

    return (
      <article
        ref={ref}
        data-slot="message"
        data-role={role}
        data-status={status}
        aria-busy={isStreaming}
        aria-label={text[role]}
        className={cn(streamingMessageBubbleVariants({ role }), 'pc:group/message', className)}
        {...props}
      >
        {/* The bubble's own labels reach its parts too (a code block's Copy, an image chip). */}
        <ChatLabelsProvider labels={scopedLabels}>
          {files.length > 0 && <MessageFiles files={files} />}
          {role === 'user' ? (
            <EditableUserMessage
              text={content}
              branch={message.branch}
              group={group}
              onEdit={onEdit}
              onSwitchBranch={onSwitchBranch}
              labels={labels}
            >
              {(content !== '' || files.length === 0) && body(content, false)}
            </EditableUserMessage>
          ) : role !== 'assistant' ? (
            body(content, false)
          ) : (
            segments.map((segment, index) => {
              const streaming = isStreaming && segment === last;
              if (segment.kind === 'text') return body(segment.text, streaming, index);
              if (segment.kind === 'reasoning')
                return (
                  <ReasoningView
                    key={index}
                    reasoning={segment}
                    streaming={streaming}
                    showEgyptianLoader={showEgyptianLoader}
                    labels={labels}
                  />
                );
              const { call } = segment;
              const Renderer = rendererFor(renderers, call.toolName) ?? ToolCallView;
              const addResult = onToolResult && ((result: unknown) => onToolResult(call.toolCallId, result));
              return <Renderer key={index} call={call} addResult={addResult} />;
            })
          )}
          {awaitingText && body('', true)}
          {sources.length > 0 && <SourceList sources={sources} />}

          {finished && (
            <AnswerNotice
              status={status}
              finishReason={message.finishReason}
              error={message.error}
              onRetry={onRetry}
              onContinue={onContinue}
              onAuthRequired={onAuthRequired}
              labels={labels}
            />
          )}

          {finished && role === 'assistant' && (
            <MessageActions
              status={status}
              content={content}
              metrics={metrics}
              onRegenerate={onRegenerate}
              onCopy={onCopy}
              feedback={message.feedback}
              onFeedback={onFeedback}
              labels={labels}
            >
              {onSwitchBranch && (
                <BranchPicker branch={message.branch} group={group} onSwitch={onSwitchBranch} labels={labels} />
              )}
            </MessageActions>
          )}
        </ChatLabelsProvider>
      </article>
    );
  }),
);
