import { chatScenarioContent } from './content.js';

/*
 * The catalogue of mock chat scenarios: their names, descriptions and options. `createScenarioResponder`
 * (responders.ts) plays them; `chatScenarioHandler` (handlers.ts) serves them through MSW.
 */

/** The name of a mock chat scenario; {@link chatScenarios} describes each one. */
export type ChatScenarioName =
  | 'streaming'
  | 'slow-first-token'
  | 'reasoning'
  | 'markdown'
  | 'long'
  | 'insights'
  | 'keep-alive'
  | 'auth-refresh'
  | 'auth-expired'
  | 'rate-limit'
  | 'server-errors'
  | 'fallback'
  | 'cut-with-ids'
  | 'cut-without-ids'
  | 'malformed-chunk'
  | 'error-chunk'
  | 'stall'
  | 'offline'
  | 'tool-call'
  | 'parallel-tools'
  | 'tool-error'
  | 'tool-approval'
  | 'sources';

/** The scenarios in which the model calls tools. */
export type ToolScenarioName = keyof typeof chatScenarioContent.toolSteps;

/** One entry of {@link chatScenarios}. */
export interface ChatScenarioInfo {
  readonly name: ChatScenarioName;
  /** A short label, e.g. for a story name or a picker. */
  readonly title: string;
  /** One line: what the server does, with the default options. */
  readonly description: string;
}

/** Every scenario, in a sensible order for a picker, with a label and a one-line description. */
export const chatScenarios: readonly ChatScenarioInfo[] = [
  { name: 'streaming', title: 'Normal streaming', description: 'A complete answer, streamed token by token.' },
  {
    name: 'slow-first-token',
    title: 'Slow first token',
    description: 'Headers at once, then the first token after about 1.5 s.',
  },
  {
    name: 'reasoning',
    title: 'Reasoning, then answer',
    description: 'DeepSeek-style `reasoning_content` deltas, then the answer.',
  },
  {
    name: 'markdown',
    title: 'Markdown-heavy answer',
    description: 'Headings, emphasis, a link, lists, a table, a code block and a quote.',
  },
  { name: 'long', title: 'Long answer', description: 'More than 2,000 tokens of text, one chunk per token.' },
  {
    name: 'insights',
    title: 'Insights and suggestions',
    description: 'An answer with `event: insight` and `event: suggestion` events.',
  },
  {
    name: 'keep-alive',
    title: 'Keep-alives first',
    description: 'Several `: keep-alive` comments before the first token.',
  },
  {
    name: 'auth-refresh',
    title: '401, then refresh succeeds',
    description: '401 until the request carries the refreshed token (`refreshed-token`), then the answer.',
  },
  {
    name: 'auth-expired',
    title: '401 for good',
    description: 'Every request is rejected with 401: the session has expired.',
  },
  {
    name: 'rate-limit',
    title: '429, then success',
    description: 'The first request gets 429 with `Retry-After: 2`, the next one the answer.',
  },
  { name: 'server-errors', title: '5xx, then success', description: 'Two 503 replies, then the answer.' },
  {
    name: 'fallback',
    title: 'Non-streaming fallback',
    description: 'Every streaming request fails with 500; the `stream: false` request gets the answer as JSON.',
  },
  {
    name: 'cut-with-ids',
    title: 'Cut mid-stream, resumable',
    description:
      'Events carry ids; the first response is cut mid-answer and the resumed request continues after `Last-Event-ID`.',
  },
  {
    name: 'cut-without-ids',
    title: 'Cut mid-stream, no ids',
    description: 'The first response ends mid-answer with no ids and no `[DONE]`; a retry gets the whole answer.',
  },
  {
    name: 'malformed-chunk',
    title: 'Malformed chunk',
    description: 'Some text, then a chunk that is not JSON; later requests succeed.',
  },
  {
    name: 'error-chunk',
    title: 'Error chunk mid-stream',
    description: 'Some text, then an `{"error": …}` chunk; later requests succeed.',
  },
  {
    name: 'stall',
    title: 'Stalled stream',
    description: 'Some text, then silence with the connection open, until the client gives up; later requests succeed.',
  },
  {
    name: 'offline',
    title: 'Offline, then online',
    description: 'The first request fails as a network error; later ones succeed.',
  },
  {
    name: 'tool-call',
    title: 'Tool call, then answer',
    description: 'Calls `get_weather` for Paris; once the request carries its result, the answer.',
  },
  {
    name: 'parallel-tools',
    title: 'Two tool calls at once',
    description: 'Calls `get_weather` and `get_time` in one answer; once both results are back, the answer.',
  },
  {
    name: 'tool-error',
    title: 'Tool call that fails',
    description:
      'Calls `get_weather` for Atlantis (a tool that throws for unknown cities); then answers from the error.',
  },
  {
    name: 'tool-approval',
    title: 'Tool call waiting for approval',
    description:
      'Calls `send_email`, a tool without `execute`: the user approves or denies, then the answer says which.',
  },
  {
    name: 'sources',
    title: 'Answer with sources',
    description: 'An answer that cites two web pages (`url_citation` annotations).',
  },
];

/**
 * Options of {@link createScenarioResponder} and `chatScenarioHandler`. Every delay defaults to a realistic
 * value, or to 0 in `deterministic` mode; a delay given explicitly applies in both modes.
 */
export interface ScenarioOptions {
  /** The URL the MSW handler intercepts (a path, a full URL or a RegExp). @default "/api/v2/chat/completions/" */
  endpoint?: string | RegExp;
  /**
   * Zero delays (`Retry-After: 0`, `retry: 0`) with the same events in the same chunks, so a run ends in the
   * same state as a paced one, fast. Ids and timestamps are fixed in both modes. @default false
   */
  deterministic?: boolean;
  /**
   * The answer text (for the tool scenarios: the answer once the tool results are back).
   * @default the scenario's: `chatScenarioContent.markdown`, `.longAnswer`, its `.toolSteps` answer,
   * `.sourcesAnswer`, else `.answer`
   */
  answer?: string;
  /** The reasoning text of the `reasoning` scenario. @default chatScenarioContent.reasoning */
  reasoning?: string;
  /** The `model` of every chunk. @default the request's `model`, else "deepseek-chat" */
  model?: string;
  /** The `id` of every chunk. @default "chatcmpl-promptcraft-0001" */
  completionId?: string;
  /** The `created` of every chunk, in epoch seconds. @default 1735689600 (2025-01-01T00:00:00Z) */
  created?: number;
  /** Server latency before any response (status line and headers). @default 120, deterministic 0 */
  latencyMs?: number;
  /** From the headers to the first token. @default 1500 for `slow-first-token`, else 250; deterministic 0 */
  firstTokenDelayMs?: number;
  /** Between chunks, varied by a fixed ±30% pattern. @default 5 for `long`, else 30; deterministic 0 */
  chunkDelayMs?: number;
  /** `: keep-alive` comments before the first token. @default 4 for `keep-alive`, else 0 */
  keepAliveCount?: number;
  /** Between keep-alive comments. @default 500, deterministic 0 */
  keepAliveIntervalMs?: number;
  /** The `Retry-After` of the `rate-limit` 429, in seconds. @default 2, deterministic 0 */
  retryAfterSeconds?: number;
  /** The `retry:` field sent with the first event when events carry ids. @default 1000, deterministic 0 */
  reconnectDelayMs?: number;
  /** Whether events carry `id:` fields, so a cut stream can resume. @default true for `cut-with-ids`, else false */
  ids?: boolean;
  /**
   * How many requests fail before the answer: 429s for `rate-limit`, 503s for `server-errors`, network errors
   * for `offline`. @default 2 for `server-errors`, else 1
   */
  failures?: number;
  /** The token `auth-refresh` accepts (`Authorization: Bearer <validToken>`). @default "refreshed-token" */
  validToken?: string;
  /** Answer chunks sent before a cut, malformed chunk, error chunk or stall. @default 12 (at most all but one) */
  interruptAfterChunks?: number;
}

/** The answer text `name` streams with `options` (what a complete answer shows). */
export function chatScenarioAnswer(name: ChatScenarioName, options: Pick<ScenarioOptions, 'answer'> = {}): string {
  if (options.answer !== undefined) return options.answer;
  if (Object.hasOwn(chatScenarioContent.toolSteps, name))
    return chatScenarioContent.toolSteps[name as ToolScenarioName].answer;
  return name === 'markdown'
    ? chatScenarioContent.markdown
    : name === 'long'
      ? chatScenarioContent.longAnswer
      : name === 'sources'
        ? chatScenarioContent.sourcesAnswer
        : chatScenarioContent.answer;
}
