import type { ChatError } from './errors.js';

/** Who wrote a message. */
export type ChatRole = 'system' | 'user' | 'assistant';

/** A tool call as an assistant message of the request body carries it. */
export interface ChatCompletionToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/**
 * One message of the OpenAI-compatible request body: a plain message, a user message with files (`content` as
 * parts), an assistant turn that called tools
 * (`content` is `null` when it wrote no text), or the result of one call (`content` is the result as JSON text).
 */
export type ChatCompletionMessage =
  | { role: ChatRole; content: string }
  | { role: 'user'; content: ChatCompletionContentPart[] }
  | { role: 'assistant'; content: string | null; tool_calls: ChatCompletionToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

/** One part of a user message that carries files: its text, an image, or another file (each as a data URL). */
export type ChatCompletionContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } }
  | { type: 'file'; file: { filename: string; file_data: string } };

/** A tool as the request body describes it to the model. */
export interface ChatCompletionTool {
  type: 'function';
  function: { name: string; description?: string; parameters: JsonSchema };
}

/** A JSON Schema object (the `parameters` of a tool). */
export type JsonSchema = { [keyword: string]: unknown };

/** The OpenAI-compatible request body; `stream` is set by the transport. */
export interface ChatCompletionRequest {
  messages: ChatCompletionMessage[];
  /** @example "deepseek-chat" */
  model: string;
  temperature?: number;
  max_tokens?: number;
  /** The tools the model may call. */
  tools?: ChatCompletionTool[];
  /** Set by {@link streamChatCompletion}: `true`, or `false` for the non-streaming fallback. */
  stream?: boolean;
  /** Any further provider-specific fields, sent as they are. */
  [field: string]: unknown;
}

/** A hint the model sends beside its answer (`event: insight`). */
export interface AIInsight {
  id: string;
  kind: 'tip' | 'warning' | 'optimization' | 'info';
  title: string;
  description: string;
  /** How sure the model is, 0..1. */
  confidence?: number;
  /** A prompt the user can apply with one click. */
  suggestedPrompt?: string;
}

/** A follow-up the model proposes (`event: suggestion`). */
export interface AISuggestion {
  id: string;
  title: string;
  content: string;
  category?: string;
  /** How sure the model is, 0..1. */
  confidence?: number;
}

/** Token counts reported by the provider. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** What {@link streamChatCompletion} yields, in order. `finish` is always the last event of a complete answer. */
export type ChatStreamEvent =
  | { type: 'delta'; content: string }
  | { type: 'reasoning'; content: string }
  | { type: 'insight'; insight: AIInsight }
  | { type: 'suggestion'; suggestion: AISuggestion }
  | { type: 'usage'; usage: TokenUsage }
  | { type: 'finish'; reason: string | null }
  | { type: 'retry'; attempt: number; delayMs: number; error: ChatError }
  | { type: 'fallback' }
  /** One fragment of a tool call's arguments, as it streams, with the call's id and name. */
  | { type: 'tool-call-delta'; index: number; id: string; name: string; argumentsDelta: string }
  /** A tool call, once complete: after its last fragment and before `finish`, in index order. */
  | { type: 'tool-call'; index: number; id: string; name: string; arguments: string }
  /** A source the model cited, once per URL. */
  | { type: 'source'; source: ChatSource }
  /** The relay keeps this answer as `streamId` (its `X-Chat-Stream` header): it can be resumed after a reload. */
  | { type: 'stream'; streamId: string };

/** A web page the model cited. */
export interface ChatSource {
  url: string;
  title?: string;
}
