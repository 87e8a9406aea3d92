import type { ChatMessage, FilePart, ToolCallPart } from './messages.js';
import { stepOf, type ChatTools } from './tools.js';
import type {
  ChatCompletionContentPart,
  ChatCompletionMessage,
  ChatCompletionRequest,
  ChatCompletionTool,
  JsonSchema,
} from './types.js';

/** What shapes a request besides its history. */
export interface RequestSettings {
  /** @default "deepseek-chat" */
  model?: string;
  /** @default 0.7 */
  temperature?: number;
  /** Sent as `max_tokens`. @default 4096 */
  maxTokens?: number;
  /**
   * The tools the model may call, by name (sent as `tools`). Calls of tools with `execute` run in parallel and their
   * results go back to the model by themselves; calls of tools without wait for `addToolResult`. @default none
   */
  tools?: ChatTools;
}

/**
 * What the model is told when the user asks it to continue an answer that hit its length limit. A user turn, since
 * every OpenAI-compatible provider takes one (assistant prefill is not universal).
 */
export const CONTINUE_PROMPT =
  'Continue your last answer exactly where it stopped, without repeating anything and without any preamble.';

/**
 * The request body for the next request of an answer: the history as the model reads it (the streaming answer's own
 * parts included, so a tool step sends its calls and results), then `after` (a continuation's instruction).
 */
export function buildRequest(
  history: readonly ChatMessage[],
  settings: RequestSettings,
  after: readonly ChatCompletionMessage[] = [],
): ChatCompletionRequest {
  const { model = 'deepseek-chat', temperature = 0.7, maxTokens = 4096, tools } = settings;
  const definitions = toolDefinitions(tools);
  return {
    messages: [...toRequestMessages(history), ...after],
    model,
    temperature,
    max_tokens: maxTokens,
    ...(definitions && { tools: definitions }),
  };
}

/**
 * The history sent to the model: what the user wrote and what the model answered, with its tool calls and their
 * results; answers that produced nothing are left out.
 */
export function toRequestMessages(messages: readonly ChatMessage[]): ChatCompletionMessage[] {
  return messages.flatMap((m) => (m.role === 'assistant' ? answerMessages(m) : [userMessage(m)]));
}

const noParameters: JsonSchema = { type: 'object', properties: {} };

/** The `tools` field of the request body; absent when there are none. */
function toolDefinitions(tools: ChatTools | undefined): ChatCompletionTool[] | undefined {
  const names = tools ? Object.keys(tools) : [];
  if (!tools || names.length === 0) return undefined;
  return names.map((name) => {
    const { description, parameters = noParameters } = tools[name]!;
    return { type: 'function', function: { name, ...(description && { description }), parameters } };
  });
}

/** A call's outcome as the model reads it in the `tool` message: the result as JSON, or `{"error": "..."}`. */
function toolResultContent(call: ToolCallPart): string {
  if (call.state === 'result') return JSON.stringify(call.result ?? null);
  return JSON.stringify({ error: call.errorText ?? 'The call has no result.' });
}

/** One step of an answer as the model wrote it: its text, then its calls and their outcomes. */
function stepMessages(text: string, calls: readonly ToolCallPart[]): ChatCompletionMessage[] {
  if (calls.length === 0) return text === '' ? [] : [{ role: 'assistant', content: text }];
  return [
    {
      role: 'assistant',
      content: text === '' ? null : text,
      tool_calls: calls.map((call) => ({
        id: call.toolCallId,
        type: 'function',
        function: { name: call.toolName, arguments: call.argsText },
      })),
    },
    ...calls.map((call) => ({
      role: 'tool' as const,
      tool_call_id: call.toolCallId,
      content: toolResultContent(call),
    })),
  ];
}

/**
 * An answer as the model wrote it: per step, its text and the calls it made (one assistant message with
 * `tool_calls`), then one `tool` message per call with its outcome. Reasoning and sources are not sent back.
 */
function answerMessages(message: ChatMessage): ChatCompletionMessage[] {
  const out: ChatCompletionMessage[] = [];
  let text = '';
  let calls: ToolCallPart[] = [];
  for (const part of message.parts) {
    // Text after a call, or a call of the next step, begins the next assistant turn.
    const next =
      calls.length > 0 && (part.type === 'text' || (part.type === 'tool-call' && stepOf(part) !== stepOf(calls[0]!)));
    if (next) {
      out.push(...stepMessages(text, calls));
      text = '';
      calls = [];
    }
    if (part.type === 'text') text += part.text;
    else if (part.type === 'tool-call') calls.push(part);
  }
  out.push(...stepMessages(text, calls));
  return out;
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
