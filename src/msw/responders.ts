import { chatScenarioContent, tokenize, type ScenarioToolCall } from './content.js';
import {
  chatScenarioAnswer,
  chatScenarios,
  type ChatScenarioName,
  type ScenarioOptions,
  type ToolScenarioName,
} from './scenarios.js';
import { encodeSseEvent, eventStreamResponse, jsonResponse, pause, type SseEvent, type StreamStep } from './sse.js';

/*
 * Plays the scenarios. Framework-free: plain `Request` in, plain `Response` out, so the same code can back
 * an MSW handler, a Service Worker or a Node HTTP server.
 */

/**
 * A mock chat endpoint: answers one request with a `Response`. It keeps state between calls (the
 * scenarios count requests), so create one per story or test. Its streaming bodies stop producing as
 * soon as `request.signal` aborts or the body is cancelled, so no timer outlives the request.
 */
export type ScenarioResponder = (request: Request) => Promise<Response>;

type Settings = Required<Omit<ScenarioOptions, 'endpoint' | 'model'>> & { model: string | undefined };

/** How a streamed answer ends on the first request of the interrupting scenarios. */
type Interruption = 'cut' | 'end' | 'malformed' | 'error' | 'stall';

/** What a scenario knows about one request. */
interface Exchange {
  signal: AbortSignal;
  /** 1-based: the how-many-th request this responder has seen. */
  attempt: number;
  /** False for the non-streaming (`stream: false`) request. */
  streaming: boolean;
  lastEventId: string | null;
  authorization: string | null;
  model: string;
  promptTokens: number;
  /** The contents of the `tool` messages that end the request: the results of the model's last calls. */
  toolResults: string[];
}

interface Shape {
  reasoning?: string;
  sideEvents?: boolean;
  interrupt?: Interruption | undefined;
  /** Calls the model makes after its text (the answer then ends with `finish_reason: "tool_calls"`). */
  toolCalls?: readonly ScenarioToolCall[];
  /** Web pages the answer cites. */
  sources?: readonly { url: string; title: string }[];
}

interface PlannedEvent {
  event: SseEvent;
  delayMs: number;
  /** Carries answer or reasoning text. */
  text: boolean;
}

const KEEP_ALIVE = ': keep-alive\n\n';

function resolveSettings(name: ChatScenarioName, o: ScenarioOptions): Settings {
  const paced = (ms: number) => (o.deterministic ? 0 : ms);
  return {
    deterministic: o.deterministic ?? false,
    answer: chatScenarioAnswer(name, o),
    reasoning: o.reasoning ?? chatScenarioContent.reasoning,
    model: o.model,
    completionId: o.completionId ?? 'chatcmpl-promptcraft-0001',
    created: o.created ?? 1_735_689_600,
    latencyMs: o.latencyMs ?? paced(120),
    firstTokenDelayMs: o.firstTokenDelayMs ?? paced(name === 'slow-first-token' ? 1_500 : 250),
    chunkDelayMs: o.chunkDelayMs ?? paced(name === 'long' ? 5 : 30),
    keepAliveCount: o.keepAliveCount ?? (name === 'keep-alive' ? 4 : 0),
    keepAliveIntervalMs: o.keepAliveIntervalMs ?? paced(500),
    retryAfterSeconds: o.retryAfterSeconds ?? paced(2),
    reconnectDelayMs: o.reconnectDelayMs ?? paced(1_000),
    ids: o.ids ?? name === 'cut-with-ids',
    failures: o.failures ?? (name === 'server-errors' ? 2 : 1),
    validToken: o.validToken ?? 'refreshed-token',
    interruptAfterChunks: o.interruptAfterChunks ?? 12,
  };
}

/** A fixed ±30% pattern around `base`: pacing that looks alive without randomness. */
const jitter = (base: number, i: number): number => Math.round(base * (0.7 + 0.15 * ((i * 3) % 5)));

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function readExchange(request: Request, attempt: number, s: Settings): Promise<Exchange> {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = request.bodyUsed ? null : JSON.parse(await request.clone().text());
    if (isObject(parsed)) body = parsed;
  } catch {
    // Not JSON: answer anyway, as a lenient server would.
  }
  const messages = Array.isArray(body.messages) ? (body.messages as unknown[]) : [];
  const promptTokens = messages.reduce<number>(
    (sum, m) => sum + (isObject(m) && typeof m.content === 'string' ? tokenize(m.content).length : 0),
    0,
  );
  const toolResults: string[] = [];
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const m = messages[i];
    if (!isObject(m) || m.role !== 'tool') break;
    toolResults.unshift(typeof m.content === 'string' ? m.content : '');
  }
  return {
    toolResults,
    signal: request.signal,
    attempt,
    streaming: body.stream !== false,
    lastEventId: request.headers.get('last-event-id'),
    authorization: request.headers.get('authorization'),
    model: s.model ?? (typeof body.model === 'string' ? body.model : 'deepseek-chat'),
    promptTokens,
  };
}

function usageOf(x: Exchange, reasoningTokens: number, answerTokens: number): Record<string, unknown> {
  const completion = reasoningTokens + answerTokens;
  return {
    prompt_tokens: x.promptTokens,
    completion_tokens: completion,
    total_tokens: x.promptTokens + completion,
    ...(reasoningTokens > 0 ? { completion_tokens_details: { reasoning_tokens: reasoningTokens } } : {}),
  };
}

/** Every event of one complete streamed answer, in order, with its pacing. */
function answerEvents(x: Exchange, s: Settings, shape: Shape): PlannedEvent[] {
  const base = { id: s.completionId, object: 'chat.completion.chunk', created: s.created, model: x.model };
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
  let n = 0;
  const nextDelay = () => (n++ === 0 ? s.firstTokenDelayMs : jitter(s.chunkDelayMs, n));
  const events: PlannedEvent[] = [{ event: { data: chunk({ role: 'assistant' }) }, delayMs: 0, text: false }];
  const side = (event: 'insight' | 'suggestion', data: unknown) =>
    events.push({ event: { event, data }, delayMs: jitter(s.chunkDelayMs, n), text: false });

  const reasoning = tokenize(shape.reasoning ?? '');
  for (const token of reasoning) {
    events.push({
      event: { data: chunk({ content: null, reasoning_content: token }) },
      delayMs: nextDelay(),
      text: true,
    });
  }
  const answer = tokenize(s.answer);
  const middle = Math.ceil(answer.length / 2);
  answer.forEach((token, i) => {
    if (shape.sideEvents && i === middle)
      chatScenarioContent.insights.slice(0, 1).forEach((insight) => side('insight', insight));
    events.push({ event: { data: chunk({ content: token }) }, delayMs: nextDelay(), text: true });
  });
  if (shape.sideEvents) {
    chatScenarioContent.insights.slice(1).forEach((insight) => side('insight', insight));
    chatScenarioContent.suggestions.forEach((suggestion) => side('suggestion', suggestion));
  }
  if (shape.sources) {
    const annotations = shape.sources.map(({ url, title }) => ({ type: 'url_citation', url_citation: { url, title } }));
    events.push({ event: { data: chunk({ annotations }) }, delayMs: jitter(s.chunkDelayMs, n), text: false });
  }
  // Each call as providers stream it: id and name first, then the arguments in fragments.
  (shape.toolCalls ?? []).forEach(({ id, name, arguments: args }, index) => {
    const call = (fields: Record<string, unknown>) => ({ data: chunk({ tool_calls: [{ index, ...fields }] }) });
    events.push({
      event: call({ id, type: 'function', function: { name, arguments: '' } }),
      delayMs: nextDelay(),
      text: true,
    });
    for (let at = 0; at < args.length; at += 12)
      events.push({
        event: call({ function: { arguments: args.slice(at, at + 12) } }),
        delayMs: nextDelay(),
        text: true,
      });
  });
  const finishReason = shape.toolCalls ? 'tool_calls' : 'stop';
  events.push({ event: { data: chunk({}, finishReason) }, delayMs: jitter(s.chunkDelayMs, n), text: false });
  events.push({
    event: { data: { ...base, choices: [], usage: usageOf(x, reasoning.length, answer.length) } },
    delayMs: 0,
    text: false,
  });
  events.push({ event: { data: '[DONE]' }, delayMs: 0, text: false });

  if (s.ids) {
    events.forEach(({ event }, i) => {
      event.id = String(i + 1);
      if (i === 0) event.retry = s.reconnectDelayMs;
    });
  }
  return events;
}

/** The body of a streamed answer: keep-alives, the events (from after `Last-Event-ID` on a resume), an interruption. */
function answerSteps(x: Exchange, s: Settings, shape: Shape): StreamStep[] {
  const events = answerEvents(x, s, shape);
  const resumeAt =
    s.ids && x.lastEventId !== null ? events.findIndex(({ event }) => event.id === x.lastEventId) + 1 : 0;
  const steps: StreamStep[] = [];
  if (resumeAt === 0) {
    for (let i = 0; i < s.keepAliveCount; i += 1)
      steps.push({ kind: 'write', text: KEEP_ALIVE, delayMs: s.keepAliveIntervalMs });
  }
  const write = ({ event, delayMs }: PlannedEvent): StreamStep => ({
    kind: 'write',
    text: encodeSseEvent(event),
    delayMs,
  });
  const rest = events.slice(resumeAt);
  if (!shape.interrupt) return [...steps, ...rest.map(write)];

  const textEvents = events.filter((e) => e.text).length;
  const keep = Math.max(1, Math.min(s.interruptAfterChunks, textEvents - 1));
  let at = 0;
  for (let seen = 0; at < rest.length && seen < keep; at += 1) if (rest[at]?.text) seen += 1;
  steps.push(...rest.slice(0, at).map(write));
  const delayMs = jitter(s.chunkDelayMs, at);
  switch (shape.interrupt) {
    case 'cut':
    case 'end':
    case 'stall':
      steps.push({ kind: shape.interrupt });
      break;
    case 'malformed':
      // A chunk cut short by a broken proxy; the server carries on, and the client must not.
      steps.push({
        kind: 'write',
        text: `data: {"id":"${s.completionId}","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"and th\n\n`,
        delayMs,
      });
      steps.push(...rest.slice(at).map(write));
      break;
    case 'error':
      steps.push({
        kind: 'write',
        text: encodeSseEvent({
          data: {
            error: {
              message: 'The model stopped unexpectedly. Please try again.',
              type: 'server_error',
              code: 'server_error',
            },
          },
        }),
        delayMs,
      });
      steps.push({ kind: 'end' });
      break;
  }
  return steps;
}

/** A successful answer: streamed, or as one JSON completion for a `stream: false` request. */
function answer(x: Exchange, s: Settings, shape: Shape = {}): Response {
  if (x.streaming) return eventStreamResponse(answerSteps(x, s, shape), x.signal);
  const reasoning = shape.reasoning ?? '';
  const toolCalls = shape.toolCalls?.map(({ id, name, arguments: args }) => ({
    id,
    type: 'function',
    function: { name, arguments: args },
  }));
  const message = {
    role: 'assistant',
    content: s.answer === '' && toolCalls ? null : s.answer,
    ...(reasoning && { reasoning_content: reasoning }),
    ...(toolCalls && { tool_calls: toolCalls }),
    ...(shape.sources && {
      annotations: shape.sources.map(({ url, title }) => ({ type: 'url_citation', url_citation: { url, title } })),
    }),
  };
  return jsonResponse({
    id: s.completionId,
    object: 'chat.completion',
    created: s.created,
    model: x.model,
    choices: [{ index: 0, message, finish_reason: toolCalls ? 'tool_calls' : 'stop' }],
    usage: usageOf(x, tokenize(reasoning).length, tokenize(s.answer).length),
  });
}

const errorBody = (message: string, type: string, code: string) => ({ error: { message, type, code } });

const unauthorized = (): Response =>
  jsonResponse(errorBody('Invalid or expired access token.', 'authentication_error', 'invalid_api_key'), {
    status: 401,
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
  });

/** The first request of each interrupting scenario is interrupted; later ones (a resume, the user's retry) are not. */
const firstOnly = (x: Exchange, interrupt: Interruption): Interruption | undefined =>
  x.attempt === 1 ? interrupt : undefined;

/** A model that calls tools: its calls first, then, once the request carries their results, its answer. */
const usesTools =
  (name: ToolScenarioName) =>
  (x: Exchange, s: Settings): Response => {
    const step = chatScenarioContent.toolSteps[name];
    if (x.toolResults.length === 0) return answer(x, { ...s, answer: step.preamble }, { toolCalls: step.calls });
    const denied = x.toolResults.some((result) => {
      try {
        const parsed: unknown = JSON.parse(result);
        return isObject(parsed) && parsed.approved === false;
      } catch {
        return false;
      }
    });
    return answer(x, denied ? { ...s, answer: chatScenarioContent.toolDeniedAnswer } : s);
  };

const SCENARIOS: Record<ChatScenarioName, (x: Exchange, s: Settings) => Response> = {
  streaming: (x, s) => answer(x, s),
  'slow-first-token': (x, s) => answer(x, s),
  reasoning: (x, s) => answer(x, s, { reasoning: s.reasoning }),
  markdown: (x, s) => answer(x, s),
  long: (x, s) => answer(x, s),
  insights: (x, s) => answer(x, s, { sideEvents: true }),
  'keep-alive': (x, s) => answer(x, s),
  'auth-refresh': (x, s) => (x.authorization === `Bearer ${s.validToken}` ? answer(x, s) : unauthorized()),
  'auth-expired': () => unauthorized(),
  'rate-limit': (x, s) =>
    x.attempt <= s.failures
      ? jsonResponse(
          errorBody(
            'Rate limit reached: too many requests. Please slow down.',
            'rate_limit_error',
            'rate_limit_exceeded',
          ),
          {
            status: 429,
            headers: { 'Retry-After': String(s.retryAfterSeconds) },
          },
        )
      : answer(x, s),
  'server-errors': (x, s) =>
    x.attempt <= s.failures
      ? jsonResponse(
          errorBody('The server is overloaded. Please try again later.', 'server_error', 'service_unavailable'),
          { status: 503 },
        )
      : answer(x, s),
  fallback: (x, s) =>
    x.streaming
      ? jsonResponse(errorBody('Streaming is temporarily unavailable.', 'server_error', 'internal_error'), {
          status: 500,
        })
      : answer(x, s),
  'cut-with-ids': (x, s) => answer(x, s, { interrupt: firstOnly(x, 'cut') }),
  'cut-without-ids': (x, s) => answer(x, s, { interrupt: firstOnly(x, 'end') }),
  'malformed-chunk': (x, s) => answer(x, s, { interrupt: firstOnly(x, 'malformed') }),
  'error-chunk': (x, s) => answer(x, s, { interrupt: firstOnly(x, 'error') }),
  stall: (x, s) => answer(x, s, { interrupt: firstOnly(x, 'stall') }),
  offline: (x, s) => (x.attempt <= s.failures ? Response.error() : answer(x, s)),
  'tool-call': usesTools('tool-call'),
  'parallel-tools': usesTools('parallel-tools'),
  'tool-error': usesTools('tool-error'),
  'tool-approval': usesTools('tool-approval'),
  sources: (x, s) => answer(x, s, { sources: chatScenarioContent.sources }),
};

/**
 * Creates the responder of one scenario: a plain `(request: Request) => Promise<Response>` with its own
 * request counter, usable behind MSW (`chatScenarioHandler`), a Service Worker or a Node HTTP server.
 * Any scenario answers a `stream: false` request with a JSON completion once it would answer at all.
 * @throws TypeError for an unknown scenario name.
 */
export function createScenarioResponder(name: ChatScenarioName, options: ScenarioOptions = {}): ScenarioResponder {
  if (!Object.hasOwn(SCENARIOS, name)) {
    throw new TypeError(
      `Unknown chat scenario "${String(name)}". Known: ${chatScenarios.map((s) => s.name).join(', ')}.`,
    );
  }
  const scenario = SCENARIOS[name];
  const settings = resolveSettings(name, options);
  let requests = 0;
  return async (request) => {
    requests += 1;
    const exchange = await readExchange(request, requests, settings);
    try {
      await pause(settings.latencyMs, request.signal);
    } catch {
      return Response.error();
    }
    return scenario(exchange, settings);
  };
}
