import { setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSseServer, type SseServer } from '../support/sse-server.js';
import { redisStore } from '../../src/server/index.js';
import { freePort, startRedis, type RedisServer } from './support/redis-server.js';
import { startRelayInstance, type RelayInstance } from './support/relay-instances.js';
import { parseEvents, readBody, textOfEvents, pacedAnswer, pieces } from './support/relay-server.js';

const LEASE_MS = 400;

let redis: RedisServer;
let upstream: SseServer;
let a: RelayInstance;
let b: RelayInstance;
let inspect: Redis;

const post = (url: string, headers: Record<string, string> = {}, method = 'POST') =>
  fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer alice', ...headers },
    body: method === 'POST' ? JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'Hi' }] }) : undefined,
  });

/** Complete events of a partial SSE text (the last, unterminated one is dropped). */
const completeEvents = (text: string) => parseEvents(text.slice(0, text.lastIndexOf('\n\n') + 2));

beforeAll(async () => {
  redis = await startRedis();
  upstream = await startSseServer();
  [a, b] = await Promise.all([
    startRelayInstance({ upstream: upstream.url, redisUrl: redis.url, leaseMs: LEASE_MS }),
    startRelayInstance({ upstream: upstream.url, redisUrl: redis.url, leaseMs: LEASE_MS }),
  ]);
  inspect = new Redis(redis.url);
  // The outage test kills Redis: this client's reconnect attempts are expected, not news.
  inspect.on('error', () => undefined);
}, 30_000);

afterAll(async () => {
  inspect?.disconnect();
  await Promise.all([a?.stop(), b?.stop()]);
  await upstream?.close();
  await redis?.kill();
});

afterEach(() => {
  expect(upstream.handlerErrors).toEqual([]);
});

describe('two relay instances on one Redis', () => {
  it('an answer cut on one instance resumes on the other: every event once, one upstream request', async () => {
    const before = upstream.requests.length;
    upstream.reply(pacedAnswer(pieces(80), 4));
    const first = await post(a.url);
    const seen = completeEvents(await readBody(first, (text) => text.includes('w10 ')));
    const rest = parseEvents(await readBody(await post(b.url, { 'Last-Event-ID': seen.at(-1)?.id ?? '' })));
    expect(textOfEvents(seen) + textOfEvents(rest)).toBe(pieces(80).join(''));
    expect(rest.at(-1)?.data).toBe('[DONE]');
    const ids = [...seen, ...rest].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(upstream.requests.length - before).toBe(1);
  });

  it('a finished answer replays whole from the other instance, and every key of it has a TTL and one hash tag', async () => {
    upstream.reply(pacedAnswer(pieces(10), 1));
    const first = await post(a.url);
    const streamId = first.headers.get('x-chat-stream') ?? '';
    const whole = textOfEvents(parseEvents(await readBody(first)));
    const replay = parseEvents(await readBody(await post(b.url, { 'X-Chat-Stream': streamId })));
    expect(textOfEvents(replay)).toBe(whole);
    const keys = await inspect.keys(`*${streamId}*`);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) {
      expect(key).toContain(`{${streamId}}`);
      expect(await inspect.pttl(key)).toBeGreaterThan(0);
    }
  });

  it('Stop on the other instance aborts the upstream within a second and ends the reader', async () => {
    upstream.reply(pacedAnswer(pieces(1000), 20));
    const first = await post(a.url);
    const streamId = first.headers.get('x-chat-stream') ?? '';
    const reading = readBody(first);
    await delay(150);
    const request = upstream.requests.at(-1);
    const asked = performance.now();
    expect((await post(b.url, { 'X-Chat-Stream': streamId }, 'DELETE')).status).toBe(204);
    await request?.closed;
    expect(performance.now() - asked).toBeLessThan(1000);
    expect(request?.closedByClient).toBe(true);
    expect(parseEvents(await reading).at(-1)?.data).toContain('stream_stopped');
  });

  it('another owner gets 404 on the other instance, and learns nothing', async () => {
    upstream.reply(pacedAnswer(pieces(3), 1));
    const first = await post(a.url);
    const streamId = first.headers.get('x-chat-stream') ?? '';
    await readBody(first);
    const foreign = await post(b.url, { 'X-Chat-Stream': streamId, Authorization: 'Bearer mallory' });
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain('w0');
  });

  it('holds a fixed number of Redis connections per instance however many answers it serves', async () => {
    const sample = async () =>
      String(await inspect.client('LIST'))
        .trim()
        .split('\n').length;
    const idle = await sample();
    upstream.otherwise(pacedAnswer(pieces(40), 10));
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => post(i % 2 ? a.url : b.url)));
    const readers = await Promise.all(
      answers.map((r) => post(b.url, { 'X-Chat-Stream': r.headers.get('x-chat-stream') ?? '' })),
    );
    await delay(100);
    const busy = await sample();
    await Promise.all([...answers, ...readers].map((r) => readBody(r)));
    // Two instances, two connections each, and this test's own.
    expect(idle).toBeLessThanOrEqual(5);
    expect(busy).toBe(idle);
  });
});

describe('a producer that dies', () => {
  it('is noticed by readers on another instance within two leases, and the text so far stands', async () => {
    const producer = await startRelayInstance({ upstream: upstream.url, redisUrl: redis.url, leaseMs: LEASE_MS });
    upstream.reply(pacedAnswer(pieces(1000), 20));
    const first = await post(producer.url);
    const streamId = first.headers.get('x-chat-stream') ?? '';
    const reading = readBody(await post(b.url, { 'X-Chat-Stream': streamId }));
    await readBody(first, (text) => text.includes('w3 '));
    const killedAt = performance.now();
    await producer.kill();
    const events = parseEvents(await reading);
    expect(performance.now() - killedAt).toBeLessThan(2 * LEASE_MS + 200);
    expect(JSON.parse(events.at(-1)?.data ?? '{}')).toMatchObject({ error: { code: 'stream_interrupted' } });
    expect(textOfEvents(events.slice(0, -1))).toMatch(/^w0 w1 w2 w3 /);
  });
});

describe('Redis unreachable', () => {
  it('calls while Redis is away leave no clients behind reconnecting by themselves', async () => {
    const store = redisStore({ url: `redis://127.0.0.1:${await freePort()}` });
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const before = timers();
    for (let i = 0; i < 10; i += 1) await expect(store.ownerOf('A'.repeat(22))).rejects.toThrow();
    await delay(200);
    await store.close();
    expect(timers() - before).toBeLessThanOrEqual(2);
  });

  it('new answers get a 503, live readers end interrupted, nothing hangs, and it recovers when Redis is back', async () => {
    upstream.reply(pacedAnswer(pieces(1000), 20));
    const first = await post(a.url);
    const reading = readBody(first);
    await delay(100);
    await redis.kill();
    const refused = await post(b.url);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const events = parseEvents(await reading);
    expect(events.at(-1)?.data).toContain('stream_interrupted');

    await redis.restart();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i += 1) {
      upstream.reply(pacedAnswer(pieces(3), 1));
      const response = await post(b.url);
      status = response.status;
      if (status === 200) expect(textOfEvents(parseEvents(await readBody(response)))).toBe(pieces(3).join(''));
      else await delay(100);
    }
    expect(status).toBe(200);
  }, 20_000);
});
