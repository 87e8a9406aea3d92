'use client';
import {
  forwardRef,
  memo,
  startTransition,
  useEffect,
  useState,
  type ComponentProps,
  type ComponentType,
  type ReactElement,
  type ReactNode,
} from 'react';
import { shallowEqual, useChatSelector } from '../../react/use-chat-selector.js';
import { useMessageIds } from '../../react/use-message-ids.js';
import { useLabels } from '../labels.js';
import { buttonVariants } from '../lib/button.js';
import { cn } from '../lib/cn.js';
import { useComposedRefs } from '../lib/use-composed-refs.js';
import { useStickToBottom } from '../lib/use-stick-to-bottom.js';
import { ChatMessageView } from './ChatMessageView.js';
import { chatEn } from '../labels-en.js';

/** Messages per history chunk: enough that a long thread has few chunks, few enough that one is cheap to render. */
const CHUNK_SIZE = 25;

export interface ChatTranscriptProps extends ComponentProps<'div'> {
  /** Renders one message by id; wrap or replace `ChatMessageView` to lay messages out your way. @default ChatMessageView */
  messageComponent?: ComponentType<{ messageId: string }>;
  /** Shown after the last message, inside the log: what belongs under the latest answer (`ChatSuggestions`). */
  footer?: ReactNode;
}

/**
 * The conversation: a `role="log"` that follows the streaming answer unless the reader scrolled up (then "Jump to
 * latest" brings them back), and goes to the end when a new answer starts. Re-renders when messages come or go,
 * never per token: each message is its own view. `children` come first inside the log (e.g. `ChatEmptyState`).
 */
export const ChatTranscript = forwardRef<HTMLDivElement, ChatTranscriptProps>(function ChatTranscript(
  { messageComponent = ChatMessageView, footer, children, className, ...props },
  forwardedRef,
): ReactElement {
  const text = useLabels('chat', chatEn);
  const messageIds = useMessageIds();
  const streamingMessageId = useChatSelector((s) => s.streamingMessageId);
  const { ref, atBottom, scrollToBottom } = useStickToBottom<HTMLDivElement>();
  const composedRef = useComposedRefs(ref, forwardedRef);

  // A new answer (from the composer, a suggestion, Retry or the host) is what the reader wants to see.
  useEffect(() => {
    if (streamingMessageId) scrollToBottom();
  }, [streamingMessageId, scrollToBottom]);

  const finished = streamingMessageId ? messageIds.filter((id) => id !== streamingMessageId) : messageIds;
  const live = streamingMessageId && messageIds.at(-1) === streamingMessageId ? streamingMessageId : null;
  const Message = messageComponent;
  return (
    <>
      <div
        ref={composedRef}
        role="log"
        aria-live="off"
        aria-label={text.transcript}
        tabIndex={0}
        data-slot="chat-transcript"
        className={cn(
          // 4 px of padding give focus rings room inside the scroll box; the negative margin lines the messages up with
          // the header and the composer all the same.
          'pc:-mx-1 pc:flex pc:min-h-0 pc:flex-1 pc:flex-col pc:gap-4 pc:overflow-y-auto pc:rounded-pc pc:p-1 pc:focus-visible:outline-2 pc:focus-visible:outline-ring',
          className,
        )}
        {...props}
      >
        {children}
        {finished.length > 0 && <History ids={finished} Message={Message} />}
        {live && <Message key={live} messageId={live} />}
        {footer}
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
    </>
  );
});

interface HistoryProps {
  ids: readonly string[];
  Message: ComponentType<{ messageId: string }>;
}

/**
 * Chunks the first render of a long history mounts: its end, what the reader sees. Mounting every message of a long
 * history at once is one long task (10,000 messages: seconds); the older chunks follow, one per transition.
 */
const FIRST_CHUNKS = 2;

/**
 * Every finished message, in chunks. A transcript that mounts with a long history shows its last chunks first, then
 * mounts the older ones, newest first, in transitions React interrupts for anything urgent (a token, a key press),
 * one chunk (~10 ms of work) each; then every message is in the document, for find-in-page and screen readers alike.
 * (The browser's own garbage collections and frames still grow with what is already in: at 10,000 messages a few of
 * them take over 50 ms while the rest mounts.)
 * A reader at the end stays there; one who scrolled up in those moments keeps their place where the browser anchors
 * scrolling (Chromium, Firefox; not Safari). Server rendering sends the last chunks only; the client mounts the rest.
 */
function History({ ids: all, Message }: HistoryProps): ReactElement {
  const count = Math.ceil(all.length / CHUNK_SIZE);
  // Chunks at the start not mounted yet: only ever counts down, so messages that come later mount as they come.
  const [unmounted, setUnmounted] = useState(() => Math.max(0, count - FIRST_CHUNKS));
  useEffect(() => {
    if (unmounted > 0) startTransition(() => setUnmounted((n) => Math.max(0, n - 1)));
  }, [unmounted]);
  const chunks: ReactElement[] = [];
  for (let start = Math.min(unmounted, count) * CHUNK_SIZE; start < all.length; start += CHUNK_SIZE) {
    chunks.push(<HistoryChunk key={start} ids={all.slice(start, start + CHUNK_SIZE)} Message={Message} />);
  }
  return (
    <div data-slot="chat-history" className="pc:flex pc:flex-col pc:gap-4">
      {chunks}
    </div>
  );
}

/**
 * A run of finished messages in a box of its own: while the answer below grows, the browser reuses the box's layout
 * as a whole, and a box scrolled out of view skips layout and paint (it keeps its last size). Re-renders only when
 * its own ids change.
 */
const HistoryChunk = memo(
  function HistoryChunk({ ids: chunk, Message }: HistoryProps): ReactElement {
    return (
      <div
        data-slot="chat-history-chunk"
        // content-visibility implies paint containment, which clips at the padding box: 4 px of padding (taken back
        // by the margin) keep focus rings and tooltips at the column's edge whole.
        className="pc:-m-1 pc:flex pc:flex-col pc:gap-4 pc:p-1 pc:[content-visibility:auto] pc:[contain-intrinsic-size:auto_60rem]"
      >
        {chunk.map((id) => (
          <Message key={id} messageId={id} />
        ))}
      </div>
    );
  },
  (a, b) => a.Message === b.Message && shallowEqual(a.ids, b.ids),
);
