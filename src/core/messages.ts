import type { ChatError } from './errors.js';
import type { AnswerMetrics } from './metrics.js';
import type { ChatRole, TokenUsage } from './types.js';

/**
 * Where a message stands. User and system messages are always `complete`; an assistant message is
 * `streaming` while it arrives, then `complete`, `stopped` (the user pressed stop), `interrupted`
 * (the connection was lost mid-answer; the partial text is kept) or `error`.
 */
export type MessageStatus = 'streaming' | 'complete' | 'stopped' | 'interrupted' | 'error';

/** Answer text, in the order it arrived (markdown). */
export interface TextPart {
  type: 'text';
  text: string;
}

/** The model's reasoning ("thinking") text. */
export interface ReasoningPart {
  type: 'reasoning';
  text: string;
  /** How long the model reasoned, from its first reasoning token to what came next; absent while it still does. */
  durationMs?: number;
}

/**
 * Where a tool call stands: its arguments stream in (`streaming-args`), then it `running` (a tool with `execute`) or
 * `awaiting-result` (the UI answers it), and ends with a `result` or an `error`.
 */
export type ToolCallState = 'streaming-args' | 'awaiting-result' | 'running' | 'result' | 'error';

/** A call of one of the host's tools, made by the model. */
export interface ToolCallPart {
  type: 'tool-call';
  toolCallId: string;
  toolName: string;
  /** The arguments as the model wrote them (JSON text, partial while streaming). */
  argsText: string;
  /** The parsed arguments, once `argsText` is complete and valid JSON. */
  args?: unknown;
  state: ToolCallState;
  /**
   * Which request of the answer made the call (0 for the first; each round of tool results starts the next). Calls of
   * one step go back to the model together. @default 0
   */
  step?: number;
  /** The tool's result, in state `result`. */
  result?: unknown;
  /** What went wrong, in state `error`. */
  errorText?: string;
}

/** A web source the model cited. */
export interface SourcePart {
  type: 'source';
  url: string;
  title?: string;
}

/** A file attached to a message. */
export interface FilePart {
  type: 'file';
  name: string;
  /** @example "image/png" */
  mediaType: string;
  /** Bytes. */
  size: number;
  /** A data URL or an object URL. */
  url: string;
}

/** One piece of a message's content; a message is an ordered list of them. */
export type MessagePart = TextPart | ReasoningPart | ToolCallPart | SourcePart | FilePart;

/** One message of the transcript. Finished messages are immutable and keep their identity. */
export interface ChatMessage {
  id: string;
  role: ChatRole;
  /** The content, in order: text, reasoning, tool calls, sources and files. Live while the message streams. */
  parts: readonly MessagePart[];
  /** The text parts joined: the message as plain markdown, for simple hosts. */
  content: string;
  /** The reasoning parts joined, when the model sent any. */
  reasoning?: string;
  status: MessageStatus;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Why an `error` or `interrupted` message ended. */
  error?: ChatError;
  /** Timing and size of an assistant answer's last request. */
  metrics?: AnswerMetrics;
  /**
   * Why the model ended the answer, as the provider said it: `"stop"`, `"length"` (it hit `maxTokens`: Continue
   * goes on), `"content_filter"` (the provider withheld the rest), `"tool_calls"`, … Absent when it did not say.
   */
  finishReason?: string;
  /** The tokens the answer cost, summed over every request that streamed into it; absent when the provider sent none. */
  usage?: TokenUsage;
  /**
   * The relay's id of this answer (its `X-Chat-Stream`), from its first response. Saved with the message: a chat
   * restored with this answer still streaming reads it again from the relay and finishes it (a page reload).
   */
  streamId?: string;
  /**
   * The message this one answers or follows (`null` for the first). Edits and regenerations are siblings: messages
   * with the same parent. @default the message before it
   */
  parentId?: string | null;
  /** Its place among its siblings (0-based `index` of `count`), on the messages of the shown path. */
  branch?: MessageBranch;
  /** What the user thought of an answer (`rate`). */
  feedback?: MessageFeedback;
}

/** A message's place among its siblings: the versions of one turn made by editing or regenerating. */
export interface MessageBranch {
  /** 0-based. */
  index: number;
  count: number;
}

/** A thumbs up or down on an answer. */
export type MessageFeedback = 'up' | 'down';

/**
 * A message as a host may write it: with `parts`, or with only `content` (and `reasoning`), as in the seed's API.
 * {@link toChatMessage} fills in the other.
 */
export type ChatMessageInput = Omit<ChatMessage, 'parts' | 'content'> & {
  parts?: readonly MessagePart[];
  content?: string;
};

/** The text of every part of one type, joined. */
export function joinParts(parts: readonly MessagePart[], type: 'text' | 'reasoning'): string {
  let text = '';
  for (const part of parts) if (part.type === type) text += part.text;
  return text;
}

/**
 * `message` with new parts, and `content`/`reasoning` derived from them: the one place they are derived, so that they
 * never go stale beside the parts they come from.
 */
export function withParts(message: Omit<ChatMessage, 'parts' | 'content'>, parts: readonly MessagePart[]): ChatMessage {
  const { reasoning: _, ...rest } = message;
  const reasoning = joinParts(parts, 'reasoning');
  return { ...rest, parts, content: joinParts(parts, 'text'), ...(reasoning && { reasoning }) };
}

/**
 * A complete message from a host's input: parts from `content`/`reasoning` when it has none; else `content` and
 * `reasoning` from the parts (they are the message).
 */
export function toChatMessage({ content, reasoning, parts, ...rest }: ChatMessageInput): ChatMessage {
  parts ??= [
    ...(reasoning ? [{ type: 'reasoning' as const, text: reasoning }] : []),
    ...(content ? [{ type: 'text' as const, text: content }] : []),
  ];
  return withParts(rest, parts);
}

/**
 * Adds `text` at the end of `parts`, in place (callers pass an array of their own): a run of one kind grows its last
 * part, a change of kind starts the next. The one place runs of text are merged. Merged reasoning knows its duration
 * once the latest part does.
 */
export function appendText(parts: MessagePart[], text: TextPart | ReasoningPart): void {
  const last = parts.at(-1);
  if (last?.type !== text.type) parts.push(text);
  else if (text.type === 'text') parts[parts.length - 1] = { type: 'text', text: last.text + text.text };
  else {
    const { durationMs } = text;
    const before = (last as ReasoningPart).durationMs ?? 0;
    parts[parts.length - 1] = {
      type: 'reasoning',
      text: last.text + text.text,
      ...(durationMs !== undefined && { durationMs: before + durationMs }),
    };
  }
}
