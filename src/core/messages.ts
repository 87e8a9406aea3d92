import type { ChatError } from './errors.js';
import type { AnswerMetrics } from './metrics.js';
import type { ChatCompletionMessage, ChatRole } from './types.js';

/**
 * Where a message stands. User and system messages are always `complete`; an assistant message is
 * `streaming` while it arrives, then `complete`, `stopped` (the user pressed stop), `interrupted`
 * (the connection was lost mid-answer; the partial text is kept) or `error`.
 */
export type MessageStatus = 'streaming' | 'complete' | 'stopped' | 'interrupted' | 'error';

/** One message of the transcript. Finished messages are immutable and keep their identity. */
export interface ChatMessage {
  id: string;
  role: ChatRole;
  /** The text; for a `streaming` message it is empty, and the live text is `streamingContent`. */
  content: string;
  /** The model's reasoning ("thinking") text, when it sent any. */
  reasoning?: string;
  status: MessageStatus;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Why an `error` or `interrupted` message ended. */
  error?: ChatError;
  /** Timing and size of an assistant answer. */
  metrics?: AnswerMetrics;
}

/** The history sent to the model: what the user wrote and what the model answered, failures left out. */
export function toRequestMessages(messages: readonly ChatMessage[]): ChatCompletionMessage[] {
  return messages
    .filter((m) => m.role !== 'assistant' || (m.status !== 'streaming' && m.content !== ''))
    .map((m) => ({ role: m.role, content: m.content }));
}
