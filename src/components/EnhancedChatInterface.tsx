'use client';
import { memo, useEffect, useRef, useState, type ComponentProps, type ReactElement } from 'react';
import type { ChatMessage } from '../core/messages.js';
import type { AIInsight, AISuggestion } from '../core/types.js';
import { useSSEChat, type UseChat, type UseSSEChatOptions } from '../react/useSSEChat.js';
import { AIInsightsPanel } from './AIInsightsPanel.js';
import { AISuggestionsPanel } from './AISuggestionsPanel.js';
import { ChatComposer } from './ChatComposer.js';
import { ConnectionStatus } from './ConnectionStatus.js';
import { ErrorToast } from './ErrorToast.js';
import { ChatLabelsProvider, useLabels, type ChatLabelsOverride } from './labels.js';
import { buttonVariants } from './lib/button.js';
import { cn } from './lib/cn.js';
import { useStickToBottom } from './lib/use-stick-to-bottom.js';
import { markdownToPlainText } from './markdown/plain-text.js';
import { SkeletonLoader } from './SkeletonLoader.js';
import { StreamingMessageBubble } from './StreamingMessageBubble.js';

/** The seed's configuration object. */
export interface ChatInterfaceConfig {
  /** Show the insights and suggestions the server sends. @default true */
  enableOptimization?: boolean;
  /** Show each answer's metrics and report them through `chatOptions.onMetrics`. @default false */
  enableAnalytics?: boolean;
  /** @default "deepseek-chat" */
  model?: string;
  /** @default 0.7 */
  temperature?: number;
}

export interface EnhancedChatInterfaceProps extends Omit<ComponentProps<'section'>, 'children'> {
  /** The chat hook; inject a fake in stories and tests. @default useSSEChat */
  useChat?: UseChat;
  /** Options for the hook: endpoint, tokens, retry, idle timeout… */
  chatOptions?: UseSSEChatOptions;
  config?: ChatInterfaceConfig;
  /** Placeholder of the composer. @default labels.chat.placeholder */
  placeholder?: string;
  /** Called once per message the chat accepted. */
  onMessageSent?: (content: string) => void;
  /** The transcript to start from. @default [] */
  initialMessages?: ChatMessage[];
  /** Prompts offered while the transcript is empty. */
  examplePrompts?: string[];
  /** Longest message allowed. @default 4000 */
  maxLength?: number;
  /** Text overrides for every part. @default English */
  labels?: ChatLabelsOverride;
}

interface FinishedBubblesProps {
  messages: readonly ChatMessage[];
  streamingMessageId: string | null;
  showMetrics: boolean;
  onRetry: () => void;
  onRegenerate: () => void;
}

/** Messages per history chunk: enough that a long thread has few chunks, few enough that one is cheap to render. */
const CHUNK_SIZE = 25;

interface HistoryChunkProps extends Omit<FinishedBubblesProps, 'streamingMessageId'> {
  start: number;
  end: number;
}

const sameChunk = (a: HistoryChunkProps, b: HistoryChunkProps): boolean =>
  a.start === b.start &&
  a.end === b.end &&
  a.showMetrics === b.showMetrics &&
  a.onRetry === b.onRetry &&
  a.onRegenerate === b.onRegenerate &&
  a.messages.slice(a.start, a.end).every((message, i) => message === b.messages[b.start + i]);

/**
 * A run of finished messages in a box of its own: while the answer below grows, the browser reuses the box's layout
 * as a whole, and a box scrolled out of view skips layout and paint (it keeps its last size).
 */
const HistoryChunk = memo(function HistoryChunk({
  messages,
  start,
  end,
  showMetrics,
  onRetry,
  onRegenerate,
}: HistoryChunkProps) {
  return (
    <div
      data-slot="chat-history-chunk"
      className="pc:flex pc:flex-col pc:gap-4 pc:[content-visibility:auto] pc:[contain-intrinsic-size:auto_60rem]"
    >
      {messages.slice(start, end).map((message) => (
        <StreamingMessageBubble
          key={message.id}
          message={message}
          showMetrics={showMetrics}
          onRetry={onRetry}
          onRegenerate={onRegenerate}
        />
      ))}
    </div>
  );
}, sameChunk);

/**
 * Every message but the streaming one, in chunks; re-renders only when the transcript changes, not per token, so the
 * cost of a token does not grow with the length of the thread.
 */
const FinishedBubbles = memo(function FinishedBubbles({ messages, streamingMessageId, ...rest }: FinishedBubblesProps) {
  const finished = messages.filter((message) => message.id !== streamingMessageId);
  if (finished.length === 0) return null;
  const chunks: ReactElement[] = [];
  for (let start = 0; start < finished.length; start += CHUNK_SIZE) {
    const end = Math.min(start + CHUNK_SIZE, finished.length);
    chunks.push(<HistoryChunk key={start} messages={finished} start={start} end={end} {...rest} />);
  }
  return (
    <div data-slot="chat-history" className="pc:flex pc:flex-col pc:gap-4">
      {chunks}
    </div>
  );
});

const defaultPrompts = [
  'Explain Server-Sent Events in two sentences.',
  'Write a retry function with exponential backoff in TypeScript.',
  'What makes a chat interface accessible?',
];

/**
 * A complete chat: header with connection status, a transcript that follows the answer unless the reader
 * scrolled away, the composer, errors with Retry, and the model's insights and suggestions.
 */
export function EnhancedChatInterface({ labels, ...props }: EnhancedChatInterfaceProps): ReactElement {
  return labels ? (
    <ChatLabelsProvider labels={labels}>
      <ChatInterface {...props} />
    </ChatLabelsProvider>
  ) : (
    <ChatInterface {...props} />
  );
}

function ChatInterface({
  useChat = useSSEChat,
  chatOptions,
  config = {},
  placeholder,
  onMessageSent,
  initialMessages,
  examplePrompts = defaultPrompts,
  maxLength,
  className,
  ...props
}: Omit<EnhancedChatInterfaceProps, 'labels'>): ReactElement {
  const text = useLabels('chat');
  const { enableOptimization = true, enableAnalytics = false, model, temperature } = config;
  const chat = useChat({
    ...chatOptions,
    ...(model !== undefined && { model }),
    ...(temperature !== undefined && { temperature }),
    ...(initialMessages && { initialMessages }),
    enableOptimization,
    enableAnalytics,
  });
  const [draft, setDraft] = useState('');
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const composer = useRef<HTMLTextAreaElement | null>(null);
  const { ref: transcriptRef, atBottom, scrollToBottom } = useStickToBottom<HTMLDivElement>();
  const { service } = chat;

  // Screen readers hear an answer once, complete — not token by token.
  useEffect(() => {
    let streamingId: string | null = service.getSnapshot().streamingMessageId;
    return service.subscribe(() => {
      const snapshot = service.getSnapshot();
      if (streamingId && snapshot.streamingMessageId !== streamingId) {
        const done = snapshot.messages.find((m) => m.id === streamingId);
        if (done?.status === 'complete' && done.content)
          setAnnouncement(text.answered(markdownToPlainText(done.content)));
      }
      streamingId = snapshot.streamingMessageId;
    });
  }, [service, text]);

  const send = (content: string) => {
    if (!chat.send(content)) return;
    setDraft('');
    onMessageSent?.(content);
    scrollToBottom();
  };
  const putInComposer = (content: string) => {
    setDraft(content);
    composer.current?.focus();
  };
  // When a panel's last card goes, the panel goes with it: focus moves to the composer instead of being lost.
  const dismissFrom = (panel: readonly (AIInsight | AISuggestion)[]) => (item: AIInsight | AISuggestion) => {
    setDismissed((ids) => new Set(ids).add(item.id));
    if (panel.length === 1) composer.current?.focus();
  };

  const insights = chat.insights.filter((i) => !dismissed.has(i.id));
  const suggestions = chat.suggestions.filter((s) => !dismissed.has(s.id));
  const waitingForFirstToken = chat.isStreaming && chat.streamingContent === '' && chat.streamingReasoning === '';

  // Per frame of a streaming answer only the live bubble is new: the finished ones sit behind a memoised component
  // that React skips as a whole, so the cost of a token does not grow with the history. The live message is last.
  const { messages, streamingMessageId, retry, regenerate } = chat;
  const last = messages.at(-1);
  const liveMessage = streamingMessageId && last?.id === streamingMessageId ? last : undefined;
  const liveBubble =
    liveMessage &&
    (waitingForFirstToken ? (
      <SkeletonLoader key={liveMessage.id} variant="message" />
    ) : (
      <StreamingMessageBubble
        key={liveMessage.id}
        message={liveMessage}
        isStreaming
        streamingContent={chat.streamingContent}
        streamingReasoning={chat.streamingReasoning}
        onRetry={retry}
        onRegenerate={regenerate}
      />
    ));

  return (
    <section
      data-slot="chat"
      data-state={chat.isStreaming ? 'streaming' : 'idle'}
      aria-label={text.title}
      className={cn(
        'pc:relative pc:box-border pc:flex pc:h-full pc:min-h-0 pc:flex-col pc:gap-3 pc:bg-background pc:p-3 pc:font-sans pc:text-foreground',
        className,
      )}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && chat.isStreaming) chat.stop();
      }}
      {...props}
    >
      <header data-slot="chat-header" className="pc:flex pc:flex-wrap pc:items-center pc:justify-between pc:gap-2">
        <h2 className="pc:m-0 pc:text-base pc:font-semibold">{text.title}</h2>
        <ConnectionStatus
          isConnected={chat.isConnected}
          isConnecting={chat.isConnecting}
          error={chat.error}
          retryState={chat.retryState}
        />
      </header>

      <div
        ref={transcriptRef}
        role="log"
        aria-live="off"
        aria-label={text.transcript}
        tabIndex={0}
        data-slot="chat-transcript"
        className="pc:flex pc:min-h-0 pc:flex-1 pc:flex-col pc:gap-4 pc:overflow-y-auto pc:rounded-pc pc:p-1 pc:focus-visible:outline-2 pc:focus-visible:outline-ring"
      >
        {chat.messages.length === 0 && (
          <div
            data-slot="chat-empty"
            className="pc:m-auto pc:flex pc:max-w-md pc:flex-col pc:items-center pc:gap-3 pc:text-center"
          >
            <p className="pc:m-0 pc:text-lg pc:font-semibold">{text.emptyTitle}</p>
            <p className="pc:m-0 pc:text-sm pc:text-muted-foreground">{text.emptyHint}</p>
            <ul className="pc:m-0 pc:flex pc:list-none pc:flex-col pc:gap-2 pc:p-0">
              {examplePrompts.map((prompt) => (
                <li key={prompt}>
                  <button
                    type="button"
                    onClick={() => putInComposer(prompt)}
                    className={buttonVariants({ variant: 'option' })}
                  >
                    {prompt}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <FinishedBubbles
          messages={messages}
          streamingMessageId={streamingMessageId}
          showMetrics={enableAnalytics}
          onRetry={retry}
          onRegenerate={regenerate}
        />
        {liveBubble}
      </div>

      {!atBottom && (
        <button
          type="button"
          data-slot="chat-jump-to-latest"
          onClick={scrollToBottom}
          className={cn(buttonVariants({ variant: 'subtle', size: 'sm' }), 'pc:self-center pc:shadow')}
        >
          {text.jumpToLatest}
        </button>
      )}

      {enableOptimization && (insights.length > 0 || suggestions.length > 0) && (
        <div data-slot="chat-panels" className="pc:flex pc:flex-col pc:gap-2">
          <AIInsightsPanel
            insights={insights}
            onApply={(insight) => insight.suggestedPrompt && putInComposer(insight.suggestedPrompt)}
            onDismiss={dismissFrom(insights)}
          />
          <AISuggestionsPanel
            suggestions={suggestions}
            onApply={(suggestion) => putInComposer(suggestion.content)}
            onDismiss={dismissFrom(suggestions)}
          />
        </div>
      )}

      <ErrorToast error={chat.error} onRetry={chat.retry} onDismiss={chat.dismissError} />

      <ChatComposer
        value={draft}
        onValueChange={setDraft}
        onSend={send}
        onStop={chat.stop}
        isStreaming={chat.isStreaming}
        maxLength={maxLength}
        placeholder={placeholder}
        textareaRef={composer}
      />

      <p role="status" data-slot="chat-announcer" className="pc:sr-only">
        {announcement}
      </p>
    </section>
  );
}
