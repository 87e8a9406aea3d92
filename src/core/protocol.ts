import { ChatError } from './errors.js';
import type { AIInsight, AISuggestion, ChatSource, TokenUsage } from './types.js';

/** One fragment of a tool call as a chunk carries it: `index` from the wire, or the fragment's place in its array. */
export interface ToolCallFragment {
  index: number;
  /** Whether the provider sent `index` (some leave it out and send each call whole). */
  indexed: boolean;
  id: string;
  name: string;
  arguments: string;
}

/**
 * The meaning of one SSE event or JSON reply of an OpenAI-compatible server, independent of how it
 * arrived. Pure: no I/O, no state.
 */
export type ProtocolStep =
  | { kind: 'done' }
  | {
      kind: 'chunk';
      content: string;
      reasoning: string;
      toolCalls: ToolCallFragment[];
      sources: ChatSource[];
      finishReason: string | null;
      usage: TokenUsage | null;
    }
  | { kind: 'error'; error: ChatError }
  | { kind: 'insight'; insight: AIInsight }
  | { kind: 'suggestion'; suggestion: AISuggestion }
  | { kind: 'ignore' };

/** The steps of the given kinds. */
type Step<Kind extends ProtocolStep['kind']> = Extract<ProtocolStep, { kind: Kind }>;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const confidence = (value: unknown): number | undefined =>
  typeof value === 'number' && value >= 0 && value <= 1 ? value : undefined;

/** Parses a chunk or reply, which must be a JSON object: anything else is a `protocol` error. */
function parseObject(data: string, what: 'a chunk' | 'a reply'): Json {
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch (cause) {
    throw new ChatError('protocol', `The server sent ${what} that is not valid JSON.`, { cause });
  }
  if (!isObject(body)) throw new ChatError('protocol', `The server sent ${what} that is not a JSON object.`);
  return body;
}

function toUsage(value: unknown): TokenUsage | null {
  if (!isObject(value)) return null;
  const promptTokens = num(value.prompt_tokens);
  const completionTokens = num(value.completion_tokens);
  const totalTokens = num(value.total_tokens) || promptTokens + completionTokens;
  return { promptTokens, completionTokens, totalTokens };
}

/** The message of an error body: `error.message`, a flat `message`, or a string `error`. */
export function errorMessageOf(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  if (isObject(body.error) && typeof body.error.message === 'string') return body.error.message;
  if (typeof body.error === 'string') return body.error;
  if (typeof body.message === 'string') return body.message;
  return undefined;
}

/** An `{"error": {...}}` chunk: rate limits by their code, everything else is the provider failing. */
function errorChunk(error: unknown): ChatError {
  const detail = isObject(error) ? error : {};
  const code = String(detail.code ?? detail.type ?? detail.status ?? '');
  const rateLimited = code === '429' || /rate_limit/.test(code);
  const message = str(detail.message) || (typeof error === 'string' ? error : 'The model provider reported an error.');
  // The relay's ends (DESIGN.md "Server relay"): a lost producer cuts the answer; a stop from elsewhere stops it.
  if (code === 'stream_interrupted') return new ChatError('network', message, { cause: error });
  if (code === 'stream_stopped') return new ChatError('aborted', message, { cause: error });
  return new ChatError(rateLimited ? 'rate_limit' : 'server', message, { cause: error });
}

/** A body's `error` field as a step; `null` when it has none (`"error": null` included). */
const errorStep = (body: Json): Step<'error'> | null =>
  body.error === undefined || body.error === null ? null : { kind: 'error', error: errorChunk(body.error) };

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** The empty list every chunk without tool calls or sources shares (never written to). */
const none: never[] = [];

/** `tool_calls` of a delta or a message. Arguments sent as an object (not the usual JSON text) become JSON text. */
function toolCallsOf(value: unknown): ToolCallFragment[] {
  return list(value).flatMap((call, position) => {
    if (!isObject(call)) return [];
    const fn = isObject(call.function) ? call.function : {};
    const args = fn.arguments;
    const indexed = typeof call.index === 'number';
    return {
      index: indexed ? (call.index as number) : position,
      indexed,
      id: str(call.id),
      name: str(fn.name),
      arguments: typeof args === 'string' ? args : isObject(args) ? JSON.stringify(args) : '',
    };
  });
}

/**
 * Cited sources of a chunk, in order: `search_results` (they carry titles), Perplexity's `citations`, then
 * `url_citation` annotations of the delta or message.
 */
function sourcesOf(body: Json, part: Json | undefined): ChatSource[] {
  const sources: ChatSource[] = [];
  const add = (url: unknown, title: unknown) => {
    if (typeof url !== 'string' || url === '') return;
    sources.push(str(title) ? { url, title: str(title) } : { url });
  };
  for (const result of list(body.search_results)) if (isObject(result)) add(result.url, result.title);
  for (const url of list(body.citations)) add(url, undefined);
  for (const annotation of list(part?.annotations)) {
    const citation = isObject(annotation) ? annotation.url_citation : undefined;
    if (isObject(citation)) add(citation.url, citation.title);
  }
  return sources;
}

function choiceStep(body: Json, field: 'delta' | 'message'): Step<'chunk'> {
  const choice: unknown = Array.isArray(body.choices) ? body.choices[0] : undefined;
  const part = isObject(choice) && isObject(choice[field]) ? choice[field] : undefined;
  return {
    kind: 'chunk',
    content: str(part?.content),
    reasoning: str(part?.reasoning_content) || str(part?.reasoning),
    // Most chunks carry neither: no allocation for them on the hot path.
    toolCalls: part?.tool_calls ? toolCallsOf(part.tool_calls) : none,
    sources: body.citations || body.search_results || part?.annotations ? sourcesOf(body, part) : none,
    finishReason: isObject(choice) && typeof choice.finish_reason === 'string' ? choice.finish_reason : null,
    usage: toUsage(body.usage) ?? (isObject(body.x_groq) ? toUsage(body.x_groq.usage) : null),
  };
}

function insightStep(value: unknown): ProtocolStep | null {
  if (!isObject(value)) return null;
  const kinds = ['tip', 'warning', 'optimization', 'info'] as const;
  const kind = kinds.find((k) => k === value.kind);
  if (!kind || !str(value.title) || (typeof value.id !== 'string' && typeof value.id !== 'number')) return null;
  const insight: AIInsight = {
    id: String(value.id),
    kind,
    title: str(value.title),
    description: str(value.description),
  };
  const c = confidence(value.confidence);
  if (c !== undefined) insight.confidence = c;
  if (str(value.suggestedPrompt)) insight.suggestedPrompt = str(value.suggestedPrompt);
  return { kind: 'insight', insight };
}

function suggestionStep(value: unknown): ProtocolStep | null {
  if (!isObject(value)) return null;
  if (!str(value.title) || !str(value.content) || (typeof value.id !== 'string' && typeof value.id !== 'number'))
    return null;
  const suggestion: AISuggestion = { id: String(value.id), title: str(value.title), content: str(value.content) };
  if (str(value.category)) suggestion.category = str(value.category);
  const c = confidence(value.confidence);
  if (c !== undefined) suggestion.confidence = c;
  return { kind: 'suggestion', suggestion };
}

/** Reads a named side-channel event; one that cannot be read is skipped, never fatal to the answer. */
function sideEvent(data: string, read: (value: unknown) => ProtocolStep | null): ProtocolStep {
  try {
    return read(JSON.parse(data)) ?? { kind: 'ignore' };
  } catch {
    return { kind: 'ignore' };
  }
}

/**
 * Interprets one dispatched SSE event. Unnamed events and `event: message` carry completion chunks;
 * `insight` and `suggestion` carry side-channel data; other names are ignored. A chunk that is not
 * JSON throws a `protocol` {@link ChatError}.
 */
export function interpretEvent(event: { event?: string | undefined; data: string }): ProtocolStep {
  // An empty event type is the default `message` (WHATWG), not an unknown name.
  const name = event.event || 'message';
  if (name === 'insight') return sideEvent(event.data, insightStep);
  if (name === 'suggestion') return sideEvent(event.data, suggestionStep);
  if (name !== 'message') return { kind: 'ignore' };
  if (event.data.trim() === '[DONE]') return { kind: 'done' };
  const body = parseObject(event.data, 'a chunk');
  return errorStep(body) ?? choiceStep(body, 'delta');
}

/** Interprets a whole non-streaming `application/json` completion (`choices[0].message`). */
export function interpretCompletion(text: string): Step<'chunk' | 'error'> {
  const body = parseObject(text, 'a reply');
  const error = errorStep(body);
  if (error) return error;
  if (!Array.isArray(body.choices)) throw new ChatError('protocol', 'The server sent a JSON reply without choices.');
  return choiceStep(body, 'message');
}
