import { expect, it } from 'vitest';
import type { ChatMessage } from '../../src/core/messages.js';
import { createChatService, type ChatServiceOptions } from '../../src/core/service.js';
import { idle, until } from '../support/loopback-chat.js';
import { chunk, DONE, sse } from '../support/sse-server.js';
import { pacedAnswer, pieces, withRelay } from './support/relay-server.js';

const relayed = withRelay();

/** A page: a chat service whose connections all die with it (a reload sends no stop). */
function page(options: ChatServiceOptions = {}) {
  const gone = new AbortController();
  let saved: { messages: ChatMessage[] } = { messages: [] };
  let n = 0;
  const service = createChatService({
    endpoint: relayed.server.url,
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
  relayed.upstream.reply(pacedAnswer(pieces(20), 5));
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
  relayed.upstream.reply(pacedAnswer(pieces(60), 5));
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
  expect(relayed.upstream.requests).toHaveLength(1);
  expect(relayed.requests.map((r) => r.method)).not.toContain('DELETE');
  second.detach();
});

it('attached, detached and attached again at once (StrictMode) still finishes the answer', async () => {
  relayed.upstream.reply(pacedAnswer(pieces(30), 5));
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
  expect(relayed.requests.map((r) => r.method)).not.toContain('DELETE');
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
  expect(relayed.upstream.requests).toHaveLength(0);

  relayed.upstream.reply(pacedAnswer(['Hello ', 'again'], 1));
  chat.service.retry();
  const retried = await idle(chat.service);
  expect(retried.messages.at(-1)?.content).toBe('Hello again');
  chat.detach();
});

it('a continuation keeps no stream id: its relay stream holds only the new words, not the answer', async () => {
  relayed.upstream.reply(
    async (x) => {
      x.sseHead();
      await x.write(sse({ data: chunk({ content: 'First part. ' }) }));
      await x.write(sse({ data: chunk({ finish_reason: 'length' }) }));
      await x.end(DONE());
    },
    pacedAnswer(pieces(30), 5),
  );
  const chat = page();
  chat.service.send('Hi');
  await until(chat.service, (s) => s.messages.at(-1)?.finishReason === 'length');
  const first = lastAnswer(chat.saved());
  expect(first?.streamId).toMatch(/^[\w-]{22}$/);
  chat.service.continueAnswer();
  await until(chat.service, (s) => (s.messages.at(-1)?.content ?? '').includes('w3 '));
  expect(lastAnswer(chat.saved())?.streamId).toBeUndefined();
  await idle(chat.service);
  chat.detach();
});
