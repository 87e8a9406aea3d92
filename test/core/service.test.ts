import { describe, expect, it, vi } from 'vitest';
import type { UpdateScheduler } from '../../src/core/frame-scheduler.js';
import { CONTINUE_PROMPT } from '../../src/core/request.js';
import { createChatService, type ChatServiceOptions } from '../../src/core/service.js';
import { answer, createScriptedFetch, delta, settle, sse } from '../support/scripted-fetch.js';

/** Flushes text updates on the next microtask, so tests see them without waiting for frames. */
const soon: UpdateScheduler = (callback) => {
  let live = true;
  queueMicrotask(() => live && callback());
  return () => {
    live = false;
  };
};

function setup(options: ChatServiceOptions = {}) {
  const server = createScriptedFetch();
  let n = 0;
  const service = createChatService({
    fetch: server.fetch,
    endpoint: 'http://chat.test/v1',
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    generateId: () => `m${++n}`,
    scheduleUpdate: soon,
    ...options,
  });
  return { service, server, state: () => service.getSnapshot() };
}

describe('createChatService', () => {
  it('shows the user message at once, streams the answer, then completes it', async () => {
    const { service, server, state } = setup();
    const body = server.stream();
    expect(service.send('Hello')).toBe(true);
    expect(state().messages.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'Hello', 'complete'],
      ['assistant', '', 'streaming'],
    ]);
    expect(state()).toMatchObject({ isStreaming: true, isConnecting: true, streamingMessageId: 'm2' });

    await settle();
    body.push(delta('Hi'));
    await settle();
    expect(state()).toMatchObject({ isConnecting: false, streamingContent: 'Hi' });
    body.push(delta(' there', 'stop'));
    body.end();
    await settle();

    expect(state()).toMatchObject({ isStreaming: false, streamingContent: '', streamingMessageId: null, error: null });
    expect(state().messages[1]).toMatchObject({ role: 'assistant', content: 'Hi there', status: 'complete' });
  });

  it('sends the history, model, temperature and max_tokens, leaving failed answers out', async () => {
    const { service, server } = setup({ model: 'gpt-test', temperature: 0.2, maxTokens: 64 });
    server.reply(
      () =>
        new Response('{"error":{"message":"nope"}}', { status: 400, headers: { 'content-type': 'application/json' } }),
    );
    service.send('first');
    await settle();
    server.reply(() => answer('ok'));
    service.send('second');
    await settle();
    expect(server.requests[1]?.body).toEqual({
      messages: [
        { role: 'user', content: 'first' },
        { role: 'user', content: 'second' },
      ],
      model: 'gpt-test',
      temperature: 0.2,
      max_tokens: 64,
      stream: true,
    });
  });

  it('batches streaming text into one update per scheduled frame', async () => {
    const frames: (() => void)[] = [];
    const { service, server, state } = setup({
      scheduleUpdate: (callback) => {
        frames.push(callback);
        return () => frames.splice(frames.indexOf(callback), 1);
      },
    });
    const body = server.stream();
    service.send('count');
    await settle();
    body.push(delta('0'));
    await settle();
    const listener = vi.fn();
    service.subscribe(listener);
    for (let i = 1; i <= 50; i += 1) {
      body.push(delta(` ${i}`));
      await settle(2);
    }
    expect(listener).not.toHaveBeenCalled();
    expect(frames).toHaveLength(1);
    frames[0]?.();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(state().streamingContent).toBe(['0', ...Array.from({ length: 50 }, (_, i) => ` ${i + 1}`)].join(''));
  });

  it('keeps finished messages as the same objects while a new answer streams', async () => {
    const { service, server, state } = setup();
    server.reply(() => answer('one'));
    service.send('a');
    await settle();
    const [firstUser, firstAnswer] = state().messages;
    const body = server.stream();
    service.send('b');
    await settle();
    body.push(delta('tw'));
    await settle();
    body.push(delta('o'));
    await settle();
    expect(state().messages[0]).toBe(firstUser);
    expect(state().messages[1]).toBe(firstAnswer);
  });

  it('stop keeps the partial answer as stopped, closes the request and shows no error', async () => {
    const { service, server, state } = setup();
    const body = server.stream();
    service.send('long story');
    await settle();
    body.push(delta('Once upon'));
    await settle();
    service.stop();
    expect(state().messages[1]).toMatchObject({ content: 'Once upon', status: 'stopped' });
    expect(state()).toMatchObject({ isStreaming: false, error: null });
    await settle();
    expect(body.aborted).toBe(true);
  });

  it('send while an answer streams stops that answer and sends the new message', async () => {
    const { service, server, state } = setup();
    const first = server.stream();
    service.send('first');
    await settle();
    first.push(delta('partial'));
    await settle();
    server.reply(() => answer('second answer'));
    service.send('second');
    await settle();
    expect(first.aborted).toBe(true);
    expect(state().messages.map((m) => [m.content, m.status])).toEqual([
      ['first', 'complete'],
      ['partial', 'stopped'],
      ['second', 'complete'],
      ['second answer', 'complete'],
    ]);
    expect(server.requests[1]?.body.messages).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'partial' },
      { role: 'user', content: 'second' },
    ]);
  });

  it('marks an answer cut mid-stream as interrupted, keeps its text, and retry replaces it', async () => {
    const { service, server, state } = setup();
    const body = server.stream();
    service.send('tell me');
    await settle();
    body.push(delta('half an ans'));
    await settle();
    body.fail();
    await settle();
    expect(state().messages[1]).toMatchObject({ content: 'half an ans', status: 'interrupted' });
    expect(state().error?.kind).toBe('network');
    expect(state().isConnected).toBe(false);

    server.reply(() => answer('a whole answer'));
    service.retry();
    await settle();
    expect(state().messages.map((m) => [m.content, m.status])).toEqual([
      ['tell me', 'complete'],
      ['a whole answer', 'complete'],
    ]);
    expect(state()).toMatchObject({ error: null, isConnected: true });
  });

  it('keeps the user message when the send fails, with an error answer that retry replaces', async () => {
    const { service, server, state } = setup();
    server.reply(
      () =>
        new Response('{"message":"model not found"}', { status: 404, headers: { 'content-type': 'application/json' } }),
    );
    service.send('hello?');
    await settle();
    expect(state().messages.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'hello?', 'complete'],
      ['assistant', '', 'error'],
    ]);
    expect(state().error).toMatchObject({ kind: 'client', message: 'model not found', retryable: false });
    service.dismissError();
    expect(state().error).toBeNull();
    server.reply(() => answer('found it'));
    service.retry();
    await settle();
    expect(state().messages.map((m) => m.content)).toEqual(['hello?', 'found it']);
  });

  it('shows each automatic retry with its attempt and deadline', async () => {
    const { service, server, state } = setup({ retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const seen: unknown[] = [];
    service.subscribe(() => {
      const { retryState, isConnecting, isConnected } = state();
      if (retryState) seen.push({ attempt: retryState.attempt, max: retryState.maxRetries, isConnecting, isConnected });
    });
    server.reply(() => Promise.reject(new TypeError('fetch failed')));
    server.reply(() => answer('back'));
    service.send('hi');
    await settle();
    expect(seen[0]).toEqual({ attempt: 1, max: 2, isConnecting: true, isConnected: false });
    expect(state()).toMatchObject({ retryState: null, isConnected: true, error: null });
    expect(state().messages[1]).toMatchObject({ content: 'back', status: 'complete' });
    expect(state().metrics?.retries).toBe(1);
  });

  it('collects insights and suggestions by id, unless optimization is off', async () => {
    const insight = { id: 'i1', kind: 'tip', title: 'Be specific', description: 'Name the language.' };
    const events = [
      `event: insight\ndata: ${JSON.stringify(insight)}\n\n`,
      `event: insight\ndata: ${JSON.stringify({ ...insight, title: 'Be more specific' })}\n\n`,
      `event: suggestion\ndata: ${JSON.stringify({ id: 's1', title: 'Add tests', content: 'Write a test first.' })}\n\n`,
      delta('ok', 'stop'),
    ];
    const on = setup();
    on.server.reply(() => sse(...events));
    on.service.send('q');
    await settle();
    expect(on.state().insights).toEqual([{ ...insight, title: 'Be more specific' }]);
    expect(on.state().suggestions.map((s) => s.id)).toEqual(['s1']);

    const off = setup({ enableOptimization: false });
    off.server.reply(() => sse(...events));
    off.service.send('q');
    await settle();
    expect(off.state().insights).toEqual([]);
    expect(off.state().suggestions).toEqual([]);
  });

  it("drops the last answer's follow-up suggestions when the next answer starts, and keeps the insights", async () => {
    const insight = { id: 'i1', kind: 'tip', title: 'Be specific', description: 'Name the language.' };
    const { server, service, state } = setup();
    server.reply(() =>
      sse(
        `event: insight\ndata: ${JSON.stringify(insight)}\n\n`,
        `event: suggestion\ndata: ${JSON.stringify({ id: 's1', title: 'Add tests', content: 'Write a test first.' })}\n\n`,
        delta('ok', 'stop'),
      ),
    );
    service.send('q');
    await settle();
    expect(state().suggestions).toHaveLength(1);
    server.reply(() => sse(delta('a plain answer', 'stop')));
    service.send('next');
    expect(state().suggestions).toEqual([]);
    await settle();
    expect(state().suggestions).toEqual([]);
    expect(state().insights).toEqual([insight]);
  });

  it('measures each answer by its clock, keeps its usage and finish reason, and reports it to onMetrics', async () => {
    const onMetrics = vi.fn();
    let clock = 1_000;
    const { service, server, state } = setup({ onMetrics, now: () => clock });
    const body = server.stream();
    service.send('hi');
    await settle();
    clock = 1_250;
    body.push(delta('Hello'));
    await settle();
    clock = 2_250;
    body.push(delta(' world', 'stop'));
    body.push('data: {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}\n\n');
    body.end();
    await settle();
    const usage = { promptTokens: 3, completionTokens: 2, totalTokens: 5 };
    const metrics = state().metrics;
    expect(metrics).toEqual({
      timeToFirstTokenMs: 250,
      durationMs: 1_250,
      chunks: 2,
      characters: 11,
      usage,
      // Two tokens in the second from the first token to the end.
      tokensPerSecond: 2,
      retries: 0,
      usedFallback: false,
    });
    expect(state().messages[1]).toMatchObject({ usage, finishReason: 'stop', metrics, createdAt: 1_000 });
    expect(onMetrics).toHaveBeenCalledWith(metrics, state().messages[1]);

    // Without a callback the metrics are still recorded, for the UI.
    const other = setup();
    other.server.reply(() => answer('x'));
    other.service.send('hi');
    await settle();
    expect(other.state().metrics).toMatchObject({ characters: 1, usage: null, tokensPerSecond: null });
  });

  it('an answer cut by its length limit says so, and Continue appends what the model writes next to it', async () => {
    const usage = (prompt: number, completion: number) =>
      `data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: prompt, completion_tokens: completion } })}\n\n`;
    const { service, server, state } = setup({ maxTokens: 3 });
    server.reply(() => sse(delta('Once upon a', 'length'), usage(4, 3), 'data: [DONE]\n\n'));
    service.send('Tell me a story');
    await settle();
    const cut = state().messages[1];
    expect(cut).toMatchObject({ status: 'complete', content: 'Once upon a', finishReason: 'length' });

    server.reply(() => sse(delta(' time.', 'stop'), usage(9, 2), 'data: [DONE]\n\n'));
    expect(service.continueAnswer()).toBe(true);
    await settle();
    expect(server.requests[1]?.body.messages).toEqual([
      { role: 'user', content: 'Tell me a story' },
      { role: 'assistant', content: 'Once upon a' },
      { role: 'user', content: CONTINUE_PROMPT },
    ]);
    expect(state().messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(state().messages[1]).toMatchObject({
      status: 'complete',
      content: 'Once upon a time.',
      finishReason: 'stop',
      usage: { promptTokens: 13, completionTokens: 5, totalTokens: 18 },
    });
    // Not while an answer streams; a stopped answer goes on.
    server.reply(() => answer('Another one.'));
    service.send('Another');
    expect(service.continueAnswer()).toBe(false);
    await settle();
    service.edit('m3', 'Another, shorter');
    service.stop();
    expect(state().messages.at(-1)).toMatchObject({ role: 'assistant', status: 'stopped' });
    server.reply(() => answer(' More.'));
    expect(service.continueAnswer()).toBe(true);
    await settle();
    expect(state().messages.at(-1)?.content).toBe(' More.');
  });

  it('keeps a content filter as the reason an answer ended', async () => {
    const { service, server, state } = setup();
    server.reply(() => sse(delta('I can', 'content_filter'), 'data: [DONE]\n\n'));
    service.send('Something risky');
    await settle();
    expect(state().messages[1]).toMatchObject({ status: 'complete', finishReason: 'content_filter' });
  });

  it('records that the non-streaming fallback served the answer', async () => {
    const { service, server, state } = setup({ retry: { maxRetries: 0 } });
    server.reply(() => new Response('down', { status: 503 }));
    server.reply(() => Response.json({ choices: [{ message: { content: 'from fallback' }, finish_reason: 'stop' }] }));
    service.send('hi');
    await settle();
    expect(server.requests[1]?.body.stream).toBe(false);
    expect(state().messages[1]).toMatchObject({ content: 'from fallback', status: 'complete' });
    expect(state().metrics?.usedFallback).toBe(true);
  });

  it('regenerate shows a new last answer in place of the old (kept a branch away); clear empties everything and stops', async () => {
    const { service, server, state } = setup();
    server.reply(() => answer('first try'));
    service.send('q');
    await settle();
    server.reply(() => answer('second try'));
    service.regenerate();
    await settle();
    expect(state().messages.map((m) => m.content)).toEqual(['q', 'second try']);
    expect(server.requests[1]?.body.messages).toEqual([{ role: 'user', content: 'q' }]);

    const body = server.stream();
    service.send('more');
    await settle();
    service.clear();
    await settle();
    expect(body.aborted).toBe(true);
    expect(state()).toMatchObject({ messages: [], insights: [], isStreaming: false, error: null });
  });

  it('ignores blank sends, and retry when nothing failed', async () => {
    const { service, server, state } = setup();
    expect(service.send('   ')).toBe(false);
    service.retry();
    expect(server.requests).toHaveLength(0);
    expect(state().messages).toEqual([]);
  });
});
