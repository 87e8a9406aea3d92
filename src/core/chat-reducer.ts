import { isCutOff, type ChatError } from './errors.js';
import { replaceMessage } from './message-list.js';
import type { ChatMessage } from './messages.js';
import type { AnswerMetrics } from './metrics.js';
import type { RetryState } from './retry-state.js';
import type { AIInsight, AISuggestion } from './types.js';

/** Everything a chat UI renders. A new object on every change; unchanged parts keep their identity. */
export interface ChatSnapshot {
  /** The transcript; the streaming answer is the last message, with its live parts. */
  messages: readonly ChatMessage[];
  /** The browser is online and the last request reached the server. */
  isConnected: boolean;
  /** A request or retry is under way and no byte of the answer has arrived yet. */
  isConnecting: boolean;
  /** An answer is in flight (from send to its end). */
  isStreaming: boolean;
  /** The id of the assistant message being streamed, if any. */
  streamingMessageId: string | null;
  /** The streaming answer's text so far (its `content`; updated at most once per frame). */
  streamingContent: string;
  /** The streaming answer's reasoning so far (its `reasoning`). */
  streamingReasoning: string;
  /** The last failure; `null` after success, `dismissError` or a stop. */
  error: ChatError | null;
  /** The automatic retry under way, if any. */
  retryState: RetryState | null;
  insights: readonly AIInsight[];
  suggestions: readonly AISuggestion[];
  /** Metrics of the last finished answer. */
  metrics: AnswerMetrics | null;
}

/** The service's whole state: what it shows, and the two facts `isConnected` is made of. */
export interface ChatState {
  snapshot: ChatSnapshot;
  /** The browser says it is online. */
  online: boolean;
  /** The last request got an answer from the server (a failure before any byte did not). */
  reachedServer: boolean;
}

/** Every way the chat's state changes. */
export type ChatAction =
  | { type: 'online'; online: boolean }
  /** An answer starts: `messages` ends with its empty streaming message. */
  | { type: 'start'; messages: readonly ChatMessage[]; messageId: string }
  /** The streaming message as it stands now (at most once per frame). */
  | { type: 'frame'; message: ChatMessage }
  /** The answer's next request (after its tool results) goes out. */
  | { type: 'next-request' }
  /** A finished message changed (a tool result the UI gave, a rating). */
  | { type: 'update'; message: ChatMessage }
  /** Another path of the message tree shows (a branch chosen, a failed answer taken out). */
  | { type: 'path'; messages: readonly ChatMessage[] }
  /** The first byte of an answer (or of a retry) arrived. */
  | { type: 'reached-server' }
  | { type: 'retry'; retryState: RetryState }
  | { type: 'fallback' }
  | { type: 'insight'; insight: AIInsight }
  | { type: 'suggestion'; suggestion: AISuggestion }
  /** The streaming answer ended: `message` is its final form, with its metrics and its error, if any. */
  | { type: 'finish'; message: ChatMessage }
  /** Something failed outside an answer (a file that could not be read). */
  | { type: 'error'; error: ChatError }
  | { type: 'dismiss-error' }
  | { type: 'clear' };

const idle = {
  isStreaming: false,
  isConnecting: false,
  streamingMessageId: null,
  streamingContent: '',
  streamingReasoning: '',
  retryState: null,
} as const;

/** The state of a new chat. */
export function initialChatState(messages: readonly ChatMessage[], online: boolean): ChatState {
  return {
    online,
    reachedServer: true,
    snapshot: {
      ...idle,
      messages,
      isConnected: online,
      error: null,
      insights: [],
      suggestions: [],
      metrics: null,
    },
  };
}

function upsert<T extends { id: string }>(items: readonly T[], item: T): readonly T[] {
  return [...items.filter((existing) => existing.id !== item.id), item];
}

/**
 * The chat's state machine: every change goes through here (TanStack Query's `#dispatch`), so each derived field is
 * decided in one place. Returns the same snapshot when nothing a listener could see changed.
 */
export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  let { online, reachedServer } = state;
  const { snapshot } = state;
  let patch: Partial<ChatSnapshot>;
  switch (action.type) {
    case 'online':
      online = action.online;
      patch = snapshot.retryState ? { retryState: { ...snapshot.retryState, offline: !online } } : {};
      break;
    case 'start':
      patch = {
        ...idle,
        messages: action.messages,
        isStreaming: true,
        isConnecting: true,
        streamingMessageId: action.messageId,
        error: null,
        // Follow-ups belong to the answer they followed: a new answer brings its own (insights stay, they are about
        // the conversation).
        suggestions: [],
      };
      break;
    case 'frame':
      patch = {
        messages: replaceMessage(snapshot.messages, action.message),
        streamingContent: action.message.content,
        streamingReasoning: action.message.reasoning ?? '',
      };
      break;
    case 'next-request':
      patch = snapshot.isConnecting ? {} : { isConnecting: true };
      break;
    case 'update':
      patch = { messages: replaceMessage(snapshot.messages, action.message) };
      break;
    case 'path':
      patch = { messages: action.messages };
      break;
    case 'reached-server':
      reachedServer = true;
      patch = { isConnecting: false, retryState: null };
      break;
    case 'retry':
      reachedServer = !isCutOff(action.retryState.error);
      patch = { isConnecting: true, retryState: { ...action.retryState, offline: !online } };
      break;
    case 'fallback':
      patch = { retryState: null };
      break;
    case 'insight':
      patch = { insights: upsert(snapshot.insights, action.insight) };
      break;
    case 'suggestion':
      patch = { suggestions: upsert(snapshot.suggestions, action.suggestion) };
      break;
    case 'finish': {
      const { error = null, metrics = null } = action.message;
      // A complete answer reached the server, even one that showed nothing (only usage, or a filtered answer).
      if (isCutOff(error)) reachedServer = false;
      else if (action.message.status === 'complete') reachedServer = true;
      patch = { ...idle, messages: replaceMessage(snapshot.messages, action.message), error, metrics };
      break;
    }
    case 'error':
      patch = { error: action.error };
      break;
    case 'dismiss-error':
      patch = snapshot.error ? { error: null } : {};
      break;
    case 'clear':
      patch = { ...idle, messages: [], insights: [], suggestions: [], error: null, metrics: null };
  }
  const isConnected = online && reachedServer;
  if (snapshot.isConnected !== isConnected) patch.isConnected = isConnected;
  return {
    online,
    reachedServer,
    snapshot: Object.keys(patch).length > 0 ? { ...snapshot, ...patch } : snapshot,
  };
}
