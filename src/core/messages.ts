import type { ChatError } from './errors.js';
import type { AnswerMetrics } from './metrics.js';
import { toolResultContent } from './tools.js';
import type { ChatCompletionContentPart, ChatCompletionMessage, ChatRole } from './types.js';

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
  /** Timing and size of an assistant answer. */
  metrics?: AnswerMetrics;
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

/** A complete message from a host's input: parts from `content`/`reasoning` when it has none, and the reverse. */
export function toChatMessage({ content, reasoning, parts, ...rest }: ChatMessageInput): ChatMessage {
  parts ??= [
    ...(reasoning ? [{ type: 'reasoning' as const, text: reasoning }] : []),
    ...(content ? [{ type: 'text' as const, text: content }] : []),
  ];
  reasoning ??= joinParts(parts, 'reasoning');
  return { ...rest, parts, content: content ?? joinParts(parts, 'text'), ...(reasoning && { reasoning }) };
}

/**
 * An answer as the model wrote it: per step, its text and the calls it made (one assistant message with
 * `tool_calls`), then one `tool` message per call with its outcome. Reasoning and sources are not sent back.
 */
function answerMessages(message: ChatMessage): ChatCompletionMessage[] {
  const out: ChatCompletionMessage[] = [];
  let text = '';
  let calls: ToolCallPart[] = [];
  const flush = () => {
    if (calls.length === 0) {
      if (text !== '') out.push({ role: 'assistant', content: text });
    } else {
      out.push({
        role: 'assistant',
        content: text === '' ? null : text,
        tool_calls: calls.map((call) => ({
          id: call.toolCallId,
          type: 'function',
          function: { name: call.toolName, arguments: call.argsText },
        })),
      });
      for (const call of calls)
        out.push({ role: 'tool', tool_call_id: call.toolCallId, content: toolResultContent(call) });
    }
    text = '';
    calls = [];
  };
  for (const part of message.parts) {
    if (part.type === 'text') {
      if (calls.length > 0) flush();
      text += part.text;
    } else if (part.type === 'tool-call') {
      if (calls.length > 0 && (part.step ?? 0) !== (calls[0]!.step ?? 0)) flush();
      calls.push(part);
    }
  }
  flush();
  return out;
}

/**
 * The history sent to the model: what the user wrote and what the model answered, with its tool calls and their
 * results; answers that produced nothing are left out.
 */
export function toRequestMessages(messages: readonly ChatMessage[]): ChatCompletionMessage[] {
  return messages.flatMap((m) => (m.role === 'assistant' ? answerMessages(m) : [userMessage(m)]));
}

/** A user (or system) message: plain text, or its text and files as content parts when it carries files. */
function userMessage(message: ChatMessage): ChatCompletionMessage {
  const files = message.parts.filter((part): part is FilePart => part.type === 'file');
  if (files.length === 0 || message.role !== 'user') return { role: message.role, content: message.content };
  const content: ChatCompletionContentPart[] = message.content === '' ? [] : [{ type: 'text', text: message.content }];
  for (const file of files)
    content.push(
      file.mediaType.startsWith('image/')
        ? { type: 'image_url', image_url: { url: file.url } }
        : { type: 'file', file: { filename: file.name, file_data: file.url } },
    );
  return { role: 'user', content };
}
