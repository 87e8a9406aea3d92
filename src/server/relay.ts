import { isStreamId, newStreamId, parseEventId } from './event-ids.js';
import { memoryStore } from './memory-store.js';
import { produceAnswer } from './answer-producer.js';
import { defaultAuthorize } from './owner.js';
import type { RelayStore } from './relay-store.js';
import { errorReply, passThrough } from './replies.js';
import { sseReply, type ReadStart } from './sse-reply.js';

/** The OpenAI-compatible server the relay asks. */
export interface RelayUpstream {
  /** Its chat completions URL. */
  url: string;
  /**
   * Headers sent with every request, e.g. its API key, or a function of the caller's request that gives them (to
   * pass one of its headers on). The caller's own headers are never forwarded otherwise.
   */
  headers?: Record<string, string> | ((request: Request) => Record<string, string>);
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}

/** Options of {@link createChatRelay}. */
export interface ChatRelayOptions {
  /** The OpenAI-compatible server asked for every new answer. */
  upstream: RelayUpstream;
  /** Where answers are kept. @default memoryStore() */
  store?: RelayStore;
  /**
   * Who is asking: an owner id, or `null` to answer 401. Only an answer's owner can resume or stop it. Give a stable
   * user id when tokens rotate (short-lived JWTs, `refreshToken`): with the default, a new token is a new owner, and
   * a resume, a reload's replay or a stop under it answers 404.
   * @default the SHA-256 of the request's `Authorization` header
   */
  authorize?: (request: Request) => string | null | Promise<string | null>;
  /** How often a producing instance proves it lives; readers learn of its death within twice this. @default 5000 */
  leaseMs?: number;
  /** How long a finished answer can still be resumed. @default 600000 (10 minutes) */
  ttlMs?: number;
  /** A comment is sent to readers this often while nothing else is, so idle timeouts do not fire. @default 15000 */
  keepAliveMs?: number;
  /**
   * An upstream that sends no byte for this long is given up: the answer ends `interrupted` (the keep-alives would
   * otherwise hide a stalled model from the client's own idle timeout). @default 60000
   */
  upstreamIdleMs?: number;
}

/** A relay: one web-standard handler for POST (start or resume) and DELETE (stop). */
export interface ChatRelay {
  /** `(request: Request) => Promise<Response>`: a Next.js route handler as is (`export const POST = relay.handle`). */
  handle: (request: Request) => Promise<Response>;
  /** Stops this instance's answers and closes the store. */
  close(): Promise<void>;
}

const notFound = () => errorReply('stream_not_found', 'This answer is no longer available.');
const unavailable = () =>
  errorReply('store_unavailable', 'The chat relay cannot keep answers right now.', { 'Retry-After': '1' });

/** A body the upstream can answer: an object with a `messages` array. */
function isChatRequest(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && Array.isArray((body as { messages?: unknown }).messages);
}

/** The answer and position a resume or stop names: `Last-Event-ID`, else `X-Chat-Stream` (from the start). */
function namedStream(request: Request): { streamId: string; start: ReadStart | null } | null {
  const lastEventId = request.headers.get('last-event-id');
  const header = request.headers.get('x-chat-stream');
  if (lastEventId) {
    const position = parseEventId(lastEventId);
    if (!position || (header !== null && header !== position.streamId)) return null;
    return { streamId: position.streamId, start: { entryId: position.entryId, index: position.index } };
  }
  return header !== null && isStreamId(header) ? { streamId: header, start: null } : null;
}

/**
 * Creates a relay between browsers and an OpenAI-compatible upstream that keeps every answer in a shared log, so a
 * dropped connection, a reload or a lost instance resumes it exactly (DESIGN.md, "Server relay").
 */
export function createChatRelay(options: ChatRelayOptions): ChatRelay {
  const { upstream } = options;
  const store = options.store ?? memoryStore();
  const authorize = options.authorize ?? defaultAuthorize;
  const limits = { leaseMs: options.leaseMs ?? 5000, ttlMs: options.ttlMs ?? 600_000 };
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  // This instance's answers: closing the relay stops them.
  const closing = new AbortController();
  const producing = new Set<Promise<void>>();

  const read = (streamId: string, start: ReadStart | null, request: Request): Response => {
    const stop = new AbortController();
    if (request.signal.aborted) stop.abort();
    else request.signal.addEventListener('abort', () => stop.abort(), { once: true });
    const entries = store.read(streamId, {
      from: start?.entryId ?? null,
      leaseMs: limits.leaseMs,
      signal: stop.signal,
    });
    return sseReply({ streamId, entries, stop, start, keepAliveMs });
  };

  const begin = async (request: Request, owner: string): Promise<Response> => {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return errorReply('invalid_request', 'The request body is not JSON.');
    }
    if (!isChatRequest(body)) return errorReply('invalid_request', 'The request body has no "messages" array.');

    const streamId = newStreamId();
    let writer;
    try {
      writer = await store.open(streamId, owner, limits);
    } catch {
      return unavailable();
    }
    const stop = AbortSignal.any([writer.stopped, closing.signal]);
    let response: Response;
    // Until the upstream answers, the caller holds no stream id to resume or stop with: if it goes away then, so
    // does the request. Once the answer streams, it goes on without the caller.
    const left = new AbortController();
    const onLeave = () => left.abort();
    request.signal.addEventListener('abort', onLeave, { once: true });
    try {
      response = await (upstream.fetch ?? globalThis.fetch)(upstream.url, {
        method: 'POST',
        headers: {
          ...(typeof upstream.headers === 'function' ? upstream.headers(request) : upstream.headers),
          'Content-Type': 'application/json',
          Accept: 'text/event-stream',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.any([stop, left.signal]),
      });
    } catch {
      await writer.discard().catch(() => undefined);
      return errorReply('upstream_unreachable', 'The model provider could not be reached.');
    } finally {
      request.signal.removeEventListener('abort', onLeave);
    }
    if (left.signal.aborted) {
      void response.body?.cancel().catch(() => undefined);
      await writer.discard().catch(() => undefined);
      return new Response(null, { status: 499 });
    }
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !response.body || !/^text\/event-stream/i.test(type)) {
      await writer.discard().catch(() => undefined);
      return passThrough(response);
    }
    const production = produceAnswer(response.body, writer, stop, options.upstreamIdleMs ?? 60_000);
    producing.add(production);
    void production.finally(() => producing.delete(production));
    return read(streamId, null, request);
  };

  const handle = async (request: Request): Promise<Response> => {
    if (request.method !== 'POST' && request.method !== 'DELETE') {
      return errorReply('method_not_allowed', 'Use POST to ask or resume, DELETE to stop.', { Allow: 'POST, DELETE' });
    }
    const owner = await authorize(request);
    if (owner === null) return errorReply('unauthorized', 'Sign in to use the chat.');
    const resuming = request.headers.has('last-event-id') || request.headers.has('x-chat-stream');
    if (request.method === 'POST' && !resuming) return begin(request, owner);
    const named = namedStream(request);
    if (!named) return notFound();
    let known: string | null;
    try {
      known = await store.ownerOf(named.streamId, named.start?.entryId);
    } catch {
      return unavailable();
    }
    // Unknown, expired and foreign answers look the same: a resume reveals nothing of another owner's answers.
    if (known !== owner) return notFound();
    if (request.method === 'POST') return read(named.streamId, named.start, request);
    try {
      await store.stop(named.streamId);
    } catch {
      return unavailable();
    }
    return new Response(null, { status: 204 });
  };

  return {
    handle,
    async close() {
      closing.abort();
      await Promise.all(producing);
      await store.close();
    },
  };
}
