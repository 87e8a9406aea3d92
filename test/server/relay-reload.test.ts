import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/core/messages.js';
import { createChatService, type ChatServiceOptions } from '../../src/core/service.js';
import { createChatRelay, memoryStore, type ChatRelay } from '../../src/server/index.js';
import { idle, until } from '../support/loopback-chat.js';
import { chunk, DONE, sse, startSseServer, textChunk, type Handler, type SseServer } from '../support/sse-server.js';
import { serveHandler, type RelayServer } from './support/relay-server.js';

/** The chat service behind the relay: a page reloaded mid-answer finishes the answer from the relay, once. */

const pacedAnswer =
  (pieces: string[], gapMs = 5): Handler =>
  async (x) => {
    x.sseHead();
    for (const piece of pieces) {
      if (x.isClosed()) return;
      await x.write(textChunk(piece));
      await x.pause(gapMs);
    }
    await x.write(sse({ data: chunk({ finish_reason: 'stop' }) }));
    await x.end(DONE());
  };
const pieces = (n: number) => Array.from({ length: n }, (_, i) => `w${i} `);

let upstream: SseServer;
let relay: ChatRelay;
let server: RelayServer;
const methods: string[] = [];

beforeEach(async () => {
  upstream = await startSseServer();
  relay = createChatRelay({ upstream: { url: upstream.url }, store: memoryStore() });
  methods.length = 0;
  server = await serveHandler((request) => {
    methods.push(request.method);
    return relay.handle(request);
  });
});
afterEach(async () => {
  await server.close();
  await relay.close();
  await upstream.close();
  expect(upstream.handlerErrors).toEqual([]);
});

/** A page: a chat service whose connections all die with it (a reload sends no stop). */
function page(options: ChatServiceOptions = {}) {
  const gone = new AbortController();
  let saved: { messages: ChatMessage[] } = { messages: [] };
  let n = 0;
  const service = createChatService({
    endpoint: server.url,
    retry: { maxRetries: 0 },
    idleTimeoutMs: 2000,
    generateId: () => `p${Math.random().toString(36).slice(2)}${++n}`,
    scheduleUpdate: (callback) => {
      queueMicrotask(callback);
      return () => {};
    },
    fetch: (input, init) =>
      fetch(input, {
        ...init,
        signal: AbortSignal.any([init?.signal, gone.signal].filter((s) => s !== undefined && s !== null)),
      }),
    onMessagesChange: (messages) => {
      saved = { messages: [...messages] };
    },
    ...options,
  });
  const detach = service.attach();
  return { service, saved: () => saved.messages, reload: () => gone.abort(), detach };
}

const lastAnswer = (messages: readonly ChatMessage[]) => messages.findLast((m) => m.role === 'assistant');

it('saves the relay stream id with the streaming answer', async () => {
  upstream.reply(pacedAnswer(pieces(20), 5));
  const first = page();
  first.service.send('Hi');
  await until(first.service, (s) => (s.messages.at(-1)?.content ?? '').includes('w2 '));
  const answer = lastAnswer(first.saved());
  expect(answer?.status).toBe('streaming');
  expect(answer?.streamId).toMatch(/^[\w-]{22}$/);
  await idle(first.service);
  first.detach();
});

it('a chat restored mid-answer reads it again from the relay on attach and ends with the whole answer, once', async () => {
  upstream.reply(pacedAnswer(pieces(60), 5));
  const first = page();
  first.service.send('Hi');
  await until(first.service, (s) => (s.messages.at(-1)?.content ?? '').includes('w5 '));
  const saved = first.saved();
  first.reload();

  const second = page({ initialMessages: saved });
  await until(second.service, (s) => s.isStreaming);
  const done = await idle(second.service);
  const answer = done.messages.at(-1);
  expect(answer?.status).toBe('complete');
  expect(answer?.content).toBe(pieces(60).join(''));
  expect(upstream.requests).toHaveLength(1);
  expect(methods).not.toContain('DELETE');
  second.detach();
});

it('attached, detached and attached again at once (StrictMode) still finishes the answer', async () => {
  upstream.reply(pacedAnswer(pieces(30), 5));
  const first = page();
  first.service.send('Hi');
  await until(first.service, (s) => (s.messages.at(-1)?.content ?? '').includes('w3 '));
  const saved = first.saved();
  first.reload();

  const second = page({ initialMessages: saved });
  second.detach();
  const again = second.service.attach();
  await until(second.service, (s) => s.isStreaming);
  const done = await idle(second.service);
  expect(done.messages.at(-1)?.content).toBe(pieces(30).join(''));
  expect(methods).not.toContain('DELETE');
  again();
});

it('an answer the relay no longer keeps says so, keeps its text and offers Retry, which asks anew', async () => {
  const restored: ChatMessage[] = [
    {
      id: 'u1',
      role: 'user',
      content: 'Hi',
      parts: [{ type: 'text', text: 'Hi' }],
      status: 'complete',
      createdAt: 1,
      parentId: null,
    },
    {
      id: 'a1',
      role: 'assistant',
      content: 'Half an',
      parts: [{ type: 'text', text: 'Half an' }],
      status: 'streaming',
      createdAt: 2,
      parentId: 'u1',
      streamId: 'B'.repeat(22),
    },
  ];
  const chat = page({ initialMessages: restored });
  const ended = await until(chat.service, (s) => s.messages.at(-1)?.status === 'error');
  const answer = ended.messages.at(-1);
  expect(answer?.content).toBe('Half an');
  expect(answer?.error?.message).toBe('This answer is no longer available.');
  expect(upstream.requests).toHaveLength(0);

  upstream.reply(pacedAnswer(['Hello ', 'again'], 1));
  chat.service.retry();
  const retried = await idle(chat.service);
  expect(retried.messages.at(-1)?.content).toBe('Hello again');
  chat.detach();
});
