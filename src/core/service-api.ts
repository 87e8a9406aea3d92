import type { FileRules } from './attachments.js';
import type { ChatSnapshot } from './chat-reducer.js';
import type { UpdateScheduler } from './frame-scheduler.js';
import type { ChatMessage, ChatMessageInput, FilePart, MessageFeedback } from './messages.js';
import type { AnswerMetrics } from './metrics.js';
import type { RequestSettings } from './request.js';
import type { StreamOptions } from './stream.js';

/**
 * Options of {@link createChatService}: what its requests carry ({@link RequestSettings}), every transport option of
 * {@link StreamOptions} but `signal`, and the chat's own.
 */
export interface ChatServiceOptions extends Omit<StreamOptions, 'signal' | 'whenOnline'>, RequestSettings {
  /** Keep the insights and suggestions the server sends. @default true */
  enableOptimization?: boolean;
  /**
   * Show each answer's metrics under it (components read it; every answer's `metrics` are recorded anyway, and
   * `onMetrics` reports them whenever it is given). @default false
   */
  enableAnalytics?: boolean;
  /** Receives each answer's metrics when it ends, whatever `enableAnalytics` says. */
  onMetrics?: (metrics: AnswerMetrics, message: ChatMessage) => void;
  /**
   * The messages to start from: a plain transcript, or the whole tree `onMessagesChange` gave (every branch, each
   * message with its `parentId`). Messages may give `content` alone, without `parts`; one saved while it streamed
   * comes back `interrupted`. @default []
   */
  initialMessages?: readonly ChatMessageInput[];
  /** The message the shown path of `initialMessages` ends at (`onMessagesChange`'s `headId`). @default the last */
  initialHeadId?: string | null;
  /**
   * Receives every message of the chat — all branches, each with its `parentId` — and the id of the last message of
   * the shown path whenever they change (a message sent, an answer started or ended, a branch chosen, a rating), never
   * per token. Save both; give them back as `initialMessages` and `initialHeadId`.
   */
  onMessagesChange?: (messages: readonly ChatMessage[], headId: string | null) => void;
  /** The types of file a message may carry (as `<input accept>`). @default any */
  accept?: string;
  /** Files per message. @default 4 */
  maxFiles?: number;
  /** Bytes per file. @default 10 MiB */
  maxFileSize?: number;
  /** Called when the user rates an answer (`rate`); `null` takes a rating back. */
  onFeedback?: (message: ChatMessage, feedback: MessageFeedback | null) => void;
  /** Makes message ids; fixed ids make stories and snapshots deterministic. @default crypto.randomUUID */
  generateId?: () => string;
  /**
   * The clock, in epoch milliseconds: message times, metrics, reasoning time and retry deadlines read it. A fixed or
   * stepped clock makes tests and stories exact. @default Date.now
   */
  now?: () => number;
  /** How streaming text updates are batched. @default one per animation frame (16 ms without a browser) */
  scheduleUpdate?: UpdateScheduler;
  /**
   * How many requests one answer may make while the model keeps calling tools; the answer then ends with a
   * `max_steps` error (the last calls' results are kept, and a new message lets the model go on). @default 5
   */
  maxSteps?: number;
}

/** A message to send: its text and the files it carries. */
export interface SendInput {
  text: string;
  /** `File`s (read into data URLs when sent) or parts read already (`toFilePart`). @default [] */
  files?: readonly (File | FilePart)[];
}

/** The framework-free chat: state, actions and a subscription, as `useSyncExternalStore` wants them. */
export interface ChatService {
  getSnapshot(): ChatSnapshot;
  subscribe(listener: () => void): () => void;
  /**
   * Sends a user message (text, or text and files) and streams the answer. While another answer streams, that one is
   * stopped first (kept as `stopped`), so a send is never lost. Returns `false`, sending nothing, for a blank message
   * or when a file breaks the `accept`, `maxFiles` or `maxFileSize` rules (`checkFiles` with `fileRules()` says which).
   * `File`s are read first (the message shows once they are); `FilePart`s go as they are.
   */
  send(message: string | SendInput): boolean;
  /** The rules files must meet, from the options. */
  fileRules(): FileRules;
  /** Stops the streaming answer; its text so far is kept with status `stopped`. */
  stop(): void;
  /**
   * Asks again after a failed or interrupted answer, replacing it; one that failed after tool steps, or while it was
   * continued, goes on from where that request started instead.
   */
  retry(): void;
  /**
   * Asks the model to go on with the last answer (one that hit its length limit, `finishReason: "length"`, or was
   * stopped): what it writes is appended to the same answer. Returns `false` when the last message is not a finished
   * answer or one streams.
   */
  continueAnswer(): boolean;
  /**
   * Answers again: a new answer beside the given one (default: the last answer), shown in its place; the old one
   * stays, a branch away (`switchBranch`). Given a user message, a new answer to it.
   */
  regenerate(messageId?: string): void;
  /**
   * Edits a user message: the new text becomes a sibling of that message (the original stays, a branch away), keeps
   * its attachments, and is answered. Returns `false` for blank text or when the message is not the user's.
   */
  edit(messageId: string, text: string): boolean;
  /** Shows the sibling at `index` (0-based) of a message, and below it the branch last shown there. */
  switchBranch(messageId: string, index: number): void;
  /** Rates an answer (`null` takes the rating back); kept as `message.feedback` and reported to `onFeedback`. */
  rate(messageId: string, feedback: MessageFeedback | null): void;
  /**
   * Answers a tool call that waits in `awaiting-result` (a tool without `execute`: an approval, a form). Once every
   * call of the answer's step has its result, the answer goes on by itself. Returns `false` when no call waits
   * under that id.
   */
  addToolResult(toolCallId: string, result: unknown): boolean;
  dismissError(): void;
  /** Stops any answer and empties the transcript, insights and suggestions. */
  clear(): void;
  /** Replaces the options; the next request uses them. */
  setOptions(options: ChatServiceOptions): void;
  /** Follows the browser's online state until the returned function is called, which also stops any answer. */
  attach(): () => void;
}
