import { describe, expect, it } from 'vitest';
import { chatReducer, initialChatState } from '../../src/core/chat-reducer.js';
import { ChatError } from '../../src/core/errors.js';
import { LiveParts } from '../../src/core/live-parts.js';
import { toChatMessage } from '../../src/core/messages.js';
import type { UpdateScheduler } from '../../src/core/frame-scheduler.js';
import { createChatService } from '../../src/core/service.js';
import { createScriptedFetch, settle, sse } from '../support/scripted-fetch.js';

const reasoning = (text: string) =>
  `data: ${JSON.stringify({ choices: [{ delta: { reasoning_content: text }, finish_reason: null }] })}\n\n`;
const text = (content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ choices: [{ delta: { content }, finish_reason: finish }] })}\n\n`;

describe('messages made of parts', () => {
  it('a message written with content alone gets its parts, and the reverse', () => {
    const seed = toChatMessage({
      id: 'a',
      role: 'assistant',
      content: 'Hi',
      reasoning: 'Greet',
      status: 'complete',
      createdAt: 0,
    });
    expect(seed.parts).toEqual([
      { type: 'reasoning', text: 'Greet' },
      { type: 'text', text: 'Hi' },
    ]);
    const fromParts = toChatMessage({
      id: 'b',
      role: 'assistant',
      parts: [
        { type: 'text', text: 'One ' },
        { type: 'source', url: 'https://example.com' },
        { type: 'text', text: 'two' },
      ],
      status: 'complete',
      createdAt: 0,
    });
    expect(fromParts.content).toBe('One two');
    expect(fromParts.reasoning).toBeUndefined();
  });

  it('live parts grow one part per kind of text, and a reasoning part learns how long it took', () => {
    let now = 1_000;
    const live = new LiveParts(() => now);
    live.append('reasoning', 'Let me ');
    live.append('reasoning', 'think.');
    const thinking = live.parts;
    now = 3_500;
    live.append('text', 'Answer');
    const [reasoningPart] = live.parts;
    expect(reasoningPart).toEqual({ type: 'reasoning', text: 'Let me think.', durationMs: 2_500 });
    expect(thinking).not.toBe(live.parts);
    const before = live.parts;
    live.append('text', '!');
    expect(live.parts[0]).toBe(before[0]);
    expect(live.parts[1]).toEqual({ type: 'text', text: 'Answer!' });
    live.close();
    expect(live.parts).toEqual([reasoningPart, { type: 'text', text: 'Answer!' }]);
  });

  it('the streaming message carries its live text; the finished one keeps its parts and the reasoning time', async () => {
    const server = createScriptedFetch();
    const soon: UpdateScheduler = (callback) => {
      queueMicrotask(callback);
      return () => {};
    };
    const service = createChatService({ fetch: server.fetch, endpoint: 'http://chat.test', scheduleUpdate: soon });
    const body = server.stream();
    service.send('Why?');
    await settle();
    body.push(reasoning('Because '));
    await settle();
    body.push(text('It is so.'));
    await settle();
    const live = service.getSnapshot().messages.at(-1);
    expect(live).toMatchObject({ status: 'streaming', content: 'It is so.', reasoning: 'Because ' });
    expect(live?.parts.map((part) => part.type)).toEqual(['reasoning', 'text']);
    expect(service.getSnapshot().streamingContent).toBe('It is so.');
    body.push(text('', 'stop'));
    body.end();
    await settle();
    const done = service.getSnapshot().messages.at(-1);
    expect(done).toMatchObject({ status: 'complete', content: 'It is so.' });
    expect(done?.parts[0]).toMatchObject({ type: 'reasoning', text: 'Because ' });
    expect((done?.parts[0] as { durationMs?: number }).durationMs).toBeGreaterThanOrEqual(0);
    expect(service.getSnapshot().streamingContent).toBe('');
  });

  it('a plain-content initial transcript is sent as it was written', async () => {
    const server = createScriptedFetch();
    server.reply(() => sse(text('ok', 'stop')));
    const service = createChatService({
      fetch: server.fetch,
      endpoint: 'http://chat.test',
      initialMessages: [{ id: 'u', role: 'user', content: 'Earlier', status: 'complete', createdAt: 0 }],
    });
    expect(service.getSnapshot().messages[0]?.parts).toEqual([{ type: 'text', text: 'Earlier' }]);
    service.send('Now');
    await settle();
    expect(server.requests[0]?.body.messages).toEqual([
      { role: 'user', content: 'Earlier' },
      { role: 'user', content: 'Now' },
    ]);
  });
});

describe('chatReducer', () => {
  const cut = new ChatError('network', 'cut');

  it('decides isConnected in one place: online and the last request reached the server', () => {
    let state = initialChatState([], true);
    expect(state.snapshot.isConnected).toBe(true);
    state = chatReducer(state, {
      type: 'retry',
      retryState: { attempt: 1, maxRetries: 3, nextRetryAt: 0, error: cut },
    });
    expect(state.snapshot.isConnected).toBe(false);
    state = chatReducer(state, { type: 'reached-server' });
    expect(state.snapshot).toMatchObject({ isConnected: true, isConnecting: false, retryState: null });
    state = chatReducer(state, { type: 'online', online: false });
    expect(state.snapshot.isConnected).toBe(false);
    state = chatReducer(state, { type: 'online', online: true });
    expect(state.snapshot.isConnected).toBe(true);
  });

  it('keeps the same snapshot when nothing a listener could see changed', () => {
    const state = initialChatState([], true);
    expect(chatReducer(state, { type: 'online', online: true }).snapshot).toBe(state.snapshot);
    expect(chatReducer(state, { type: 'dismiss-error' }).snapshot).toBe(state.snapshot);
  });
});
