import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createScenarioResponder, type ScenarioResponder } from '../../src/msw/responders.js';
import { chatScenarios, type ChatScenarioName } from '../../src/msw/scenarios.js';

/*
 * The demo's chat endpoint: the scenario library behind a real HTTP server, or a proxy to an
 * OpenAI-compatible upstream that adds the API key on the server, so the key never reaches the browser.
 */

const CHAT_PATH = '/api/v2/chat/completions/';
const CONFIG_PATH = '/api/demo/config';
const SCENARIO_HEADER = 'x-demo-scenario';

/** What the page learns from `GET /api/demo/config`: never the upstream's URL or key. */
export interface DemoConfig {
  upstream: boolean;
  model?: string;
}

export interface Upstream {
  url: string;
  model: string;
  apiKey: string;
}

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

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
async function forward(upstream: Upstream, req: IncomingMessage, body: Buffer, signal: AbortSignal): Promise<Response> {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return Response.json(errorBody('The request body is not JSON.', 'invalid_request_error'), { status: 400 });
  }
  const headers = new Headers({
    'Content-Type': 'application/json',
    Accept: req.headers.accept ?? 'text/event-stream',
    Authorization: `Bearer ${upstream.apiKey}`,
  });
  const lastEventId = req.headers['last-event-id'];
  if (typeof lastEventId === 'string') headers.set('Last-Event-ID', lastEventId);
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
 * The Connect-style middleware behind `npm run dev`: `GET /api/demo/config`, and `POST /api/v2/chat/completions/`
 * answered by the scenario named in `X-Demo-Scenario` (default `streaming`), or by the upstream for `upstream`.
 */
export function chatEndpoint(upstream: Upstream | null = upstreamFromEnv()): Middleware {
  // One responder per scenario and conversation: retries of one answer move its scenario forward (429, then
  // the answer), while a new question plays the scenario from the start.
  const responders = new Map<string, ScenarioResponder>();
  const responderFor = (name: ChatScenarioName, body: Buffer): ScenarioResponder => {
    const key = `${name}:${createHash('sha256').update(conversationOf(body)).digest('hex')}`;
    let responder = responders.get(key);
    if (!responder) {
      responder = createScenarioResponder(name);
      responders.set(key, responder);
      // Maps keep insertion order, so the first key is the oldest conversation.
      if (responders.size > MAX_CONVERSATIONS) responders.delete(responders.keys().next().value ?? '');
    }
    return responder;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const body = await readBody(req);
    if (!body) return sendJson(res, 413, errorBody('The request body is too large.', 'invalid_request_error'));
    const header = req.headers[SCENARIO_HEADER];
    const scenario = typeof header === 'string' && header !== '' ? header : 'streaming';

    let response: Response;
    if (scenario === 'upstream') {
      if (!upstream) {
        const message = 'No upstream: set DEMO_UPSTREAM_URL, DEMO_UPSTREAM_MODEL and DEMO_UPSTREAM_API_KEY.';
        return sendJson(res, 400, errorBody(message, 'invalid_request_error'));
      }
      response = await forward(upstream, req, body, controller.signal);
    } else if (isScenario(scenario)) {
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
      response = await responderFor(scenario, body)(request);
    } else {
      return sendJson(res, 400, errorBody(`Unknown scenario "${scenario}".`, 'invalid_request_error'));
    }
    await pipeResponse(response, res, controller.signal);
  };

  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === CONFIG_PATH) {
      const config: DemoConfig = upstream ? { upstream: true, model: upstream.model } : { upstream: false };
      return sendJson(res, 200, config);
    }
    if (path !== CHAT_PATH) return next();
    if (req.method !== 'POST') return sendJson(res, 405, errorBody('Use POST.', 'invalid_request_error'));
    handle(req, res).catch((error: unknown) => {
      console.error('[demo] chat endpoint failed:', error);
      if (!res.headersSent) sendJson(res, 500, errorBody('The demo server failed.', 'server_error'));
      else res.destroy();
    });
  };
}

/** The messages of a request, as JSON text; the whole body when it is not a chat request. */
function conversationOf(body: Buffer): string {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'messages' in parsed) return JSON.stringify(parsed.messages);
  } catch {
    // Not JSON: the scenario still answers, as a lenient server would.
  }
  return body.toString('utf8');
}
