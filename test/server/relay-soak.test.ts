import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { streamChatCompletion } from '../../src/core/stream.js';
import { chunk, DONE, drain, sse, startSseServer, textChunk, textOf, type SseServer } from '../support/sse-server.js';
import { startRedis, type RedisServer } from './support/redis-server.js';
import { startRelayInstance, type RelayInstance } from './support/relay-instances.js';

/*
 * The relay under load: 200 answers at once over three relay processes on one Redis, each read by the library's
 * client through a connection that is cut at random byte offsets, every try sent to a random instance. Every answer
 * must end whole and exact, from one upstream request; Redis connections are sampled all along and must stay bounded.
 */

const ANSWERS = 200;
const PIECES = 40;
const INSTANCES = 3;

/** A small seeded PRNG (mulberry32): the same cuts on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const piecesOf = (answer: number) => Array.from({ length: PIECES }, (_, k) => `a${answer}·${k}${k % 7 ? ' ' : '\n'}`);

let redis: RedisServer;
let upstream: SseServer;
let instances: RelayInstance[] = [];
let inspect: Redis;

beforeAll(async () => {
  redis = await startRedis();
  upstream = await startSseServer();
  // Each question names its answer: the upstream streams that answer's pieces, paced, with no ids.
  upstream.otherwise(async (x) => {
    const body = x.request.body as { messages: { content: string }[] };
    const answer = Number(body.messages[0]?.content.replace('question ', ''));
    x.sseHead();
    for (const piece of piecesOf(answer)) {
      await x.write(textChunk(piece));
      await x.pause(15);
    }
    await x.write(sse({ data: chunk({ finish_reason: 'stop' }) }));
    await x.end(DONE());
  });
  instances = await Promise.all(
    Array.from({ length: INSTANCES }, () => startRelayInstance({ upstream: upstream.url, redisUrl: redis.url })),
  );
  inspect = new Redis(redis.url);
}, 30_000);

afterAll(async () => {
  inspect?.disconnect();
  await Promise.all(instances.map((instance) => instance.stop()));
  await upstream?.close();
  await redis?.kill();
});

it(`${ANSWERS} answers at once over ${INSTANCES} instances, cut at random and resumed anywhere, all exact`, async () => {
  const next = random(25);
  let cuts = 0;
  /** Sends each try to a random instance, and cuts a third of the responses after a random number of bytes. */
  const cuttingFetch: typeof fetch = async (_input, init) => {
    const instance = instances[Math.floor(next() * INSTANCES)] as RelayInstance;
    const response = await fetch(instance.url, init);
    if (!response.body || next() > 0.33) return response;
    const limit = 50 + Math.floor(next() * 1500);
    let sent = 0;
    const cut = new TransformStream<Uint8Array, Uint8Array>({
      transform(piece, controller) {
        sent += piece.length;
        if (sent <= limit) return controller.enqueue(piece);
        cuts += 1;
        controller.enqueue(piece.subarray(0, piece.length - (sent - limit)));
        controller.error(new TypeError('cut'));
      },
    });
    return new Response(response.body.pipeThrough(cut), response);
  };

  const samples: number[] = [];
  const sampler = setInterval(() => {
    void inspect.client('LIST').then((list) => samples.push(String(list).trim().split('\n').length));
  }, 100);
  const outcomes = await Promise.all(
    Array.from({ length: ANSWERS }, (_, answer) =>
      drain(
        streamChatCompletion(
          { model: 'm', messages: [{ role: 'user', content: `question ${answer}` }] },
          {
            endpoint: 'http://relay.invalid/api/chat',
            fetch: cuttingFetch,
            getToken: () => `user-${answer % 7}`,
            retry: { maxRetries: 20, baseDelayMs: 1, maxDelayMs: 20 },
            idleTimeoutMs: 10_000,
            fallbackToNonStreaming: false,
          },
        ),
      ),
    ),
  );
  clearInterval(sampler);

  const wrong = outcomes.flatMap(({ events, error }, answer) =>
    error !== undefined || textOf(events) !== piecesOf(answer).join('') ? [answer] : [],
  );
  expect(wrong).toEqual([]);
  expect(cuts).toBeGreaterThan(ANSWERS / 4);
  // One upstream request per answer, resumes included.
  const asked = upstream.requests.map((r) => (r.body as { messages: { content: string }[] }).messages[0]?.content);
  expect(asked).toHaveLength(ANSWERS);
  expect(new Set(asked).size).toBe(ANSWERS);
  // Two connections per instance and the sampler's own, however many answers are live.
  expect(samples.length).toBeGreaterThan(5);
  expect(Math.max(...samples)).toBeLessThanOrEqual(INSTANCES * 2 + 1);
  console.log(
    `relay soak: ${ANSWERS} answers, ${cuts} cuts, ${upstream.requests.length} upstream requests, Redis connections ≤ ${Math.max(...samples)}`,
  );
}, 120_000);
