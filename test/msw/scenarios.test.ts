import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatError } from '../../src/core/errors.js';
import type { UpdateScheduler } from '../../src/core/frame-scheduler.js';
import type { ChatMessage, ToolCallPart } from '../../src/core/messages.js';
import { createChatService, type ChatServiceOptions, type ChatSnapshot } from '../../src/core/service.js';
import { streamChatCompletion, type StreamOptions } from '../../src/core/stream.js';
import { idle } from '../support/loopback-chat.js';
import type { ChatStreamEvent } from '../../src/core/types.js';
import {
  chatScenarioAnswer,
  chatScenarioContent,
  chatScenarioHandler,
  chatScenarios,
  createScenarioResponder,
  type ChatScenarioName,
  type ScenarioOptions,
} from '../../src/msw/index.js';
import { tokenize } from '../../src/msw/content.js';

/*
 * Every scenario drives the real client (src/core) through MSW's Node interceptor, in deterministic mode,
 * and checks the end state a user would see.
 */

const ENDPOINT = 'http://chat.test/api/v2/chat/completions/';
const RETRY = { baseDelayMs: 1, maxDelayMs: 2 };
/** What the first 12 chunks of the default answer say: where cuts, malformed and error chunks and stalls strike. */
const PARTIAL = tokenize(chatScenarioContent.answer).slice(0, 12).join('');

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function serveScenario(name: ChatScenarioName, options: ScenarioOptions = {}): void {
  server.resetHandlers(chatScenarioHandler(name, { deterministic: true, endpoint: ENDPOINT, ...options }));
}

interface Sent {
  headers: Headers;
  body: Record<string, unknown>;
}

/** A `fetch` that records what the client sent, then lets MSW answer. */
function recordingFetch(): { sent: Sent[]; fetch: typeof globalThis.fetch } {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = (input, init = {}) => {
    sent.push({ headers: new Headers(init.headers), body: JSON.parse(String(init.body)) as Record<string, unknown> });
    return globalThis.fetch(input, init);
  };
  return { sent, fetch };
}

/** Flushes text updates on the next microtask. */
const soon: UpdateScheduler = (callback) => {
  let live = true;
  queueMicrotask(() => live && callback());
  return () => {
    live = false;
  };
};

/** Sends "Hello" with the chat service and waits until the answer has ended. */
async function chat(name: ChatScenarioName, options: ScenarioOptions = {}, serviceOptions: ChatServiceOptions = {}) {
  serveScenario(name, options);
  const { sent, fetch } = recordingFetch();
  let n = 0;
  const service = createChatService({
    endpoint: ENDPOINT,
    fetch,
    retry: RETRY,
    generateId: () => `m${++n}`,
    scheduleUpdate: soon,
    ...serviceOptions,
  });
  service.send('Hello');
  const snapshot = await idle(service);
  const last = (s: ChatSnapshot) => s.messages.at(-1) as ChatMessage;
  return { service, sent, snapshot, answer: last(snapshot), last: () => last(service.getSnapshot()) };
}

/** Streams one answer with the transport alone, collecting its events and the error it ends with. */
async function stream(name: ChatScenarioName, options: ScenarioOptions = {}, streamOptions: StreamOptions = {}) {
  serveScenario(name, options);
  const { sent, fetch } = recordingFetch();
  const events: ChatStreamEvent[] = [];
  let error: ChatError | undefined;
  const request = { model: 'deepseek-chat', messages: [{ role: 'user' as const, content: 'Hello' }] };
  try {
    for await (const event of streamChatCompletion(request, {
      endpoint: ENDPOINT,
      fetch,
      retry: RETRY,
      ...streamOptions,
    })) {
      events.push(event);
    }
  } catch (caught) {
    error = caught as ChatError;
  }
  const text = (type: 'delta' | 'reasoning') => events.flatMap((e) => (e.type === type ? [e.content] : [])).join('');
  return { events, error, sent, content: text('delta'), reasoning: text('reasoning') };
}

const retries = (events: ChatStreamEvent[]) => events.filter((e) => e.type === 'retry');

const callsOf = (message: ChatMessage): ToolCallPart[] =>
  message.parts.filter((part): part is ToolCallPart => part.type === 'tool-call');

/** The scenarios' tools as a host would run them: the weather throws for cities it does not know. */
const tools = {
  get_weather: {
    ...chatScenarioContent.tools.get_weather,
    execute: ({ city }: { city: string }) => {
      if (city !== 'Paris') throw new Error(`No weather station knows "${city}".`);
      return { celsius: 18, sky: 'partly cloudy' };
    },
  },
  get_time: { ...chatScenarioContent.tools.get_time, execute: () => '14:05' },
  send_email: chatScenarioContent.tools.send_email,
};

describe('the tool scenarios, through the real client', () => {
  it('tool-call: the call runs, its result goes back, and the answer follows in the same message', async () => {
    const step = chatScenarioContent.toolSteps['tool-call'];
    const { answer, sent } = await chat('tool-call', {}, { tools });
    expect(sent).toHaveLength(2);
    expect(sent[0]?.body.tools).toEqual(
      Object.entries(tools).map(([name, { description, parameters }]) => ({
        type: 'function',
        function: { name, description, parameters },
      })),
    );
    expect(sent[1]?.body.messages).toContainEqual({
      role: 'tool',
      tool_call_id: 'call_weather_1',
      content: '{"celsius":18,"sky":"partly cloudy"}',
    });
    expect(answer).toMatchObject({ status: 'complete', content: step.preamble + step.answer });
    expect(callsOf(answer).map((c) => [c.toolName, c.state, c.args])).toEqual([
      ['get_weather', 'result', { city: 'Paris' }],
    ]);
  });

  it('parallel-tools: both calls run, and one request carries both results', async () => {
    const { answer, sent } = await chat('parallel-tools', {}, { tools });
    expect(sent).toHaveLength(2);
    expect(callsOf(answer).map((c) => [c.toolName, c.state, c.result])).toEqual([
      ['get_weather', 'result', { celsius: 18, sky: 'partly cloudy' }],
      ['get_time', 'result', '14:05'],
    ]);
    expect(answer.content).toBe(chatScenarioContent.toolSteps['parallel-tools'].answer);
  });

  it("tool-error: the tool's throw becomes the call's error, and the model answers from it", async () => {
    const { answer, sent } = await chat('tool-error', {}, { tools });
    expect(callsOf(answer)[0]).toMatchObject({ state: 'error', errorText: 'No weather station knows "Atlantis".' });
    expect(sent[1]?.body.messages).toContainEqual({
      role: 'tool',
      tool_call_id: 'call_weather_1',
      content: '{"error":"No weather station knows \\"Atlantis\\"."}',
    });
    expect(answer).toMatchObject({ status: 'complete' });
    expect(answer.content).toContain(chatScenarioContent.toolSteps['tool-error'].answer);
  });

  it.each([
    [{ approved: true }, chatScenarioContent.toolSteps['tool-approval'].answer],
    [{ approved: false }, chatScenarioContent.toolDeniedAnswer],
  ])('tool-approval: the call waits; answered %j, the answer says so', async (decision, expected) => {
    const { service, answer, sent, last } = await chat('tool-approval', {}, { tools });
    expect(callsOf(answer)[0]).toMatchObject({ toolName: 'send_email', state: 'awaiting-result' });
    expect(sent).toHaveLength(1);
    expect(service.addToolResult('call_email_1', decision)).toBe(true);
    await idle(service);
    expect(sent).toHaveLength(2);
    expect(last().content.endsWith(expected)).toBe(true);
  });

  it('sources: the cited pages become sources of the answer, with their titles', async () => {
    const { answer } = await chat('sources');
    expect(answer.content).toBe(chatScenarioContent.sourcesAnswer);
    expect(answer.parts.filter((p) => p.type === 'source')).toEqual(
      chatScenarioContent.sources.map((source) => ({ type: 'source', ...source })),
    );
  });

  it('a non-streaming request gets the calls and sources in the JSON completion', async () => {
    const request = (name: ChatScenarioName) =>
      createScenarioResponder(name, { deterministic: true })(
        new Request(ENDPOINT, { method: 'POST', body: JSON.stringify({ messages: [], stream: false }) }),
      ).then((response) => response.json() as Promise<{ choices: { message: unknown; finish_reason: string }[] }>);
    const calls = await request('parallel-tools');
    expect(calls.choices[0]).toEqual({
      index: 0,
      finish_reason: 'tool_calls',
      message: {
        role: 'assistant',
        content: null,
        tool_calls: chatScenarioContent.toolSteps['parallel-tools'].calls.map(({ id, name, arguments: args }) => ({
          id,
          type: 'function',
          function: { name, arguments: args },
        })),
      },
    });
    const cited = await request('sources');
    expect(cited.choices[0]?.message).toMatchObject({
      annotations: chatScenarioContent.sources.map(({ url, title }) => ({
        type: 'url_citation',
        url_citation: { url, title },
      })),
    });
  });
});

describe('the scenarios, through the real client', () => {
  it('streaming: a complete answer with usage and a stop finish, in one request', async () => {
    const { answer, snapshot, sent } = await chat('streaming');
    expect(answer).toMatchObject({ role: 'assistant', content: chatScenarioContent.answer, status: 'complete' });
    expect(snapshot.error).toBeNull();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers.get('authorization')).toBeNull();

    const { events, content } = await stream('streaming');
    expect(content).toBe(chatScenarioContent.answer);
    expect(events.slice(-2)).toEqual([
      {
        type: 'usage',
        usage: {
          promptTokens: 1,
          completionTokens: tokenize(chatScenarioContent.answer).length,
          totalTokens: 1 + tokenize(chatScenarioContent.answer).length,
        },
      },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('slow-first-token: the same answer; the first token waits firstTokenDelayMs', async () => {
    const { answer } = await chat('slow-first-token');
    expect(answer).toMatchObject({ content: chatScenarioContent.answer, status: 'complete' });

    serveScenario('slow-first-token', { firstTokenDelayMs: 80 });
    const started = performance.now();
    const iterator = streamChatCompletion({ model: 'deepseek-chat', messages: [] }, { endpoint: ENDPOINT });
    const first = await iterator.next();
    expect(first.value).toMatchObject({ type: 'delta' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
    await iterator.return(undefined);
  });

  it('reasoning: the reasoning text streams first, then the answer', async () => {
    const { answer } = await chat('reasoning');
    expect(answer).toMatchObject({
      content: chatScenarioContent.answer,
      reasoning: chatScenarioContent.reasoning,
      status: 'complete',
    });

    const { events, reasoning } = await stream('reasoning');
    expect(reasoning).toBe(chatScenarioContent.reasoning);
    const lastReasoning = events.findLastIndex((e) => e.type === 'reasoning');
    expect(lastReasoning).toBeLessThan(events.findIndex((e) => e.type === 'delta'));
  });

  it('markdown: headings, lists, a table and a code block arrive intact', async () => {
    const { answer } = await chat('markdown');
    expect(answer).toMatchObject({ content: chatScenarioContent.markdown, status: 'complete' });
    expect(answer.content).toMatch(/^# /);
    expect(answer.content).toMatch(/\n## /);
    expect(answer.content).toMatch(/\n- /);
    expect(answer.content).toMatch(/\n1\. /);
    expect(answer.content).toMatch(/\n\| --- \| --- \| --- \|\n/);
    expect(answer.content).toMatch(/\n```ts\n[\s\S]+\n```\n/);
  });

  it('long: more than 2,000 tokens, complete', async () => {
    expect(tokenize(chatScenarioContent.longAnswer).length).toBeGreaterThanOrEqual(2_000);
    const { answer } = await chat('long');
    expect(answer).toMatchObject({ content: chatScenarioContent.longAnswer, status: 'complete' });
    expect(answer.metrics?.usage?.completionTokens).toBeGreaterThanOrEqual(2_000);
  });

  it('insights: the insights and suggestions reach the chat beside a complete answer', async () => {
    const { answer, snapshot } = await chat('insights');
    expect(answer).toMatchObject({ content: chatScenarioContent.answer, status: 'complete' });
    expect(snapshot.insights).toEqual(chatScenarioContent.insights);
    expect(snapshot.suggestions).toEqual(chatScenarioContent.suggestions);
  });

  it('keep-alive: comments before the first token keep a short idle timeout from firing', async () => {
    const { answer, sent } = await chat('keep-alive');
    expect(answer).toMatchObject({ content: chatScenarioContent.answer, status: 'complete' });
    expect(sent).toHaveLength(1);

    // 4 × 40 ms of keep-alives against a 100 ms idle timeout: only the comments keep the request alive.
    const paced = await stream('keep-alive', { keepAliveIntervalMs: 40 }, { idleTimeoutMs: 100 });
    expect(paced.error).toBeUndefined();
    expect(paced.content).toBe(chatScenarioContent.answer);
    expect(paced.sent).toHaveLength(1);
  });

  it('auth-refresh: 401, then the refreshed token gets the answer', async () => {
    const { answer, sent } = await chat(
      'auth-refresh',
      {},
      { getToken: () => 'stale-token', refreshToken: () => 'refreshed-token' },
    );
    expect(answer).toMatchObject({ content: chatScenarioContent.answer, status: 'complete' });
    expect(sent.map((s) => s.headers.get('authorization'))).toEqual(['Bearer stale-token', 'Bearer refreshed-token']);
  });

  it('auth-expired: 401 even after a refresh, ends as an auth error', async () => {
    const { answer, snapshot, sent } = await chat(
      'auth-expired',
      {},
      { getToken: () => 'stale-token', refreshToken: () => 'refreshed-token' },
    );
    expect(answer).toMatchObject({ content: '', status: 'error' });
    expect(snapshot.error).toMatchObject({ kind: 'auth', status: 401, retryable: false });
    expect(sent).toHaveLength(2);
  });

  it('rate-limit: 429 with Retry-After, then the answer', async () => {
    const { answer, sent } = await chat('rate-limit');
    expect(answer).toMatchObject({ content: chatScenarioContent.answer, status: 'complete' });
    expect(sent).toHaveLength(2);

    const { events, content } = await stream('rate-limit');
    expect(content).toBe(chatScenarioContent.answer);
    expect(retries(events)).toEqual([
      {
        type: 'retry',
        attempt: 1,
        delayMs: 0,
        error: expect.objectContaining({ kind: 'rate_limit', status: 429, retryAfterMs: 0 }),
      },
    ]);

    server.resetHandlers(chatScenarioHandler('rate-limit', { endpoint: ENDPOINT, latencyMs: 0 }));
    const response = await fetch(ENDPOINT, { method: 'POST', body: '{}' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toMatchObject({ error: { code: 'rate_limit_exceeded' } });
  });

  it('server-errors: two 503s, then the answer', async () => {
    const { answer, sent } = await chat('server-errors');
    expect(answer).toMatchObject({ content: chatScenarioContent.answer, status: 'complete' });
    expect(sent).toHaveLength(3);

    const { events } = await stream('server-errors');
    expect(retries(events).map((e) => [e.attempt, e.error.kind, e.error.status])).toEqual([
      [1, 'server', 503],
      [2, 'server', 503],
    ]);
  });

  it('fallback: every streaming try fails with 500, the non-streaming request gets the answer', async () => {
    const { answer, sent } = await chat('fallback');
    expect(answer).toMatchObject({ content: chatScenarioContent.answer, status: 'complete' });
    expect(sent.map((s) => s.body.stream)).toEqual([true, true, true, true, false]);
    expect(sent[4]?.headers.get('accept')).toBe('application/json');

    const { events, content } = await stream('fallback');
    expect(content).toBe(chatScenarioContent.answer);
    expect(events.filter((e) => e.type === 'fallback')).toHaveLength(1);
  });

  it('cut-with-ids: the cut stream resumes after Last-Event-ID and no text is repeated', async () => {
    const { answer, sent } = await chat('cut-with-ids');
    expect(answer).toMatchObject({ content: chatScenarioContent.answer, status: 'complete' });
    // The role chunk is event 1, then 12 answer chunks: the client resumes after event 13.
    expect(sent.map((s) => s.headers.get('last-event-id'))).toEqual([null, '13']);

    const { events, content } = await stream('cut-with-ids');
    expect(content).toBe(chatScenarioContent.answer);
    expect(retries(events).map((e) => [e.error.kind, e.delayMs])).toEqual([['network', 0]]);
    const beforeRetry = events.slice(
      0,
      events.findIndex((e) => e.type === 'retry'),
    );
    expect(beforeRetry.flatMap((e) => (e.type === 'delta' ? [e.content] : [])).join('')).toBe(PARTIAL);
  });

  it('cut-without-ids: the partial answer is kept as interrupted, and Retry completes it', async () => {
    const { service, answer, snapshot, sent, last } = await chat('cut-without-ids');
    expect(answer).toMatchObject({ content: PARTIAL, status: 'interrupted' });
    expect(snapshot.error).toMatchObject({ kind: 'network', retryable: true });
    expect(sent).toHaveLength(1);

    service.retry();
    const after = await idle(service);
    expect(last()).toMatchObject({ content: chatScenarioContent.answer, status: 'complete' });
    expect(after.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(after.error).toBeNull();
    expect(sent).toHaveLength(2);
    expect(sent.map((s) => s.headers.get('last-event-id'))).toEqual([null, null]);
  });

  it('malformed-chunk: the text before it stands, a protocol error, no retry; Retry then succeeds', async () => {
    const { service, answer, snapshot, sent, last } = await chat('malformed-chunk');
    expect(answer).toMatchObject({ content: PARTIAL, status: 'error' });
    expect(snapshot.error).toMatchObject({ kind: 'protocol', retryable: false });
    expect(sent).toHaveLength(1);

    service.retry();
    await idle(service);
    expect(last()).toMatchObject({ content: chatScenarioContent.answer, status: 'complete' });
  });

  it('error-chunk: the text before it stands and the server error shows, with no automatic retry', async () => {
    const { answer, snapshot, sent } = await chat('error-chunk');
    expect(answer).toMatchObject({ content: PARTIAL, status: 'error' });
    expect(snapshot.error).toMatchObject({
      kind: 'server',
      message: 'The model stopped unexpectedly. Please try again.',
    });
    expect(sent).toHaveLength(1);
  });

  it('stall: the idle timeout fires, the partial answer is kept as interrupted', async () => {
    const { service, answer, snapshot, sent, last } = await chat('stall', {}, { idleTimeoutMs: 50 });
    expect(answer).toMatchObject({ content: PARTIAL, status: 'interrupted' });
    expect(snapshot.error).toMatchObject({ kind: 'timeout' });
    expect(sent).toHaveLength(1);

    service.retry();
    await idle(service);
    expect(last()).toMatchObject({ content: chatScenarioContent.answer, status: 'complete' });
  });

  it('stall with ids: the stalled stream resumes after Last-Event-ID', async () => {
    const { answer, sent } = await chat('stall', { ids: true }, { idleTimeoutMs: 50 });
    expect(answer).toMatchObject({ content: chatScenarioContent.answer, status: 'complete' });
    expect(sent.map((s) => s.headers.get('last-event-id'))).toEqual([null, '13']);
  });

  it('offline: the first request fails as a network error, the retry gets the answer', async () => {
    const { answer, sent } = await chat('offline');
    expect(answer).toMatchObject({ content: chatScenarioContent.answer, status: 'complete' });
    expect(sent).toHaveLength(2);

    const { events } = await stream('offline');
    expect(retries(events).map((e) => e.error.kind)).toEqual(['network']);
  });
});

/** One raw exchange: status, headers that matter, and every body byte until the end or the cut. */
async function rawExchange(name: ChatScenarioName, options: ScenarioOptions = {}): Promise<string> {
  serveScenario(name, options);
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({
        model: 'deepseek-chat',
        messages: [{ role: 'user', content: 'Hello there' }],
        stream: true,
      }),
    });
  } catch {
    return '<network error>';
  }
  let out = `${response.status} ${response.headers.get('content-type')} ${response.headers.get('retry-after')}\n`;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return out + decoder.decode();
      out += decoder.decode(value, { stream: true });
    }
  } catch {
    return `${out}<cut>`;
  }
}

describe('deterministic mode', () => {
  const finite = chatScenarios.map((s) => s.name).filter((name) => name !== 'stall');

  it.each(finite)('%s: two runs send byte-identical first responses', async (name) => {
    const first = await rawExchange(name);
    expect(await rawExchange(name)).toBe(first);
  });

  it('keeps the events and chunking of paced mode: only the timing differs', async () => {
    for (const name of ['streaming', 'insights', 'keep-alive'] as const) {
      const paced = await rawExchange(name, {
        deterministic: false,
        latencyMs: 1,
        firstTokenDelayMs: 1,
        chunkDelayMs: 1,
        keepAliveIntervalMs: 1,
      });
      expect(paced).toBe(await rawExchange(name));
    }
  });

  it('sends OpenAI chunks: a role-only first chunk, a stop chunk, a usage chunk, then [DONE]', async () => {
    const body = await rawExchange('streaming');
    const data = body
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6));
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d) as Record<string, unknown>);
    expect(chunks[0]).toEqual({
      id: 'chatcmpl-promptcraft-0001',
      object: 'chat.completion.chunk',
      created: 1735689600,
      model: 'deepseek-chat',
      choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }],
    });
    expect(chunks.at(-2)).toMatchObject({ choices: [{ delta: {}, finish_reason: 'stop' }] });
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 2 } });
  });

  it('long: one chunk per token, more than 2,000 of them', async () => {
    const body = await rawExchange('long');
    expect(body.match(/"delta":\{"content":/g)?.length).toBeGreaterThanOrEqual(2_000);
  });
});

describe('the responders', () => {
  const post = (signal?: AbortSignal) =>
    new Request(ENDPOINT, {
      method: 'POST',
      body: JSON.stringify({ messages: [], stream: true }),
      ...(signal ? { signal } : {}),
    });

  it('chatScenarios lists every scenario once, and an unknown name throws', () => {
    const names = chatScenarios.map((s) => s.name);
    expect(new Set(names).size).toBe(23);
    expect(names).toHaveLength(23);
    expect(() => createScenarioResponder('nope' as ChatScenarioName)).toThrow(/Unknown chat scenario "nope"/);
  });

  it('answers with the answer option and says which text a scenario streams', async () => {
    expect(chatScenarioAnswer('markdown')).toBe(chatScenarioContent.markdown);
    expect(chatScenarioAnswer('long', { answer: 'Hi there' })).toBe('Hi there');
    const { answer } = await chat('streaming', { answer: 'Just this.' });
    expect(answer.content).toBe('Just this.');
  });

  it('a stalled body ends as soon as the request is aborted', async () => {
    const controller = new AbortController();
    const response = await createScenarioResponder('stall', { deterministic: true })(post(controller.signal));
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    for (let i = 0; i < 13; i += 1) await reader.read(); // the role chunk and 12 answer chunks
    const pending = reader.read();
    controller.abort();
    // As a real body does when its request is aborted: an AbortError, not a connection failure.
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a paced body stops its timer when the reader cancels', async () => {
    const response = await createScenarioResponder('streaming', { latencyMs: 0, firstTokenDelayMs: 60_000 })(post());
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read(); // the role chunk; the first token would wait a minute
    const started = performance.now();
    await reader.cancel();
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('answers a stream: false request with a JSON completion', async () => {
    const request = new Request(ENDPOINT, {
      method: 'POST',
      body: JSON.stringify({ model: 'm1', messages: [], stream: false }),
    });
    const response = await createScenarioResponder('reasoning', { deterministic: true })(request);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({
      object: 'chat.completion',
      model: 'm1',
      choices: [
        {
          message: {
            role: 'assistant',
            content: chatScenarioContent.answer,
            reasoning_content: chatScenarioContent.reasoning,
          },
          finish_reason: 'stop',
        },
      ],
    });
  });
});
