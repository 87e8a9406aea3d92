/** The recovery table of DESIGN.md, driven through a real HTTP server. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { withSseServer } from '../support/with-sse-server.js';
import { streamChatCompletion } from '../../src/core/stream.js';
import {
  asChatError,
  chunk,
  completion,
  DONE,
  drain,
  type Exchange,
  FAST_RETRY,
  type Handler,
  refusedUrl,
  REQUEST,
  retriesOf,
  sse,
  streamAnswer,
  textChunk,
  textOf,
  typesOf,
} from '../support/sse-server.js';

const { server, run } = withSseServer();

const status =
  (code: number, body: unknown = { error: { message: `status ${code}` } }, headers = {}): Handler =>
  (x) =>
    x.json(code, body, headers);

/**
 * The backoff of the tests that check it. The jitter is pinned just under 1 (below), so each retry waits one
 * millisecond less than its ceiling, which doubles from baseDelayMs (8, 16) and stops at maxDelayMs (20).
 */
const BACKOFF = { baseDelayMs: 8, maxDelayMs: 20 };
const BACKOFF_WAITS = [7, 15, 19];

// Math.random is the jitter's source: every wait in this file is known in advance (withSseServer restores it).
beforeEach(() => {
  vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
});

/** The retries are attempts 1..count, each waiting as BACKOFF says. */
function expectBackoffRetries(events: Parameters<typeof retriesOf>[0], count: number) {
  const retries = retriesOf(events);
  expect(retries.map((r) => [r.attempt, r.delayMs])).toEqual(BACKOFF_WAITS.slice(0, count).map((ms, i) => [i + 1, ms]));
  return retries;
}

describe('server errors (5xx)', { timeout: 10_000 }, () => {
  it('5xx N times then success: retry events 1..N with backoff delays, then the answer', async () => {
    server().reply(
      status(500),
      (x) => x.text(502, '<html>Bad gateway</html>', 'text/html'),
      status(503),
      streamAnswer(['Fine']),
    );
    const { events, error } = await run({ retry: { ...BACKOFF, maxRetries: 3 } });
    expect(error).toBeUndefined();
    const retries = expectBackoffRetries(events, 3);
    expect(retries.map((r) => [r.error.kind, r.error.status])).toEqual([
      ['server', 500],
      ['server', 502],
      ['server', 503],
    ]);
    expect(retries[0]!.error.message).toBe('status 500');
    expect(retries[1]!.error.message).not.toContain('<html>');
    expect(textOf(events)).toBe('Fine');
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(server().requests.map((r) => r.body)).toEqual(Array(4).fill({ ...REQUEST, stream: true }));
  });

  it('5xx always: maxRetries retries, then a fallback event and one non-streaming request whose JSON is the answer', async () => {
    server().reply(status(500), status(500), status(500), (x) => x.json(200, completion('Fallback answer')));
    const { events, error } = await run({ retry: { ...FAST_RETRY, maxRetries: 2 } });
    expect(error).toBeUndefined();
    expect(typesOf(events)).toEqual(['retry', 'retry', 'fallback', 'delta', 'usage', 'finish']);
    expect(textOf(events)).toBe('Fallback answer');
    expect(server().requests.map((r) => (r.body as { stream: unknown }).stream)).toEqual([true, true, true, false]);
    expect(server().requests[3]!.body).toEqual({ ...REQUEST, stream: false });
  });

  it('a failing fallback throws its server error', async () => {
    server().otherwise(status(503));
    const { events, error } = await run({ retry: { ...FAST_RETRY, maxRetries: 1 } });
    expect(asChatError(error)).toMatchObject({ kind: 'server', status: 503, retryable: true });
    expect(typesOf(events)).toEqual(['retry', 'fallback']);
    expect(server().requests).toHaveLength(3);
  });

  it('fallbackToNonStreaming: false → throws server after the retries', async () => {
    server().otherwise((x) => x.text(502, '<html><h1>502</h1></html>', 'text/html'));
    const { events, error } = await run({ retry: { ...FAST_RETRY, maxRetries: 2 }, fallbackToNonStreaming: false });
    expect(asChatError(error)).toMatchObject({ kind: 'server', status: 502 });
    expect(typesOf(events)).toEqual(['retry', 'retry']);
    expect(server().requests).toHaveLength(3);
  });

  it('maxRetries: 0 → no retry: a network failure is thrown after one request', async () => {
    server().otherwise((x) => x.destroy());
    const { events, error } = await run({ retry: { ...FAST_RETRY, maxRetries: 0 } });
    expect(asChatError(error).kind).toBe('network');
    expect(events).toEqual([]);
    expect(server().requests).toHaveLength(1);
  });
});

describe('client, rate-limit and error chunks', { timeout: 10_000 }, () => {
  it.each([
    [
      'error.message',
      404,
      { error: { message: 'The model `gpt-9` does not exist', type: 'invalid_request_error' } },
      'The model `gpt-9` does not exist',
    ],
    ['flat message', 422, { message: 'temperature must be at most 2' }, 'temperature must be at most 2'],
  ])('other 4xx → client with the server message (%s), no retry', async (_name, code, body, message) => {
    server().otherwise(status(code, body));
    const { events, error } = await run();
    expect(asChatError(error)).toMatchObject({ kind: 'client', status: code, message, retryable: false });
    expect(events).toEqual([]);
    expect(server().requests).toHaveLength(1);
  });

  it('429 with Retry-After in seconds waits the capped time (maxRetryAfterMs, not maxDelayMs), then succeeds', async () => {
    server().reply(status(429, { error: { message: 'slow down' } }, { 'Retry-After': '1' }), streamAnswer(['ok']));
    const { events, error } = await run({ retry: { ...FAST_RETRY, maxRetryAfterMs: 30 } });
    expect(error).toBeUndefined();
    const [retry] = retriesOf(events);
    expect(retry).toMatchObject({ attempt: 1, delayMs: 30 });
    expect(retry!.error).toMatchObject({ kind: 'rate_limit', status: 429, retryAfterMs: 1000, message: 'slow down' });
    expect(server().requests[1]!.receivedAt - server().requests[0]!.receivedAt).toBeGreaterThanOrEqual(28);
    expect(textOf(events)).toBe('ok');
  });

  it('429 with Retry-After as an HTTP date waits (capped), then succeeds', async () => {
    const when = new Date(Date.now() + 60_000).toUTCString();
    server().reply(status(429, {}, { 'Retry-After': when }), streamAnswer(['ok']));
    const { events, error } = await run({ retry: { ...FAST_RETRY, maxRetryAfterMs: 25 } });
    expect(error).toBeUndefined();
    const [retry] = retriesOf(events);
    expect(retry!.delayMs).toBe(25);
    expect(retry!.error.kind).toBe('rate_limit');
    expect(retry!.error.retryAfterMs).toBeGreaterThan(55_000);
    expect(retry!.error.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(textOf(events)).toBe('ok');
  });

  it('429 without Retry-After backs off like a 5xx', async () => {
    server().reply(status(429), streamAnswer(['ok']));
    const { events, error } = await run({ retry: BACKOFF });
    expect(error).toBeUndefined();
    expect(expectBackoffRetries(events, 1)[0]!.error.kind).toBe('rate_limit');
  });

  it('an error chunk before any text is retried like a 5xx', async () => {
    server().reply(
      async (x) => {
        x.sseHead();
        await x.write(sse({ data: chunk({ role: 'assistant', content: '' }) }));
        await x.end(sse({ data: { error: { message: 'Upstream overloaded', code: 'server_error' } } }));
      },
      streamAnswer(['Recovered']),
    );
    const { events, error } = await run({ retry: BACKOFF });
    expect(error).toBeUndefined();
    const [retry] = expectBackoffRetries(events, 1);
    expect(retry!.error).toMatchObject({ kind: 'server', message: 'Upstream overloaded', retryable: true });
    expect(textOf(events)).toBe('Recovered');
  });

  it('an error chunk with code rate_limit_exceeded is a rate_limit error', async () => {
    server().reply(
      (x) =>
        x.text(
          200,
          sse({ data: { error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } } }),
          'text/event-stream',
        ),
      streamAnswer(['ok']),
    );
    const { events } = await run();
    expect(retriesOf(events)[0]!.error).toMatchObject({ kind: 'rate_limit', message: 'Rate limit reached' });
  });

  it('an error chunk after text ends with that error: no retry, no fallback, the text stays', async () => {
    server().otherwise(async (x) => {
      x.sseHead();
      await x.write(textChunk('Half an '));
      await x.pause(5);
      await x.end(textChunk('answer') + sse({ data: { error: { message: 'Model crashed' } } }) + textChunk(' never'));
    });
    const { events, error } = await run();
    expect(asChatError(error)).toMatchObject({ kind: 'server', message: 'Model crashed' });
    expect(textOf(events)).toBe('Half an answer');
    expect(typesOf(events).filter((t) => t !== 'delta')).toEqual([]);
    expect(server().requests).toHaveLength(1);
  });
});

describe('network failures and timeouts', { timeout: 10_000 }, () => {
  it('connection refused → network, retried maxRetries times, then thrown', async () => {
    const { events, error } = await drain(
      streamChatCompletion(REQUEST, { endpoint: await refusedUrl(), retry: { ...BACKOFF, maxRetries: 2 } }),
    );
    expect(asChatError(error)).toMatchObject({ kind: 'network', retryable: true });
    expect(expectBackoffRetries(events, 2).every((r) => r.error.kind === 'network')).toBe(true);
    expect(typesOf(events)).not.toContain('fallback');
  });

  it('socket destroyed before the headers → network, retried', async () => {
    server().reply((x) => x.destroy(), streamAnswer(['ok']));
    const { events, error } = await run({ retry: BACKOFF });
    expect(error).toBeUndefined();
    expect(expectBackoffRetries(events, 1)[0]!.error.kind).toBe('network');
    expect(textOf(events)).toBe('ok');
  });

  it.each([
    ['ends cleanly', (x: Exchange) => x.end()],
    ['is cut after a keep-alive', async (x: Exchange) => (await x.comment(), x.destroy())],
  ])('headers arrive, then the body %s before any text → retried', async (_name, finish) => {
    server().reply(
      async (x) => {
        x.sseHead();
        await finish(x);
      },
      streamAnswer(['ok']),
    );
    const { events, error } = await run({ retry: BACKOFF });
    expect(error).toBeUndefined();
    expect(expectBackoffRetries(events, 1)[0]!.error.kind).toBe('network');
    expect(textOf(events)).toBe('ok');
  });

  it.each([
    ['ends', (x: Exchange) => x.end()],
    ['is cut', (x: Exchange) => x.destroy()],
  ])('a stream without ids that %s after text → network after the partial text, not retried', async (_name, finish) => {
    server().otherwise(async (x) => {
      x.sseHead();
      await x.write(textChunk('Partial'));
      await x.pause(5);
      await finish(x);
    });
    const { events, error } = await run();
    expect(asChatError(error)).toMatchObject({ kind: 'network', retryable: true });
    expect(events).toEqual([{ type: 'delta', content: 'Partial' }]);
    expect(server().requests).toHaveLength(1);
  });

  it('reasoning counts as text: a cut after reasoning is not retried', async () => {
    server().otherwise(async (x) => {
      x.sseHead();
      await x.write(sse({ data: chunk({ reasoning_content: 'Thinking' }) }));
      await x.pause(5);
      x.destroy();
    });
    const { events, error } = await run();
    expect(asChatError(error).kind).toBe('network');
    expect(events).toEqual([{ type: 'reasoning', content: 'Thinking' }]);
    expect(server().requests).toHaveLength(1);
  });

  it('a finish_reason followed by a cut (no [DONE]) is complete', async () => {
    server().otherwise(async (x) => {
      x.sseHead();
      await x.write(textChunk('Done') + sse({ data: chunk({ finish_reason: 'stop' }) }));
      await x.pause(5);
      x.destroy();
    });
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(events).toEqual([
      { type: 'delta', content: 'Done' },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(server().requests).toHaveLength(1);
  });

  // Stall tests use short idle timeouts; a loaded machine may add a spurious timeout before a first byte,
  // which is itself retried, so these scripts answer by what a request is, not by its position.
  it('a stall before any text (idle timeout) → timeout, retried', async () => {
    server().otherwise(async (x) => {
      if (x.index > 0) return streamAnswer(['ok'])(x);
      x.sseHead();
      await x.stall();
    });
    const { events, error } = await run({ idleTimeoutMs: 100, retry: { ...FAST_RETRY, maxRetries: 5 } });
    expect(error).toBeUndefined();
    expect(retriesOf(events).map((r) => r.error.kind)).toContain('timeout');
    expect(retriesOf(events)[0]!.error.kind).toBe('timeout');
    expect(textOf(events)).toBe('ok');
    expect(server().requests[0]!.closedByClient).toBe(true);
  });

  it('a stall after text without ids → timeout thrown, the text stays, no retry after it', async () => {
    server().otherwise(async (x) => {
      x.sseHead();
      await x.write(textChunk('So far'));
      await x.stall();
    });
    const { events, error } = await run({ idleTimeoutMs: 100, retry: { ...FAST_RETRY, maxRetries: 5 } });
    expect(asChatError(error)).toMatchObject({ kind: 'timeout', retryable: true });
    const types = typesOf(events);
    expect(types.slice(types.indexOf('delta'))).toEqual(['delta']);
    expect(textOf(events)).toBe('So far');
    expect(server().requests).toHaveLength(retriesOf(events).length + 1);
    await Promise.all(server().requests.map((r) => r.closed));
    expect(server().requests.every((r) => r.closedByClient)).toBe(true);
  });

  it('keep-alive comments reset the idle timer', async () => {
    server().otherwise(async (x) => {
      x.sseHead();
      await x.write(textChunk('a'));
      // 8 × 40 ms of comments outlast the 250 ms idle timeout only if each comment resets it.
      for (let i = 0; i < 8; i += 1) {
        await x.pause(40);
        await x.comment();
      }
      await x.end(textChunk('b') + DONE());
    });
    const { events, error } = await run({ idleTimeoutMs: 250 });
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe('ab');
    expect(server().requests).toHaveLength(1);
  });
});
