/** Resuming a cut stream with Last-Event-ID, driven through a real HTTP server. */
import { describe, expect, it } from 'vitest';
import { withSseServer } from '../support/with-sse-server.js';
import { streamChatCompletion } from '../../src/core/stream.js';
import type { ChatStreamEvent } from '../../src/core/types.js';
import {
  asChatError,
  chunk,
  DONE,
  eventsAfter,
  type Exchange,
  FAST_RETRY,
  type Handler,
  REQUEST,
  retriesOf,
  sse,
  textChunk,
  textOf,
  typesOf,
} from '../support/sse-server.js';

const { server, run } = withSseServer();

const STORY = ['Once ', 'upon ', 'a ', 'time', ', the end.'];
const STORY_EVENTS = STORY.map((content, i) => ({ id: String(i + 1), data: chunk({ content }) }));
const storyEvent = (i: number) => sse(STORY_EVENTS[i]!);

/**
 * Serves STORY from the event after `Last-Event-ID`. Without `stop`, to the end with finish and [DONE];
 * with it, up to event `upTo`, then the next event's `id:` and `data:` lines without their blank line, then `stop`.
 */
const story =
  ({
    upTo = STORY.length,
    retryMs,
    stop,
  }: { upTo?: number; retryMs?: number; stop?: (x: Exchange) => unknown } = {}): Handler =>
  async (x) => {
    x.sseHead();
    if (retryMs !== undefined) await x.write(`retry: ${retryMs}\n\n`);
    const due = eventsAfter(STORY_EVENTS, x.lastEventId).filter((e) => Number(e.id) <= upTo);
    await x.write(due.map((e) => sse(e)).join(''));
    if (stop) {
      await x.write(`id: ${upTo + 1}\ndata: ${JSON.stringify(chunk({ content: 'UNFINISHED EVENT' }))}\n`);
      await x.pause(5);
      await stop(x);
      return;
    }
    await x.end(sse({ data: chunk({ finish_reason: 'stop' }) }) + DONE());
  };

const header = (i: number) => server().requests[i]!.headers['last-event-id'];

describe('resume with Last-Event-ID', { timeout: 10_000 }, () => {
  it('a cut mid-stream re-POSTs the same body from the last completed event, after the server retry: delay', async () => {
    server().reply(story({ upTo: 2, retryMs: 20, stop: (x) => x.destroy() }), story());
    const events: ChatStreamEvent[] = [];
    let requestsSeenAtRetry = -1;
    for await (const event of streamChatCompletion(REQUEST, { endpoint: server().url, retry: FAST_RETRY })) {
      if (event.type === 'retry') requestsSeenAtRetry = server().requests.length;
      events.push(event);
    }
    expect(textOf(events)).toBe(STORY.join(''));
    const retryAt = typesOf(events).indexOf('retry');
    expect(textOf(events.slice(0, retryAt))).toBe('Once upon ');
    expect(textOf(events.slice(retryAt))).toBe('a time, the end.');
    expect(retriesOf(events)).toHaveLength(1);
    expect(retriesOf(events)[0]).toMatchObject({ attempt: 1, delayMs: 20, error: { kind: 'network' } });
    expect(requestsSeenAtRetry).toBe(1);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });

    expect(server().requests).toHaveLength(2);
    expect(header(0)).toBeUndefined();
    expect(header(1)).toBe('2');
    expect(server().requests[1]!.rawBody).toBe(server().requests[0]!.rawBody);
    expect(server().requests[1]!.headers.authorization).toBe(server().requests[0]!.headers.authorization);
    expect(server().requests[1]!.receivedAt - server().requests[0]!.receivedAt).toBeGreaterThanOrEqual(18);
  });

  it('a stream with ids that ends early (no [DONE], no finish) resumes; without retry: it backs off', async () => {
    server().reply(story({ upTo: 3, stop: (x) => x.end() }), story());
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe(STORY.join(''));
    const [retry] = retriesOf(events);
    expect(retry!.error.kind).toBe('network');
    expect(retry!.delayMs).toBeLessThanOrEqual(FAST_RETRY.maxDelayMs);
    expect(header(1)).toBe('3');
  });

  it('a stall (idle timeout) on a stream with ids resumes the same way', async () => {
    // Answers by the request's Last-Event-ID, not its position: under load a spurious timeout before the
    // first byte is retried too, and must not break the script.
    server().otherwise(async (x) => {
      if (x.lastEventId !== undefined) return story()(x);
      x.sseHead();
      await x.write(storyEvent(0) + storyEvent(1));
      await x.stall();
    });
    const { events, error } = await run({ idleTimeoutMs: 150, retry: { ...FAST_RETRY, maxRetries: 5 } });
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe(STORY.join(''));
    expect(retriesOf(events).map((r) => r.error.kind)).toContain('timeout');
    const resumes = server().requests.filter((r) => r.headers['last-event-id'] !== undefined);
    expect(resumes.length).toBeGreaterThan(0);
    expect(resumes[0]!.headers['last-event-id']).toBe('2');
    expect(server().requests[0]!.closedByClient).toBe(true);
  });

  it('a resume that fails with 5xx before its first byte is retried and stays a resume', async () => {
    server().reply(
      story({ upTo: 2, stop: (x) => x.destroy() }),
      (x) => x.json(503, { error: { message: 'busy' } }),
      story(),
    );
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe(STORY.join(''));
    expect(retriesOf(events).map((r) => [r.attempt, r.error.kind])).toEqual([
      [1, 'network'],
      [2, 'server'],
    ]);
    expect([header(1), header(2)]).toEqual(['2', '2']);
    expect(server().requests[2]!.rawBody).toBe(server().requests[0]!.rawBody);
  });

  it('resumes count toward maxRetries; once they run out the error is thrown (no fallback after text)', async () => {
    server().reply(story({ upTo: 2, stop: (x) => x.destroy() }), (x) => x.json(503, { error: { message: 'busy' } }));
    const { events, error } = await run({ retry: { ...FAST_RETRY, maxRetries: 1 } });
    expect(asChatError(error)).toMatchObject({ kind: 'server', status: 503 });
    expect(typesOf(events)).toEqual(['delta', 'retry']);
    expect(textOf(events)).toBe('Once upon ');
    expect(server().requests).toHaveLength(2);
  });

  it('the server retry: delay is capped by maxRetryAfterMs', async () => {
    server().reply(story({ upTo: 1, retryMs: 600_000, stop: (x) => x.destroy() }), story());
    const { events, error } = await run({ retry: { ...FAST_RETRY, maxRetryAfterMs: 15 } });
    expect(error).toBeUndefined();
    expect(retriesOf(events)[0]!.delayMs).toBe(15);
    expect(textOf(events)).toBe(STORY.join(''));
  });

  it('the last event id persists across events without an id, and across resumes', async () => {
    server().reply(
      async (x) => {
        x.sseHead();
        await x.write(sse({ id: 'a', data: chunk({ content: 'A' }) }) + textChunk('B'));
        await x.pause(5);
        x.destroy();
      },
      async (x) => {
        x.sseHead();
        await x.write(textChunk('C'));
        await x.pause(5);
        x.destroy();
      },
      (x) => x.text(200, textChunk('D') + DONE(), 'text/event-stream'),
    );
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe('ABCD');
    expect([header(1), header(2)]).toEqual(['a', 'a']);
  });

  it('an error chunk after text on a stream with ids is final: no resume', async () => {
    server().otherwise(async (x) => {
      x.sseHead();
      await x.write(storyEvent(0));
      await x.pause(5);
      await x.end(sse({ id: '2', data: { error: { message: 'Model crashed' } } }));
    });
    const { events, error } = await run();
    expect(asChatError(error)).toMatchObject({ kind: 'server', message: 'Model crashed' });
    expect(events).toEqual([{ type: 'delta', content: 'Once ' }]);
    expect(server().requests).toHaveLength(1);
  });
});
