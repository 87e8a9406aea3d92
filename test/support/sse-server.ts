/**
 * A real HTTP server for transport tests: each request is answered by a scripted handler that can
 * write SSE bytes with chosen chunk boundaries, pause, stall, cut the socket or reply with any status.
 * Every request is recorded, and the server sees when the client closes its connection.
 */
import { createServer, type IncomingHttpHeaders, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { ChatError } from '../../src/core/errors.js';
import type { ChatStreamEvent } from '../../src/core/types.js';

/** One request as the server received it. */
export interface RecordedRequest {
  /** 0-based position among the requests this server received. */
  index: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The body parsed as JSON; `undefined` when it is not JSON. */
  body: unknown;
  /** `performance.now()` when the request (head and body) had arrived. */
  receivedAt: number;
  /** Resolves when this request's response is over: finished by the server or its connection closed. */
  closed: Promise<void>;
  /** True once the connection closed before the server finished its response (the client hung up). */
  closedByClient: boolean;
}

/** What a handler can do with one request. */
export interface Exchange {
  readonly request: RecordedRequest;
  readonly index: number;
  /** The `Last-Event-ID` request header, when the client sent one. */
  readonly lastEventId: string | undefined;
  readonly res: ServerResponse;
  /** Whether the response is over (finished, or the client went away). */
  isClosed(): boolean;
  /** Writes the status line and headers now. */
  head(status: number, headers?: OutgoingHttpHeaders): void;
  /** `200 text/event-stream`, flushed at once. */
  sseHead(headers?: OutgoingHttpHeaders): void;
  /** Writes bytes as one chunk and waits until they are handed to the socket. */
  write(data: string | Uint8Array): Promise<void>;
  /**
   * Writes `data` cut at the given byte offsets (or at every byte), pausing `gapMs` between pieces so
   * the pieces reach the client as separate reads.
   */
  writeSplit(data: string | Uint8Array, cuts: number[] | 'every-byte', gapMs?: number): Promise<void>;
  /** A comment line (keep-alive). */
  comment(text?: string, eol?: Eol): Promise<void>;
  pause(ms: number): Promise<void>;
  /** Ends the response (optionally with a last chunk). */
  end(data?: string | Uint8Array): Promise<void>;
  /** A complete reply with a JSON body. */
  json(status: number, body: unknown, headers?: OutgoingHttpHeaders): Promise<void>;
  /** A complete reply with a text body of the given content type. */
  text(status: number, body: string, contentType: string, headers?: OutgoingHttpHeaders): Promise<void>;
  /** Cuts the TCP connection at once (no chunk terminator, no response end). */
  destroy(): void;
  /** Sends nothing more but keeps the connection open until the client closes it. */
  stall(): Promise<void>;
}

export type Handler = (exchange: Exchange) => void | Promise<void>;

export interface SseServer {
  /** The endpoint URL to POST to. */
  url: string;
  requests: RecordedRequest[];
  /** Errors thrown by handlers (a test should expect none). */
  handlerErrors: unknown[];
  /** Answers the next requests with these handlers, one each, in order. */
  reply(...handlers: Handler[]): void;
  /** Answers every request the queue does not cover. */
  otherwise(handler: Handler): void;
  /** How many TCP connections that carried a request are open right now. */
  openConnections(): number;
  /** Closes every socket and the server. */
  close(): Promise<void>;
}

export const ENDPOINT_PATH = '/api/v2/chat/completions/';

const toBytes = (data: string | Uint8Array): Buffer =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);

export async function startSseServer(): Promise<SseServer> {
  const sockets = new Set<Socket>();
  /** Sockets that carried a request (undici may also open spare idle ones, which carry nothing). */
  const busy = new Set<Socket>();
  const requests: RecordedRequest[] = [];
  const handlerErrors: unknown[] = [];
  const queue: Handler[] = [];
  let fallback: Handler = (x) => x.text(418, `unscripted request #${x.index}`, 'text/plain');

  const server = createServer((req, res) => {
    busy.add(req.socket);
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const rawBody = Buffer.concat(parts).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      let markClosed = () => {};
      const record: RecordedRequest = {
        index: requests.length,
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawBody,
        body,
        receivedAt: performance.now(),
        closed: new Promise<void>((resolve) => (markClosed = resolve)),
        closedByClient: false,
      };
      let over = false;
      res.on('close', () => {
        over = true;
        if (!res.writableFinished) record.closedByClient = true;
        markClosed();
      });
      requests.push(record);
      const exchange = createExchange(record, res, () => over);
      const handler = queue.shift() ?? fallback;
      Promise.resolve()
        .then(() => handler(exchange))
        .catch((error: unknown) => {
          handlerErrors.push(error);
          res.destroy();
        });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      busy.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${ENDPOINT_PATH}`,
    requests,
    handlerErrors,
    reply: (...handlers) => void queue.push(...handlers),
    otherwise: (handler) => void (fallback = handler),
    openConnections: () => busy.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function createExchange(request: RecordedRequest, res: ServerResponse, isOver: () => boolean): Exchange {
  const header = request.headers['last-event-id'];
  const write = (data: string | Uint8Array) =>
    new Promise<void>((resolve) => {
      if (isOver() || res.destroyed) return resolve();
      // Resolves even when the client went away: a handler keeps its script and checks isClosed().
      res.write(toBytes(data), () => resolve());
    });
  const exchange: Exchange = {
    request,
    index: request.index,
    lastEventId: Array.isArray(header) ? header[0] : header,
    res,
    isClosed: () => isOver() || res.destroyed,
    head(status, headers = {}) {
      res.writeHead(status, headers);
      res.flushHeaders();
    },
    sseHead(headers = {}) {
      exchange.head(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache',
        ...headers,
      });
    },
    write,
    async writeSplit(data, cuts, gapMs = 2) {
      const bytes = toBytes(data);
      const points =
        cuts === 'every-byte'
          ? Array.from({ length: bytes.length - 1 }, (_, i) => i + 1)
          : [...new Set(cuts)].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b);
      let from = 0;
      for (const point of [...points, bytes.length]) {
        await write(bytes.subarray(from, point));
        from = point;
        if (point < bytes.length && gapMs > 0) await delay(gapMs);
      }
    },
    comment: (text = 'keep-alive', eol = '\n') => write(`: ${text}${eol}`),
    pause: (ms) => delay(ms),
    end: (data) =>
      new Promise<void>((resolve) => {
        if (isOver() || res.destroyed) return resolve();
        if (data === undefined) res.end(() => resolve());
        else res.end(toBytes(data), () => resolve());
      }),
    async json(status, body, headers = {}) {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      await exchange.end(JSON.stringify(body));
    },
    async text(status, body, contentType, headers = {}) {
      res.writeHead(status, { 'Content-Type': contentType, ...headers });
      await exchange.end(body);
    },
    destroy() {
      res.socket?.destroy();
    },
    stall: () => request.closed,
  };
  return exchange;
}

/** A port on which nothing listens (connection refused). */
export async function refusedUrl(): Promise<string> {
  const probe = await startSseServer();
  await probe.close();
  return probe.url;
}

// ---------------------------------------------------------------------------------------------
// SSE and chunk builders

export type Eol = '\n' | '\r\n' | '\r';

export interface SseFields {
  data?: unknown;
  event?: string;
  id?: string;
  retry?: number;
}

/** One SSE event with the given line ending; a string `data` is sent as is (multi-line → several `data:` lines). */
export function sse({ data, event, id, retry }: SseFields, eol: Eol = '\n'): string {
  let out = '';
  if (event !== undefined) out += `event: ${event}${eol}`;
  if (id !== undefined) out += `id: ${id}${eol}`;
  if (retry !== undefined) out += `retry: ${retry}${eol}`;
  if (data !== undefined) {
    const payload = typeof data === 'string' ? data : JSON.stringify(data);
    for (const line of payload.split('\n')) out += `data: ${line}${eol}`;
  }
  return `${out}${eol}`;
}

/**
 * What a server resuming from `Last-Event-ID` sends: the events after the one with that id,
 * or all of them when the client sent none (or an id the server does not know).
 */
export function eventsAfter<T extends { id?: string }>(events: T[], lastEventId: string | undefined): T[] {
  const at = lastEventId === undefined ? -1 : events.findIndex((e) => e.id === lastEventId);
  return events.slice(at + 1);
}

export const DONE = (eol: Eol = '\n'): string => sse({ data: '[DONE]' }, eol);

interface ChunkParts {
  content?: string;
  reasoning_content?: string;
  reasoning?: string;
  role?: string;
  finish_reason?: string | null;
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens?: number };
  groqUsage?: { prompt_tokens: number; completion_tokens: number; total_tokens?: number };
  emptyChoices?: boolean;
}

/** An OpenAI-style `chat.completion.chunk` object. */
export function chunk(parts: ChunkParts): Record<string, unknown> {
  const delta: Record<string, unknown> = {};
  if (parts.role !== undefined) delta.role = parts.role;
  if (parts.content !== undefined) delta.content = parts.content;
  if (parts.reasoning_content !== undefined) delta.reasoning_content = parts.reasoning_content;
  if (parts.reasoning !== undefined) delta.reasoning = parts.reasoning;
  const body: Record<string, unknown> = {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    model: 'deepseek-chat',
    choices: parts.emptyChoices ? [] : [{ index: 0, delta, finish_reason: parts.finish_reason ?? null }],
  };
  if (parts.usage) body.usage = parts.usage;
  if (parts.groqUsage) body.x_groq = { id: 'req_1', usage: parts.groqUsage };
  return body;
}

export const textChunk = (content: string, eol: Eol = '\n'): string => sse({ data: chunk({ content }) }, eol);

/** A whole well-formed answer: the given text pieces, then `finish_reason: "stop"` and `[DONE]`. */
export function answer(pieces: string[], eol: Eol = '\n'): string {
  return (
    sse({ data: chunk({ role: 'assistant', content: '' }) }, eol) +
    pieces.map((piece) => textChunk(piece, eol)).join('') +
    sse({ data: chunk({ finish_reason: 'stop' }) }, eol) +
    DONE(eol)
  );
}

/** A handler that streams `pieces` as one well-formed answer, one write per piece. */
export const streamAnswer =
  (pieces: string[]): Handler =>
  async (x) => {
    x.sseHead();
    await x.write(sse({ data: chunk({ role: 'assistant', content: '' }) }));
    for (const piece of pieces) await x.write(textChunk(piece));
    await x.write(sse({ data: chunk({ finish_reason: 'stop' }) }));
    await x.end(DONE());
  };

/** A non-streaming `chat.completion` JSON reply. */
export function completion(content: string, finishReason = 'stop'): Record<string, unknown> {
  return {
    id: 'chatcmpl-2',
    object: 'chat.completion',
    model: 'deepseek-chat',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
    usage: { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 },
  };
}

// ---------------------------------------------------------------------------------------------
// Consuming the generator

export interface Outcome {
  events: ChatStreamEvent[];
  /** What the generator threw, if anything. */
  error: unknown;
}

/** Runs the generator to its end and keeps what it yielded and what it threw. */
export async function drain(stream: AsyncGenerator<ChatStreamEvent, void, undefined>): Promise<Outcome> {
  const events: ChatStreamEvent[] = [];
  try {
    for await (const event of stream) events.push(event);
    return { events, error: undefined };
  } catch (error) {
    return { events, error };
  }
}

export const textOf = (events: ChatStreamEvent[]): string =>
  events.map((e) => (e.type === 'delta' ? e.content : '')).join('');

export const reasoningOf = (events: ChatStreamEvent[]): string =>
  events.map((e) => (e.type === 'reasoning' ? e.content : '')).join('');

export const typesOf = (events: ChatStreamEvent[]): string[] => events.map((e) => e.type);

export const retriesOf = (events: ChatStreamEvent[]): Extract<ChatStreamEvent, { type: 'retry' }>[] =>
  events.filter((e): e is Extract<ChatStreamEvent, { type: 'retry' }> => e.type === 'retry');

/** The thrown value, which must be a {@link ChatError}. */
export function asChatError(error: unknown): ChatError {
  if (!(error instanceof ChatError)) throw new Error(`expected a ChatError, got ${String(error)}`);
  return error;
}

export const REQUEST = {
  messages: [{ role: 'user' as const, content: 'Hello' }],
  model: 'deepseek-chat',
  temperature: 0.7,
  max_tokens: 4096,
};

/** Fast retries for tests. */
export const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5 };
