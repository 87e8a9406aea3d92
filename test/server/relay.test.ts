import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamChatCompletion } from '../../src/core/stream.js';
import { createChatRelay, memoryStore, type ChatRelay } from '../../src/server/index.js';
import {
  drain,
  FAST_RETRY,
  REQUEST,
  startSseServer,
  textChunk,
  textOf,
  type SseServer,
} from '../support/sse-server.js';
import {
  parseEvents,
  readBody,
  serveHandler,
  textOfEvents,
  type RelayServer,
  pacedAnswer,
  pieces,
} from './support/relay-server.js';

const AUTH = { Authorization: 'Bearer alice' };

let upstream: SseServer;
let relay: ChatRelay;
let server: RelayServer;

async function startRelay(options: Partial<Parameters<typeof createChatRelay>[0]> = {}) {
  relay = createChatRelay({
    upstream: { url: upstream.url, headers: { Authorization: 'Bearer upstream-key' } },
    store: memoryStore(),
    ...options,
  });
  server = await serveHandler(relay.handle);
}

const post = (headers: Record<string, string> = {}, body: unknown = REQUEST, method = 'POST') =>
  fetch(server.url, {
    method,
    headers: { 'Content-Type': 'application/json', ...AUTH, ...headers },
    body: method === 'POST' ? JSON.stringify(body) : undefined,
  });

beforeEach(async () => {
  upstream = await startSseServer();
});
afterEach(async () => {
  await server?.close();
  await relay?.close();
  await upstream.close();
  expect(upstream.handlerErrors).toEqual([]);
});

describe('starting an answer', () => {
  it('asks the upstream once with its own key and streams every event back with an id', async () => {
    upstream.reply(pacedAnswer(pieces(20)));
    await startRelay();
    const response = await post();
    expect(response.status).toBe(200);
    const streamId = response.headers.get('x-chat-stream') ?? '';
    expect(streamId).toMatch(/^[\w-]{22}$/);
    const events = parseEvents(await readBody(response));
    expect(textOfEvents(events)).toBe(pieces(20).join(''));
    expect(events.at(-1)?.data).toBe('[DONE]');
    for (const event of events) expect(event.id?.startsWith(`${streamId}.`)).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer upstream-key');
    expect(upstream.requests[0]?.body).toMatchObject({ messages: REQUEST.messages });
  });

  it('passes on what a headers function takes from the caller, and nothing else of the caller', async () => {
    upstream.reply(pacedAnswer(pieces(1)));
    await startRelay({
      upstream: { url: upstream.url, headers: (request) => ({ 'X-Tenant': request.headers.get('x-tenant') ?? '' }) },
    });
    await readBody(await post({ 'X-Tenant': 'acme', 'X-Other': 'secret' }));
    expect(upstream.requests[0]?.headers['x-tenant']).toBe('acme');
    expect(upstream.requests[0]?.headers['x-other']).toBeUndefined();
    expect(upstream.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('gives every answer a different stream id', async () => {
    upstream.otherwise(pacedAnswer(pieces(1)));
    await startRelay();
    const ids = new Set<string>();
    for (let i = 0; i < 5; i += 1) {
      const response = await post();
      ids.add(response.headers.get('x-chat-stream') ?? '');
      await readBody(response);
    }
    expect(ids.size).toBe(5);
  });

  it('passes an upstream refusal through unchanged and keeps nothing', async () => {
    upstream.reply((x) => x.json(429, { error: { message: 'Slow down, please.' } }, { 'Retry-After': '7' }));
    await startRelay();
    const response = await post();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toEqual({ error: { message: 'Slow down, please.' } });
    expect(response.headers.get('x-chat-stream')).toBeNull();
  });

  it('answers a body that is not a chat request with 400 and asks nobody', async () => {
    await startRelay();
    const notJson = await fetch(server.url, { method: 'POST', headers: AUTH, body: 'hello' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'invalid_request' } });
    const noMessages = await post({}, { model: 'x' });
    expect(noMessages.status).toBe(400);
    expect(((await noMessages.json()) as { error: { message: string } }).error.message).toMatch(/messages/);
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers 401 when authorize says no one', async () => {
    await startRelay({ authorize: () => null });
    expect((await post()).status).toBe(401);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('the answer belongs to the stream', () => {
  it('goes on when its caller disconnects, and can be read whole afterwards', async () => {
    upstream.reply(pacedAnswer(pieces(30), 10));
    await startRelay();
    const response = await post();
    const streamId = response.headers.get('x-chat-stream') ?? '';
    await readBody(response, (text) => text.includes('w3 '));
    await upstream.requests[0]?.closed;
    expect(upstream.requests[0]?.closedByClient).toBe(false);
    const replay = await post({ 'X-Chat-Stream': streamId });
    expect(replay.status).toBe(200);
    expect(textOfEvents(parseEvents(await readBody(replay)))).toBe(pieces(30).join(''));
    expect(upstream.requests).toHaveLength(1);
  });

  it('resumes after any event with exactly the events that follow it, live or finished', async () => {
    upstream.reply(pacedAnswer(pieces(40), 3));
    await startRelay();
    const first = await post();
    const all = parseEvents(await readBody(first));
    const whole = textOfEvents(all);
    for (const at of [0, 1, 7, 20, all.length - 2]) {
      const resumed = await post({ 'Last-Event-ID': all[at]?.id ?? '' });
      const rest = parseEvents(await readBody(resumed));
      expect(rest.map((e) => e.id)).toEqual(all.slice(at + 1).map((e) => e.id));
      expect(textOfEvents(all.slice(0, at + 1)) + textOfEvents(rest)).toBe(whole);
    }
    expect(upstream.requests).toHaveLength(1);
  });

  it('hands a resume that catches up while the answer ends everything, once', async () => {
    upstream.reply(pacedAnswer(pieces(200), 1));
    await startRelay();
    const first = await post();
    const seen = await readBody(first, (text) => text.includes('w5 '));
    const events = parseEvents(seen.slice(0, seen.lastIndexOf('\n\n') + 2));
    const resumed = await post({ 'Last-Event-ID': events.at(-1)?.id ?? '' });
    const rest = parseEvents(await readBody(resumed));
    expect(textOfEvents(events) + textOfEvents(rest)).toBe(pieces(200).join(''));
    expect(rest.at(-1)?.data).toBe('[DONE]');
  });

  it('the library client cut mid-answer resumes through the relay: whole text, one upstream request', async () => {
    upstream.reply(pacedAnswer(pieces(60), 3));
    relay = createChatRelay({ upstream: { url: upstream.url }, store: memoryStore() });
    let cuts = 0;
    // Each of the first two replies ends after 600 bytes, mid-event, as a connection a proxy drops.
    server = await serveHandler(async (request) => {
      const response = await relay.handle(request);
      if (cuts >= 2 || !response.body) return response;
      cuts += 1;
      let sent = 0;
      const cut = new TransformStream<Uint8Array, Uint8Array>({
        transform(piece, controller) {
          sent += piece.length;
          if (sent <= 600) return controller.enqueue(piece);
          controller.enqueue(piece.subarray(0, piece.length - (sent - 600)));
          controller.terminate();
        },
      });
      return new Response(response.body.pipeThrough(cut), response);
    });
    const outcome = await drain(
      streamChatCompletion(REQUEST, { endpoint: server.url, retry: FAST_RETRY, idleTimeoutMs: 2000 }),
    );
    expect(outcome.error).toBeUndefined();
    expect(textOf(outcome.events)).toBe(pieces(60).join(''));
    expect(outcome.events.filter((e) => e.type === 'retry')).toHaveLength(2);
    expect(upstream.requests).toHaveLength(1);
  });
});

describe('who may resume or stop', () => {
  it('answers 404 stream_not_found for another owner, an unknown id or a malformed one, and starts nothing', async () => {
    upstream.reply(pacedAnswer(pieces(3)));
    await startRelay();
    const first = await post();
    const streamId = first.headers.get('x-chat-stream') ?? '';
    const events = parseEvents(await readBody(first));
    const cases: Record<string, string>[] = [
      { Authorization: 'Bearer mallory', 'X-Chat-Stream': streamId },
      { Authorization: 'Bearer mallory', 'Last-Event-ID': events[0]?.id ?? '' },
      { 'X-Chat-Stream': 'A'.repeat(22) },
      { 'Last-Event-ID': 'not-an-id' },
      { 'Last-Event-ID': `${streamId}.99999.0` },
    ];
    for (const headers of cases) {
      const response = await post(headers);
      expect(response.status).toBe(404);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('stream_not_found');
      expect(JSON.stringify(body)).not.toContain('w0');
    }
    expect(upstream.requests).toHaveLength(1);
  });
});

describe('what the relay does not pay for', () => {
  it('a caller that leaves before the upstream answered takes the upstream request with it', async () => {
    upstream.reply(async (x) => {
      await x.pause(300);
      await pacedAnswer(pieces(20), 5)(x);
    });
    await startRelay();
    const controller = new AbortController();
    const asking = fetch(server.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...AUTH },
      body: JSON.stringify(REQUEST),
      signal: controller.signal,
    }).catch(() => undefined);
    await delay(100);
    controller.abort();
    await asking;
    await upstream.requests[0]?.closed;
    expect(upstream.requests[0]?.closedByClient).toBe(true);
  });

  it('an upstream that goes silent is given up: readers end interrupted with what came', async () => {
    upstream.reply(async (x) => {
      x.sseHead();
      await x.write(textChunk('then nothing'));
      await x.stall();
    });
    await startRelay({ upstreamIdleMs: 200, keepAliveMs: 50 });
    const events = parseEvents(await readBody(await post()));
    expect(textOfEvents(events.slice(0, -1))).toBe('then nothing');
    expect(events.at(-1)?.data).toContain('stream_interrupted');
    await upstream.requests[0]?.closed;
    expect(upstream.requests[0]?.closedByClient).toBe(true);
  });

  it('events that arrive together reach readers at once, not with the next one', async () => {
    upstream.reply(async (x) => {
      x.sseHead();
      await x.write(textChunk('A') + textChunk('B') + textChunk('C'));
      await x.stall();
    });
    await startRelay();
    const text = await readBody(await post(), (sofar) => textOfEvents(parseEvents(sofar)) === 'ABC');
    expect(textOfEvents(parseEvents(text))).toBe('ABC');
  });
});

describe('how long an answer is kept', () => {
  it('a finished answer can be resumed for ttlMs, then it is stream_not_found', async () => {
    upstream.reply(pacedAnswer(pieces(3), 1));
    let time = 1_000;
    await startRelay({ ttlMs: 60_000, store: memoryStore({ now: () => time }) });
    const first = await post();
    const streamId = first.headers.get('x-chat-stream') ?? '';
    await readBody(first);
    time += 59_000;
    expect((await post({ 'X-Chat-Stream': streamId })).status).toBe(200);
    time += 2_000;
    const expired = await post({ 'X-Chat-Stream': streamId });
    expect(expired.status).toBe(404);
    expect(await expired.json()).toMatchObject({
      error: { code: 'stream_not_found', message: 'This answer is no longer available.' },
    });
  });
});

describe('stop', () => {
  it('aborts the upstream at once and ends every reader with stream_stopped', async () => {
    upstream.reply(pacedAnswer(pieces(500), 20));
    await startRelay();
    const first = await post();
    const streamId = first.headers.get('x-chat-stream') ?? '';
    const reading = readBody(first);
    const second = readBody(await post({ 'X-Chat-Stream': streamId }));
    await delay(100);
    const asked = performance.now();
    const stop = await post({ 'X-Chat-Stream': streamId }, undefined, 'DELETE');
    expect(stop.status).toBe(204);
    await upstream.requests[0]?.closed;
    expect(performance.now() - asked).toBeLessThan(1000);
    expect(upstream.requests[0]?.closedByClient).toBe(true);
    for (const text of [await reading, await second]) {
      expect(parseEvents(text).at(-1)?.data).toContain('"stream_stopped"');
    }
  });

  it('is refused to another owner', async () => {
    upstream.reply(pacedAnswer(pieces(50), 10));
    await startRelay();
    const first = await post();
    const streamId = first.headers.get('x-chat-stream') ?? '';
    const stop = await post({ 'X-Chat-Stream': streamId, Authorization: 'Bearer mallory' }, undefined, 'DELETE');
    expect(stop.status).toBe(404);
    expect(textOfEvents(parseEvents(await readBody(first)))).toBe(pieces(50).join(''));
  });
});

describe('an upstream that is cut', () => {
  it('ends readers with stream_interrupted and keeps what came', async () => {
    upstream.reply(async (x) => {
      x.sseHead();
      await x.write(textChunk('half an '));
      await x.write(textChunk('answer'));
      x.destroy();
    });
    await startRelay();
    const events = parseEvents(await readBody(await post()));
    expect(textOfEvents(events.slice(0, -1))).toBe('half an answer');
    expect(JSON.parse(events.at(-1)?.data ?? '{}')).toMatchObject({ error: { code: 'stream_interrupted' } });
  });
});

describe('closing the relay', () => {
  it('stops its answers and ends their readers, and leaves nothing waiting', async () => {
    upstream.reply(pacedAnswer(pieces(1000), 20));
    await startRelay();
    const first = await post();
    const reading = readBody(first);
    await delay(100);
    await relay.close();
    expect(parseEvents(await reading).at(-1)?.data).toContain('stream_stopped');
    await upstream.requests[0]?.closed;
    expect(upstream.requests[0]?.closedByClient).toBe(true);
  });
});
