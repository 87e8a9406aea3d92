import { describe, expect, it, vi } from 'vitest';
import { AnswerRun, type RunHost } from '../../src/core/answer-run.js';
import type { ChatAction } from '../../src/core/chat-reducer.js';
import { LiveParts } from '../../src/core/live-parts.js';
import { toChatMessage, type ChatMessage, type MessagePart, type ToolCallPart } from '../../src/core/messages.js';
import { buildRequest } from '../../src/core/request.js';
import { answerCall, resumableAfter, runSteps, waitingCalls, type StepsContext } from '../../src/core/tool-loop.js';
import type { ChatTools } from '../../src/core/tools.js';
import { createScriptedFetch, sse } from '../support/scripted-fetch.js';

const now = () => 0;
const question = toChatMessage({ id: 'q', role: 'user', content: 'Weather?', status: 'complete', createdAt: 0 });
const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ choices: [{ delta, finish_reason: finish }] })}\n\n`;
const calls = (...list: { id: string; name: string; args?: string }[]) =>
  sse(
    chunk({
      tool_calls: list.map((call, index) => ({
        index,
        id: call.id,
        function: { name: call.name, arguments: call.args ?? '{}' },
      })),
    }),
    chunk({}, 'tool_calls'),
  );
const text = (content: string) => sse(chunk({ content }, 'stop'));

/** A run of an empty answer, its loop streaming through a scripted server. */
function setup(tools: ChatTools, maxSteps?: number, parts: readonly MessagePart[] = []) {
  const server = createScriptedFetch();
  const actions: ChatAction[] = [];
  const host: RunHost = {
    dispatch: (action) => actions.push(action),
    awaitsFirstByte: () => false,
    save: () => undefined,
    settings: () => ({ scheduleUpdate: (callback) => (callback(), () => {}), maxRetries: 0 }),
    now,
  };
  const answer = toChatMessage({ id: 'a', parentId: 'q', role: 'assistant', parts, status: 'streaming', createdAt: 0 });
  const run = new AnswerRun([question], answer, host);
  const context: StepsContext = {
    request: (current) =>
      current.stream(buildRequest([...current.history, current.message], { tools }), {
        fetch: server.fetch,
        endpoint: 'http://chat.test',
        retry: { maxRetries: 0 },
        fallbackToNonStreaming: false,
      }),
    tools: () => tools,
    maxSteps: () => maxSteps,
  };
  return { server, actions, run, context };
}

const callsOf = (message: ChatMessage) =>
  message.parts.filter((part): part is ToolCallPart => part.type === 'tool-call');

describe('runSteps', () => {
  it('an answer without calls is complete after one request', async () => {
    const { server, run, context } = setup({});
    server.reply(() => text('Sunny.'));
    await expect(runSteps(run, context, false)).resolves.toEqual({ status: 'complete', error: null });
    expect(run.message.content).toBe('Sunny.');
    expect(server.requests).toHaveLength(1);
  });

  it("runs a step's calls in parallel, then sends their results in the next request of the same answer", async () => {
    const started: string[] = [];
    const finish: (() => void)[] = [];
    const slow = (name: string) => ({
      execute: () =>
        new Promise<string>((resolve) => {
          started.push(name);
          finish.push(() => resolve(`${name} done`));
        }),
    });
    const { server, actions, run, context } = setup({ a: slow('a'), b: slow('b') });
    server.reply(() => calls({ id: 'c1', name: 'a' }, { id: 'c2', name: 'b' }));
    server.reply(() => text('Both done.'));
    const ended = runSteps(run, context, false);
    await vi.waitFor(() => expect(started).toEqual(['a', 'b']));
    for (const resolve of finish) resolve();
    await expect(ended).resolves.toEqual({ status: 'complete', error: null });
    expect(callsOf(run.message).map((call) => [call.state, call.result, call.step])).toEqual([
      ['result', 'a done', 0],
      ['result', 'b done', 0],
    ]);
    expect(server.requests[1]?.body.messages).toContainEqual({ role: 'tool', tool_call_id: 'c2', content: '"b done"' });
    expect(actions.filter((action) => action.type === 'next-request')).toHaveLength(1);
    expect(run.message.content).toBe('Both done.');
  });

  it('pauses, complete, when a call waits for the UI; an unknown tool is an error result', async () => {
    const { server, run, context } = setup({ approve: {} });
    server.reply(() => calls({ id: 'c1', name: 'approve' }, { id: 'c2', name: 'nope' }));
    await expect(runSteps(run, context, false)).resolves.toEqual({ status: 'complete', error: null });
    expect(callsOf(run.message).map((call) => call.state)).toEqual(['awaiting-result', 'error']);
    expect(server.requests).toHaveLength(1);
  });

  it('ends with max_steps once the model asks for more requests than maxSteps allows', async () => {
    const { server, run, context } = setup({ again: { execute: () => 'ok' } }, 2);
    server.reply(() => calls({ id: 'c1', name: 'again' }));
    server.reply(() => calls({ id: 'c2', name: 'again' }));
    const end = await runSteps(run, context, false);
    expect(end).toMatchObject({ status: 'error', error: { kind: 'max_steps' } });
    expect(server.requests).toHaveLength(2);
    expect(callsOf(run.message).map((call) => call.step)).toEqual([0, 1]);
  });

  it('a failure after a tool step is resumable from the parts its request started with', async () => {
    const { server, run, context } = setup({ weather: { execute: () => 'sun' } });
    server.reply(() => calls({ id: 'c1', name: 'weather' }));
    server.reply(() => new Response('down', { status: 503 }));
    const end = await runSteps(run, context, false);
    expect(end).toMatchObject({ status: 'error', error: { kind: 'server' } });
    const failed = run.end(end!.status, end!.error);
    const resumable = resumableAfter(run, failed);
    expect(resumable).toMatchObject({ messageId: 'a', continues: false });
    expect(resumable?.parts.map((part) => part.type === 'tool-call' && part.state)).toEqual(['result']);
  });

  it('a failure on the first request starts afresh: nothing to resume', async () => {
    const { server, run, context } = setup({});
    server.reply(() => new Response('down', { status: 503 }));
    const end = await runSteps(run, context, false);
    expect(resumableAfter(run, run.end(end!.status, end!.error))).toBeNull();
  });
});

describe('calls that wait for the UI', () => {
  const waiting = (state: ToolCallPart['state'], step = 0): ToolCallPart => ({
    type: 'tool-call',
    toolCallId: `c-${state}`,
    toolName: 't',
    argsText: '{}',
    args: {},
    state,
    step,
  });
  const answer = (parts: MessagePart[], status: ChatMessage['status'] = 'complete') =>
    toChatMessage({ id: 'a', role: 'assistant', parts, status, createdAt: 0 });

  it("finds the waiting calls of an answer's last step only", () => {
    expect(waitingCalls(answer([waiting('awaiting-result')]), now)).toBeInstanceOf(LiveParts);
    expect(waitingCalls(answer([waiting('awaiting-result', 0), waiting('result', 1)]), now)).toBeNull();
    expect(waitingCalls(answer([waiting('awaiting-result')], 'streaming'), now)).toBeNull();
    expect(waitingCalls(question, now)).toBeNull();
  });

  it('answers a waiting call once, and no call that does not wait', () => {
    const parts = waitingCalls(answer([waiting('awaiting-result'), waiting('result')]), now)!;
    expect(answerCall(parts, 'c-result', 'x')).toBe(false);
    expect(answerCall(parts, 'c-awaiting-result', { ok: true })).toBe(true);
    expect(answerCall(parts, 'c-awaiting-result', { ok: true })).toBe(false);
    expect(parts.stepCalls()[0]).toMatchObject({ state: 'result', result: { ok: true } });
  });
});
