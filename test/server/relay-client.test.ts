import { setTimeout as delay } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { streamChatCompletion, type StreamOptions } from '../../src/core/stream.js';
import { asChatError, chunk, drain, FAST_RETRY, REQUEST, sse, textChunk, textOf } from '../support/sse-server.js';
import { pacedAnswer, pieces, serveHandler, withRelay } from './support/relay-server.js';

const relayed = withRelay();

const options = (extra: StreamOptions = {}): StreamOptions => ({
  endpoint: relayed.server.url,
  retry: FAST_RETRY,
  idleTimeoutMs: 2000,
  getToken: () => 'alice',
  ...extra,
});

it('names the relay stream of the answer before its text', async () => {
  relayed.upstream.reply(pacedAnswer(pieces(3)));
  const { events, error } = await drain(streamChatCompletion(REQUEST, options()));
  expect(error).toBeUndefined();
  expect(events[0]).toEqual({ type: 'stream', streamId: expect.stringMatching(/^[\w-]{22}$/) });
  expect(textOf(events)).toBe(pieces(3).join(''));
});

it('stop aborts at once and tells the relay, which stops the upstream', async () => {
  relayed.upstream.reply(pacedAnswer(pieces(500), 20));
  const controller = new AbortController();
  const stream = streamChatCompletion(REQUEST, options({ signal: controller.signal }));
  let streamId = '';
  const outcome = drain(
    (async function* () {
      for await (const event of stream) {
        if (event.type === 'stream') streamId = event.streamId;
        if (event.type === 'delta' && event.content === 'w2 ') controller.abort();
        yield event;
      }
    })(),
  );
  expect(asChatError((await outcome).error).kind).toBe('aborted');
  await relayed.upstream.requests[0]?.closed;
  expect(relayed.upstream.requests[0]?.closedByClient).toBe(true);
  const stop = relayed.requests.find((r) => r.method === 'DELETE');
  expect(stop?.headers.get('x-chat-stream')).toBe(streamId);
  expect(stop?.headers.get('authorization')).toBe('Bearer alice');
});

it('sends no stop request for an answer that was not relayed', async () => {
  const controller = new AbortController();
  relayed.upstream.reply(pacedAnswer(pieces(100), 20));
  const direct = streamChatCompletion(REQUEST, {
    ...options({ signal: controller.signal }),
    endpoint: relayed.upstream.url,
  });
  for await (const event of direct) if (event.type === 'delta') break;
  controller.abort();
  expect(relayed.upstream.requests.map((r) => r.method)).toEqual(['POST']);
});

it('resumeStream reads a relayed answer again from its first event (a reload)', async () => {
  relayed.upstream.reply(pacedAnswer(pieces(30), 3));
  const first = streamChatCompletion(REQUEST, options());
  let streamId = '';
  for await (const event of first) {
    if (event.type === 'stream') streamId = event.streamId;
    if (event.type === 'delta' && event.content === 'w4 ') break;
  }
  const { events, error } = await drain(streamChatCompletion(REQUEST, options({ resumeStream: streamId })));
  expect(error).toBeUndefined();
  expect(textOf(events)).toBe(pieces(30).join(''));
  expect(relayed.requests.at(-1)?.headers.get('x-chat-stream')).toBe(streamId);
  expect(relayed.requests.at(-1)?.headers.has('last-event-id')).toBe(false);
  expect(relayed.upstream.requests).toHaveLength(1);
});

it('an answer the relay no longer has is a clear error, not a new answer', async () => {
  const { error } = await drain(streamChatCompletion(REQUEST, options({ resumeStream: 'A'.repeat(22) })));
  expect(asChatError(error)).toMatchObject({ kind: 'client', status: 404 });
  expect(asChatError(error).message).toBe('This answer is no longer available.');
  expect(relayed.upstream.requests).toHaveLength(0);
});

it('a cut upstream ends the answer as a network cut after its text, with no retry that would pay again', async () => {
  relayed.upstream.reply(async (x) => {
    x.sseHead();
    await x.write(textChunk('half an answer'));
    await x.pause(20);
    x.destroy();
  });
  const { events, error } = await drain(streamChatCompletion(REQUEST, options()));
  expect(textOf(events)).toBe('half an answer');
  expect(asChatError(error).kind).toBe('network');
  expect(events.some((e) => e.type === 'retry')).toBe(false);
  expect(relayed.upstream.requests).toHaveLength(1);
});

it('a relayed answer cut before its first event is read again from its start, not asked anew', async () => {
  relayed.upstream.reply(pacedAnswer(pieces(10), 3));
  await relayed.server.close();
  let cut = false;
  relayed.server = await serveHandler(async (request) => {
    relayed.requests.push(request.clone());
    const response = await relayed.relay.handle(request);
    if (cut || !response.body) return response;
    cut = true;
    // The relay's first bytes (a comment) go through; the response ends before the first event.
    let pieces = 0;
    const beforeFirstEvent = new TransformStream<Uint8Array, Uint8Array>({
      async transform(piece, controller) {
        if (pieces++ === 0 && new TextDecoder().decode(piece).startsWith(':')) return controller.enqueue(piece);
        await delay(20);
        controller.terminate();
      },
    });
    return new Response(response.body.pipeThrough(beforeFirstEvent), response);
  });
  const { events, error } = await drain(streamChatCompletion(REQUEST, options()));
  expect(error).toBeUndefined();
  expect(textOf(events)).toBe(pieces(10).join(''));
  expect(relayed.requests.at(-1)?.headers.get('x-chat-stream')).toMatch(/^[\w-]{22}$/);
  expect(relayed.upstream.requests).toHaveLength(1);
});

it('a relayed answer whose producer was lost before any text is asked anew, not resumed into the same end', async () => {
  relayed.upstream.reply(
    async (x) => {
      x.sseHead();
      await x.write(sse({ data: chunk({ role: 'assistant', content: '' }) }));
      await x.pause(20);
      x.destroy();
    },
    pacedAnswer(pieces(5), 2),
  );
  const { events, error } = await drain(streamChatCompletion(REQUEST, options()));
  expect(error).toBeUndefined();
  expect(textOf(events)).toBe(pieces(5).join(''));
  expect(relayed.requests.filter((r) => r.method === 'POST').map((r) => r.headers.has('last-event-id'))).toEqual([
    false,
    false,
  ]);
});
