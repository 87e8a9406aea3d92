import { describe, expect, it } from 'vitest';
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
    live.close(false);
    expect(live.parts).toEqual([reasoningPart, { type: 'text', text: 'Answer!' }]);
  });

  it('the streaming message carries its live text; the finished one keeps its parts and the reasoning time', async () => {
    const server = createScriptedFetch();
    const soon: UpdateScheduler = (callback) => {
      queueMicrotask(callback);
      return () => {};
    };
    let clock = 0;
    const service = createChatService({
      fetch: server.fetch,
      endpoint: 'http://chat.test',
      scheduleUpdate: soon,
      now: () => clock,
    });
    const body = server.stream();
    service.send('Why?');
    await settle();
    clock = 100;
    body.push(reasoning('Because '));
    await settle();
    clock = 2_600;
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
    // From its first reasoning token to the first answer token.
    expect((done?.parts[0] as { durationMs?: number }).durationMs).toBe(2_500);
    expect(service.getSnapshot().streamingContent).toBe('');
  });

  it("tool calls and sources become parts of the answer, after its text; invalid arguments are that call's error", async () => {
    const server = createScriptedFetch();
    // get_weather waits for the UI (no execute), so the answer pauses there instead of going on.
    const service = createChatService({
      fetch: server.fetch,
      endpoint: 'http://chat.test',
      tools: { get_weather: {} },
    });
    const call = (index: number, fields: Record<string, unknown>) =>
      `data: ${JSON.stringify({ choices: [{ delta: { tool_calls: [{ index, ...fields }] }, finish_reason: null }] })}\n\n`;
    server.reply(() =>
      sse(
        text('Checking. '),
        call(0, { id: 'call_a', function: { name: 'get_weather', arguments: '{"city":' } }),
        call(0, { function: { arguments: '"Paris"}' } }),
        call(1, { id: 'call_b', function: { name: 'get_time', arguments: '{not json' } }),
        `data: ${JSON.stringify({ choices: [], citations: ['https://example.com/weather'] })}\n\n`,
        text('', 'tool_calls'),
        'data: [DONE]\n\n',
      ),
    );
    service.send('Weather?');
    await settle();
    const answer = service.getSnapshot().messages.at(-1);
    expect(answer?.status).toBe('complete');
    expect(answer?.content).toBe('Checking. ');
    expect(answer?.parts).toEqual([
      { type: 'text', text: 'Checking. ' },
      {
        type: 'tool-call',
        toolCallId: 'call_a',
        toolName: 'get_weather',
        argsText: '{"city":"Paris"}',
        args: { city: 'Paris' },
        state: 'awaiting-result',
        step: 0,
      },
      {
        type: 'tool-call',
        toolCallId: 'call_b',
        toolName: 'get_time',
        argsText: '{not json',
        state: 'error',
        errorText: 'The arguments are not valid JSON: {not json',
        step: 0,
      },
      { type: 'source', url: 'https://example.com/weather' },
    ]);
  });

  it('a tool call that streams first still ends "connecting"', async () => {
    const server = createScriptedFetch();
    const body = server.stream();
    const service = createChatService({ fetch: server.fetch, endpoint: 'http://chat.test' });
    service.send('Time?');
    await settle();
    expect(service.getSnapshot().isConnecting).toBe(true);
    body.push(
      `data: ${JSON.stringify({ choices: [{ delta: { tool_calls: [{ index: 0, id: 'c', function: { name: 'now', arguments: '' } }] } }] })}\n\n`,
    );
    await settle();
    expect(service.getSnapshot().isConnecting).toBe(false);
    expect(service.getSnapshot().messages.at(-1)?.parts).toEqual([
      { type: 'tool-call', toolCallId: 'c', toolName: 'now', argsText: '', state: 'streaming-args', step: 0 },
    ]);
  });

  it('a citation in the middle of the answer does not split its text; sources stay last', () => {
    const live = new LiveParts(() => 0);
    live.append('text', 'One ');
    live.source({ url: 'https://example.com/a' });
    live.append('text', 'two.');
    expect(live.parts).toEqual([
      { type: 'text', text: 'One two.' },
      { type: 'source', url: 'https://example.com/a' },
    ]);
  });

  it('a call whose arguments were still streaming when the answer stopped says it did not complete', async () => {
    const server = createScriptedFetch();
    const body = server.stream();
    const service = createChatService({ fetch: server.fetch, endpoint: 'http://chat.test' });
    service.send('Time?');
    await settle();
    body.push(
      `data: ${JSON.stringify({ choices: [{ delta: { tool_calls: [{ index: 0, id: 'c', function: { name: 'now', arguments: '{"tz":' } }] } }] })}\n\n`,
    );
    await settle();
    service.stop();
    const answer = service.getSnapshot().messages.at(-1);
    expect(answer?.status).toBe('stopped');
    expect(answer?.parts).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'c',
        toolName: 'now',
        argsText: '{"tz":',
        state: 'error',
        errorText: 'The answer ended before this call was complete.',
        step: 0,
      },
    ]);
  });

  it('a scheduler that runs updates at once (batching off) shows every token', async () => {
    const server = createScriptedFetch();
    const body = server.stream();
    const service = createChatService({
      fetch: server.fetch,
      endpoint: 'http://chat.test',
      scheduleUpdate: (callback) => {
        callback();
        return () => {};
      },
    });
    service.send('Count');
    await settle();
    for (const word of ['one', ' two', ' three']) {
      body.push(text(word));
      await settle();
      expect(service.getSnapshot().streamingContent.endsWith(word)).toBe(true);
    }
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
