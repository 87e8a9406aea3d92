/** streamChatCompletion over a real HTTP server: request shape, auth, abort, cancellation, debug logging. */
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { streamChatCompletion, type StreamOptions } from '../../src/core/stream.js';
import type { ChatStreamEvent } from '../../src/core/types.js';
import {
  answer,
  asChatError,
  completion,
  drain,
  type Exchange,
  FAST_RETRY,
  type Handler,
  REQUEST,
  retriesOf,
  sse,
  type SseServer,
  startSseServer,
  streamAnswer,
  textChunk,
  textOf,
  typesOf,
} from '../support/sse-server.js';

let server: SseServer;
beforeEach(async () => {
  server = await startSseServer();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await server.close();
  expect(server.handlerErrors).toEqual([]);
});

const options = (extra: StreamOptions = {}): StreamOptions => ({
  endpoint: server.url,
  retry: FAST_RETRY,
  idleTimeoutMs: 10_000,
  ...extra,
});
const run = (extra: StreamOptions = {}) => drain(streamChatCompletion(REQUEST, options(extra)));
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the request', { timeout: 10_000 }, () => {
  it('is a POST of the JSON body with stream: true, the SSE headers, custom headers and a Bearer token', async () => {
    server.reply(streamAnswer(['ok']));
    const request = { ...REQUEST, top_p: 0.9 };
    const { error } = await drain(
      streamChatCompletion(request, options({ getToken: () => 'tok-sync', headers: { 'X-Tenant': 'acme' } })),
    );
    expect(error).toBeUndefined();
    const [sent] = server.requests;
    expect(sent!.method).toBe('POST');
    expect(sent!.url).toBe('/api/v2/chat/completions/');
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(sent!.headers.accept).toBe('text/event-stream');
    expect(sent!.headers.authorization).toBe('Bearer tok-sync');
    expect(sent!.headers['x-tenant']).toBe('acme');
    expect(sent!.body).toEqual({
      messages: [{ role: 'user', content: 'Hello' }],
      model: 'deepseek-chat',
      stream: true,
      temperature: 0.7,
      max_tokens: 4096,
      top_p: 0.9,
    });
  });

  it('takes the token from an async getToken', async () => {
    server.reply(streamAnswer(['ok']));
    await run({ getToken: async () => 'tok-async' });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer tok-async');
  });

  it.each([
    ['returns undefined', () => undefined],
    ['returns null', () => null],
    ['returns an empty string', () => ''],
    ['resolves to null', async () => null],
  ])('sends no Authorization header at all when getToken %s', async (_name, getToken) => {
    server.reply(streamAnswer(['ok']));
    const { error } = await run({ getToken });
    expect(error).toBeUndefined();
    expect(server.requests[0]!.headers).not.toHaveProperty('authorization');
  });

  it('sends no Authorization header without getToken', async () => {
    server.reply(streamAnswer(['ok']));
    await run();
    expect(server.requests[0]!.headers).not.toHaveProperty('authorization');
  });
});

describe('auth (401/403)', { timeout: 10_000 }, () => {
  const denied =
    (code: number): Handler =>
    (x) =>
      x.json(code, { error: { message: 'invalid token' } });

  it.each([401, 403])(
    '%i with refreshToken: refreshed once, re-sent once with the new token, no retry event',
    async (code) => {
      server.reply(denied(code), streamAnswer(['Welcome back']));
      const refreshToken = vi.fn(async () => 'tok-new');
      const { events, error } = await run({ getToken: () => 'tok-old', refreshToken });
      expect(error).toBeUndefined();
      expect(refreshToken).toHaveBeenCalledTimes(1);
      expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer tok-old', 'Bearer tok-new']);
      expect(server.requests[1]!.rawBody).toBe(server.requests[0]!.rawBody);
      expect(retriesOf(events)).toEqual([]);
      expect(textOf(events)).toBe('Welcome back');
    },
  );

  it.each([401, 403])('%i twice → auth error after one refresh and two requests', async (code) => {
    server.otherwise(denied(code));
    const refreshToken = vi.fn(() => 'tok-new');
    const { events, error } = await run({ getToken: () => 'tok-old', refreshToken });
    expect(asChatError(error)).toMatchObject({ kind: 'auth', status: code, retryable: false });
    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(server.requests).toHaveLength(2);
    expect(events).toEqual([]);
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('refresh token expired'))],
    [
      'throws',
      () => {
        throw new Error('refresh token expired');
      },
    ],
  ])('a refreshToken that %s → the auth ChatError, no re-send', async (_name, refreshToken) => {
    server.otherwise(denied(401));
    const { events, error } = await run({ getToken: () => 'tok-old', refreshToken });
    expect(asChatError(error)).toMatchObject({ kind: 'auth', status: 401 });
    expect(server.requests).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it.each([401, 403])('%i without refreshToken → auth error, one request', async (code) => {
    server.otherwise(denied(code));
    const { events, error } = await run({ getToken: () => 'tok-old' });
    expect(asChatError(error)).toMatchObject({ kind: 'auth', status: code });
    expect(server.requests).toHaveLength(1);
    expect(events).toEqual([]);
  });
});

describe('abort', { timeout: 10_000 }, () => {
  it('a signal aborted before the call sends no request', async () => {
    const controller = new AbortController();
    controller.abort();
    const { events, error } = await run({ signal: controller.signal });
    expect(asChatError(error).kind).toBe('aborted');
    expect(events).toEqual([]);
    await settle();
    expect(server.requests).toHaveLength(0);
  });

  it('abort while a token is being fetched → aborted, no request', async () => {
    const controller = new AbortController();
    const stream = streamChatCompletion(
      REQUEST,
      options({ signal: controller.signal, getToken: () => new Promise<string>(() => {}) }),
    );
    const next = stream.next();
    controller.abort();
    await expect(next).rejects.toMatchObject({ kind: 'aborted' });
    await settle();
    expect(server.requests).toHaveLength(0);
  });

  it('abort mid-stream → aborted at once, the server sees the connection closed', async () => {
    server.otherwise(async (x) => {
      x.sseHead();
      await x.write(textChunk('Some'));
      await x.stall();
    });
    const controller = new AbortController();
    const stream = streamChatCompletion(REQUEST, options({ signal: controller.signal }));
    expect((await stream.next()).value).toEqual({ type: 'delta', content: 'Some' });
    const next = stream.next();
    controller.abort();
    await expect(next).rejects.toMatchObject({ kind: 'aborted' });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    await server.requests[0]!.closed;
    expect(server.requests[0]!.closedByClient).toBe(true);
  });

  it('abort while headers are awaited → aborted', async () => {
    server.otherwise((x) => x.stall());
    const controller = new AbortController();
    const stream = streamChatCompletion(REQUEST, options({ signal: controller.signal }));
    const next = stream.next();
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    await expect(next).rejects.toMatchObject({ kind: 'aborted' });
    await server.requests[0]!.closed;
  });

  it('no event follows an abort, even events already received', async () => {
    server.otherwise(async (x) => {
      x.sseHead();
      await x.write(
        textChunk('one') +
          sse({ event: 'insight', data: { id: 'i', kind: 'tip', title: 'T', description: 'D' } }) +
          textChunk('two'),
      );
      await x.stall();
    });
    const controller = new AbortController();
    const events: ChatStreamEvent[] = [];
    let error: unknown;
    try {
      for await (const event of streamChatCompletion(REQUEST, options({ signal: controller.signal }))) {
        events.push(event);
        controller.abort();
      }
    } catch (caught) {
      error = caught;
    }
    expect(asChatError(error).kind).toBe('aborted');
    expect(events).toEqual([{ type: 'delta', content: 'one' }]);
  });

  it('abort on any event of a refresh → retry → fallback run: nothing more is yielded or requested', async () => {
    const script: Handler[] = [
      (x) => x.json(401, {}),
      (x) => x.json(500, {}),
      (x) => x.json(500, {}),
      (x) => x.json(200, completion('Late answer')),
    ];
    const run = async (abortAt: number) => {
      // A fresh server per run, so handlers a stopped run left unused cannot answer the next one.
      await server.close();
      server = await startSseServer();
      server.reply(...script);
      const controller = new AbortController();
      const events: ChatStreamEvent[] = [];
      let error: unknown;
      let requestsAtAbort = -1;
      const stream = streamChatCompletion(
        REQUEST,
        options({
          signal: controller.signal,
          getToken: () => 'old',
          refreshToken: () => 'new',
          retry: { ...FAST_RETRY, maxRetries: 1 },
        }),
      );
      try {
        for await (const event of stream) {
          events.push(event);
          if (events.length === abortAt + 1) {
            requestsAtAbort = server.requests.length;
            controller.abort();
          }
        }
      } catch (caught) {
        error = caught;
      }
      await settle();
      return { events, error, requestsAtAbort, requests: server.requests.length };
    };
    const full = await run(99);
    expect(typesOf(full.events)).toEqual(['retry', 'fallback', 'delta', 'usage', 'finish']);
    expect(full.requests).toBe(4);
    for (let k = 0; k < full.events.length - 1; k += 1) {
      const cut = await run(k);
      expect(typesOf(cut.events), `abort at event ${k}`).toEqual(typesOf(full.events).slice(0, k + 1));
      expect(asChatError(cut.error).kind).toBe('aborted');
      expect(cut.requests, `abort at event ${k}`).toBe(cut.requestsAtAbort);
    }
  });

  it('abort during a backoff wait → aborted at once, no new request', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.99);
    server.otherwise((x) => x.json(500, {}));
    const controller = new AbortController();
    const stream = streamChatCompletion(
      REQUEST,
      options({ signal: controller.signal, retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } }),
    );
    const first = await stream.next();
    expect(first.value).toMatchObject({ type: 'retry', attempt: 1 });
    expect((first.value as { delayMs: number }).delayMs).toBeGreaterThan(10_000);
    const next = stream.next();
    controller.abort();
    await expect(next).rejects.toMatchObject({ kind: 'aborted' });
    await settle();
    expect(server.requests).toHaveLength(1);
  });

  it('abort during a Retry-After wait → aborted at once, no new request', async () => {
    server.otherwise((x) => x.json(429, {}, { 'Retry-After': '120' }));
    const controller = new AbortController();
    const stream = streamChatCompletion(REQUEST, options({ signal: controller.signal }));
    const first = await stream.next();
    expect(first.value).toMatchObject({ type: 'retry', delayMs: 60_000 });
    const next = stream.next();
    controller.abort();
    await expect(next).rejects.toMatchObject({ kind: 'aborted' });
    await settle();
    expect(server.requests).toHaveLength(1);
  });
});

describe('connections', { timeout: 10_000 }, () => {
  it('a consumer that stops iterating (break) closes the connection', async () => {
    server.otherwise(async (x) => {
      x.sseHead();
      await x.write(textChunk('first'));
      await x.stall();
    });
    for await (const event of streamChatCompletion(REQUEST, options())) {
      expect(event).toEqual({ type: 'delta', content: 'first' });
      break;
    }
    await server.requests[0]!.closed;
    expect(server.requests[0]!.closedByClient).toBe(true);
    await vi.waitFor(() => expect(server.openConnections()).toBe(0));
  });

  const unended =
    (write: (x: Exchange) => Promise<void>): Handler =>
    async (x) => {
      await write(x);
      await x.stall();
    };
  it.each<[string, Handler]>([
    ['[DONE]', unended(async (x) => (x.sseHead(), x.write(answer(['ok']))))],
    [
      'an error chunk after text',
      unended(async (x) => (x.sseHead(), x.write(textChunk('a') + sse({ data: { error: { message: 'x' } } })))),
    ],
    ['a malformed chunk', unended(async (x) => (x.sseHead(), x.write('data: {oops\n\n')))],
    ['a text/html page', unended(async (x) => (x.head(200, { 'Content-Type': 'text/html' }), x.write('<html>')))],
    [
      'a 400 with an HTML body',
      unended(async (x) => (x.head(400, { 'Content-Type': 'text/html' }), x.write('<html>'))),
    ],
  ])(
    'no connection stays open after the generator ends on %s (server never ends its response)',
    async (_name, handler) => {
      server.otherwise(handler);
      await run({ retry: { ...FAST_RETRY, maxRetries: 0 }, fallbackToNonStreaming: false });
      expect(server.requests).toHaveLength(1);
      await server.requests[0]!.closed;
      expect(server.requests[0]!.closedByClient).toBe(true);
      await vi.waitFor(() => expect(server.openConnections()).toBe(0));
    },
  );
});

describe('debug', { timeout: 10_000 }, () => {
  it('logs the lifecycle to console.debug, never the token or the Authorization header', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    server.reply(
      (x) => x.json(401, {}),
      (x) => x.json(503, {}),
      streamAnswer(['ok']),
    );
    const { error } = await run({ debug: true, getToken: () => 'sk-old-SECRET', refreshToken: () => 'sk-new-SECRET' });
    expect(error).toBeUndefined();
    const logged = debug.mock.calls.map((args) => inspect(args, { depth: 10 })).join('\n');
    for (const step of ['request', 'response', 'retry', 'finish']) expect(logged).toContain(step);
    expect(logged).not.toContain('SECRET');
    expect(logged).not.toMatch(/authorization|bearer/i);
  });

  it('logs nothing without debug', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    server.reply(streamAnswer(['ok']));
    await run();
    expect(debug).not.toHaveBeenCalled();
  });
});
