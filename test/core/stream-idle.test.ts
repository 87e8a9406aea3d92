/**
 * The idle timeout counts only time spent waiting on the network: a consumer that holds an event is not a
 * stalled server, and every wait gets the whole `idleTimeoutMs`, however long ago an earlier one began.
 * Timers never fire early, so the lower bounds here hold on a loaded machine.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { streamChatCompletion } from '../../src/core/stream.js';
import type { ChatStreamEvent } from '../../src/core/types.js';
import { asChatError, DONE, REQUEST, textChunk, textOf } from '../support/sse-server.js';
import { withSseServer } from '../support/with-sse-server.js';

const { server, options } = withSseServer();

/** Streams the answer, holding the first delta for `holdMs`; records when each event and the error came. */
async function consume(idleTimeoutMs: number, holdMs = 0) {
  const events: ChatStreamEvent[] = [];
  const times: number[] = [];
  let error: unknown;
  let resumedAt = 0;
  try {
    for await (const event of streamChatCompletion(REQUEST, options({ idleTimeoutMs, retry: { maxRetries: 0 } }))) {
      events.push(event);
      times.push(performance.now());
      if (events.length === 1 && holdMs > 0) {
        await delay(holdMs);
        resumedAt = performance.now();
      }
    }
  } catch (caught) {
    error = caught;
  }
  return { events, times, error, resumedAt, endedAt: performance.now() };
}

describe('the idle timeout', { timeout: 10_000 }, () => {
  it('does not run while the consumer holds an event', async () => {
    server().reply(async (x) => {
      x.sseHead();
      await x.write(textChunk('a'));
      await x.pause(20);
      await x.end(textChunk('b') + DONE());
    });
    const { events, error } = await consume(100, 400);
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe('ab');
    expect(server().requests).toHaveLength(1);
  });

  it('gives a wait that starts after a long hold its whole idleTimeoutMs', async () => {
    server().reply(async (x) => {
      x.sseHead();
      await x.write(textChunk('a'));
      await x.stall();
    });
    const { events, error, resumedAt, endedAt } = await consume(150, 400);
    expect(asChatError(error).kind).toBe('timeout');
    expect(textOf(events)).toBe('a');
    expect(endedAt - resumedAt).toBeGreaterThanOrEqual(140);
  });

  it('gives a wait that starts while an earlier wait is being timed its whole idleTimeoutMs', async () => {
    server().reply(async (x) => {
      x.sseHead();
      await x.write(textChunk('a'));
      await x.pause(150);
      await x.write(textChunk('b'));
      await x.stall();
    });
    // A wide margin between the pause and the timeout: on a loaded CI machine the server's 150 ms pause once took
    // over 200 ms, and the first wait timed out before 'b' came.
    const { events, times, error, endedAt } = await consume(1_000);
    expect(asChatError(error).kind).toBe('timeout');
    expect(textOf(events)).toBe('ab');
    // 'b' came ~150 ms into the first wait's 1000 ms: the stall after it still gets 1000 ms of its own.
    expect(endedAt - times[1]!).toBeGreaterThanOrEqual(990);
  });
});
