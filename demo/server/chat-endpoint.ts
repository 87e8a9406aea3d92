import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createScenarioResponder, type ScenarioResponder } from '../../src/msw/responders.js';
import { chatScenarios, type ChatScenarioName } from '../../src/msw/scenarios.js';
import { createChatRelay, memoryStore, redisStore, type RelayStore } from '../../src/server/index.js';
import { RELAY_ANSWER, RELAY_CHUNK_DELAY_MS, RELAY_SCENARIO } from './relay-scenario.js';

/*
 * The demo's chat endpoint: the scenario library behind a real HTTP server, or a proxy to an
 * OpenAI-compatible upstream that adds the API key on the server, so the key never reaches the browser.
 *
 * The upstream and the demo's `relay` scenario go through the chat relay (`src/server`), so their answers survive a
 * reload; the library's scenarios answer directly, since their cuts, stalls and errors show the client's own
 * recovery, which a relay in front would turn into its own (a cut upstream is `stream_interrupted` behind it).
 */

const CHAT_PATH = '/api/v2/chat/completions/';
const CONFIG_PATH = '/api/demo/config';
const SCENARIO_HEADER = 'x-demo-scenario';

const STATS_PATH = '/api/demo/relay-stats';
const UPSTREAM = 'upstream';

/** What the page learns from `GET /api/demo/config`: never the upstream's URL or key. */
export interface DemoConfig {
  upstream: boolean;
  model?: string;
  /** Where the relay keeps answers. */
  store?: 'memory' | 'redis';
}

/** `GET /api/demo/relay-stats`: how many requests the relay made to its upstream (the mock or the real one). */
export interface RelayStats {
  upstreamRequests: number;
}

export interface Upstream {
  url: string;
  model: string;
  apiKey: string;
}

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The endpoint's middleware, and `close` for its relay (stops its answers and closes its store). */
export type ChatEndpoint = Middleware & { close(): Promise<void> };

export interface ChatEndpointOptions {
  /** Where the relay keeps answers. @default relayStoreFromEnv() */
  store?: RelayStore;
}

const MAX_BODY_BYTES = 1_000_000;
const MAX_CONVERSATIONS = 200;
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'host',
]);

const isScenario = (name: string): name is ChatScenarioName => chatScenarios.some((s) => s.name === name);

/** The upstream, when `DEMO_UPSTREAM_URL`, `DEMO_UPSTREAM_MODEL` and `DEMO_UPSTREAM_API_KEY` are all set. */
function upstreamFromEnv(env: NodeJS.ProcessEnv = process.env): Upstream | null {
  const { DEMO_UPSTREAM_URL: url, DEMO_UPSTREAM_MODEL: model, DEMO_UPSTREAM_API_KEY: apiKey } = env;
  return url && model && apiKey ? { url, model, apiKey } : null;
}

/** `redisStore({ url })` when `REDIS_URL` is set, else `memoryStore()`. */
export function relayStoreFromEnv(env: NodeJS.ProcessEnv = process.env): {
  store: RelayStore;
  kind: 'memory' | 'redis';
} {
  const url = env.REDIS_URL;
  return url ? { store: redisStore({ url }), kind: 'redis' } : { store: memoryStore(), kind: 'memory' };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const errorBody = (message: string, type: string) => ({ error: { message, type } });

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Copies a WHATWG `Response` to the Node response as it streams; a body that errors (a cut) drops the connection. */
async function pipeResponse(response: Response, res: ServerResponse, signal: AbortSignal): Promise<void> {
  // Response.error() is how a responder says "network failure": the client must see a dropped connection.
  if (response.type === 'error') {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.flushHeaders();
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await once(res, 'drain', { signal });
    }
    res.end();
  } catch {
    res.destroy();
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

/** Forwards the body with the upstream's model and key; the client's own `Authorization` is dropped. */
async function forward(upstream: Upstream, request: Request): Promise<Response> {
  const { signal } = request;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(await request.text()) as Record<string, unknown>;
  } catch {
    return Response.json(errorBody('The request body is not JSON.', 'invalid_request_error'), { status: 400 });
  }
  const headers = new Headers({
    'Content-Type': 'application/json',
    Accept: request.headers.get('accept') ?? 'text/event-stream',
    Authorization: `Bearer ${upstream.apiKey}`,
  });
  const lastEventId = request.headers.get('last-event-id');
  if (lastEventId !== null) headers.set('Last-Event-ID', lastEventId);
  let response: Response;
  try {
    response = await fetch(upstream.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...json, model: upstream.model }),
      signal,
    });
  } catch (error) {
    if (signal.aborted) return Response.error();
    // The cause names the failure (ECONNREFUSED, ENOTFOUND…); the key is only in a header, never in it.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    console.error(`[demo] upstream request failed: ${cause}`);
    return Response.json(errorBody('The upstream did not answer.', 'upstream_error'), { status: 502 });
  }
  if (response.ok) return response;
  // An error body could echo the key back: it is short, so it is read whole and redacted.
  const text = (await response.text()).replaceAll(upstream.apiKey, '[redacted]');
  // Retry-After is kept: without it the client falls back to its own backoff instead of the upstream's wait.
  const replyHeaders = new Headers({ 'Content-Type': response.headers.get('content-type') ?? 'application/json' });
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter !== null) replyHeaders.set('Retry-After', retryAfter);
  return new Response(text, { status: response.status, headers: replyHeaders });
}

/**
 * The Connect-style middleware behind `npm run dev`: `GET /api/demo/config`, `GET /api/demo/relay-stats`, and
 * `POST /api/v2/chat/completions/` answered by the scenario named in `X-Demo-Scenario` (default `streaming`). The
 * `relay` scenario and the upstream (`upstream`) go through the chat relay, as do the requests that name a relayed
 * answer (`X-Chat-Stream`: a reload's replay) and every `DELETE` (Stop); the library's scenarios answer directly.
 */
export function chatEndpoint(
  upstream: Upstream | null = upstreamFromEnv(),
  options: ChatEndpointOptions = {},
): ChatEndpoint {
  // One responder per scenario and conversation: retries of one answer move its scenario forward (429, then
  // the answer), while a new question plays the scenario from the start.
  const responders = new Map<string, ScenarioResponder>();
  const responderFor = (name: ChatScenarioName | typeof RELAY_SCENARIO, body: string): ScenarioResponder => {
    const key = `${name}:${createHash('sha256').update(conversationOf(body)).digest('hex')}`;
    let responder = responders.get(key);
    if (!responder) {
      responder =
        name === RELAY_SCENARIO
          ? createScenarioResponder('streaming', { answer: RELAY_ANSWER, chunkDelayMs: RELAY_CHUNK_DELAY_MS })
          : createScenarioResponder(name);
      responders.set(key, responder);
      // Maps keep insertion order, so the first key is the oldest conversation.
      if (responders.size > MAX_CONVERSATIONS) responders.delete(responders.keys().next().value ?? '');
    }
    return responder;
  };

  /** Answers one chat request, web-standard: the scenario named in `X-Demo-Scenario`, or the upstream. */
  const answer = async (request: Request): Promise<Response> => {
    const scenario = request.headers.get(SCENARIO_HEADER) || 'streaming';
    if (scenario === UPSTREAM) {
      if (upstream) return forward(upstream, request);
      const message = 'No upstream: set DEMO_UPSTREAM_URL, DEMO_UPSTREAM_MODEL and DEMO_UPSTREAM_API_KEY.';
      return Response.json(errorBody(message, 'invalid_request_error'), { status: 400 });
    }
    if (scenario !== RELAY_SCENARIO && !isScenario(scenario))
      return Response.json(errorBody(`Unknown scenario "${scenario}".`, 'invalid_request_error'), { status: 400 });
    const body = await request.clone().text();
    return responderFor(scenario, body)(request);
  };

  const { store, kind } = options.store ? { store: options.store, kind: undefined } : relayStoreFromEnv();
  // The relay's upstream is `answer`, in process: it passes the caller's scenario on, and counts its requests.
  const stats: RelayStats = { upstreamRequests: 0 };
  const relay = createChatRelay({
    upstream: {
      url: `http://demo.invalid${CHAT_PATH}`,
      headers: (request) => ({ 'X-Demo-Scenario': request.headers.get(SCENARIO_HEADER) ?? '' }),
      fetch: (input, init) => {
        stats.upstreamRequests += 1;
        return answer(new Request(input, init));
      },
    },
    store,
  });
  // Not Hono's own Request and Response in place of Node's: they would be the whole dev server's.
  const relayListener = getRequestListener(relay.handle, { overrideGlobalObjects: false });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const body = await readBody(req);
    if (!body) return sendJson(res, 413, errorBody('The request body is too large.', 'invalid_request_error'));
    const headers = new Headers();
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      const [name, value] = [req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? ''];
      if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, value);
    }
    const request = new Request(new URL(req.url ?? CHAT_PATH, 'http://localhost'), {
      method: 'POST',
      headers,
      body: new Uint8Array(body),
      signal: controller.signal,
    });
    await pipeResponse(await answer(request), res, controller.signal);
  };

  const throughRelay = (req: IncomingMessage): boolean => {
    const scenario = req.headers[SCENARIO_HEADER];
    return (
      req.method === 'DELETE' ||
      req.headers['x-chat-stream'] !== undefined ||
      scenario === RELAY_SCENARIO ||
      scenario === UPSTREAM
    );
  };

  const middleware: Middleware = (req, res, next) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === CONFIG_PATH) {
      const config: DemoConfig = {
        ...(upstream ? { upstream: true, model: upstream.model } : { upstream: false }),
        ...(kind && { store: kind }),
      };
      return sendJson(res, 200, config);
    }
    if (req.method === 'GET' && path === STATS_PATH) return sendJson(res, 200, stats);
    if (path !== CHAT_PATH) return next();
    if (req.method !== 'POST' && req.method !== 'DELETE')
      return sendJson(res, 405, errorBody('Use POST, or DELETE to stop.', 'invalid_request_error'));
    const handled = throughRelay(req) ? relayListener(req, res) : handle(req, res);
    handled.catch((error: unknown) => {
      console.error('[demo] chat endpoint failed:', error);
      if (!res.headersSent) sendJson(res, 500, errorBody('The demo server failed.', 'server_error'));
      else res.destroy();
    });
  };
  return Object.assign(middleware, { close: () => relay.close() });
}

/** The messages of a request, as JSON text; the whole body when it is not a chat request. */
function conversationOf(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'messages' in parsed) return JSON.stringify(parsed.messages);
  } catch {
    // Not JSON: the scenario still answers, as a lenient server would.
  }
  return body;
}
