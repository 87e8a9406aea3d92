/**
 * The tool loop of the chat service against a real loopback HTTP server: calls run in parallel, their results and
 * errors go back as `tool` messages, the next request follows by itself, the UI answers calls without `execute`,
 * stop aborts running tools, `maxSteps` ends the loop, and a retry never runs a finished step's tools again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ToolCallPart } from '../../src/core/messages.js';
import type { ToolExecutionContext } from '../../src/core/tools.js';
import type { ChatServiceOptions } from '../../src/core/service.js';
import { idle, loopbackChat, until } from '../support/loopback-chat.js';
import type { ChatSnapshot } from '../../src/core/chat-reducer.js';
import { DONE, sse, startSseServer, streamAnswer, type Handler, type SseServer } from '../support/sse-server.js';

let server: SseServer;
beforeEach(async () => {
  server = await startSseServer();
});
afterEach(async () => {
  await server.close();
  expect(server.handlerErrors).toEqual([]);
});

const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  sse({
    data: { id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] },
  });

interface Call {
  id: string;
  name: string;
  args: string;
}

/** A streamed answer that writes `text` (if any), then makes `calls`, arguments split in two fragments each. */
const callTools =
  (calls: Call[], text = ''): Handler =>
  async (x) => {
    x.sseHead();
    await x.write(chunk({ role: 'assistant', content: text }));
    for (const [index, call] of calls.entries()) {
      const half = Math.floor(call.args.length / 2);
      await x.write(
        chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }),
      );
      await x.write(chunk({ tool_calls: [{ index, function: { arguments: call.args.slice(0, half) } }] }));
      await x.write(chunk({ tool_calls: [{ index, function: { arguments: call.args.slice(half) } }] }));
    }
    await x.write(chunk({}, 'tool_calls'));
    await x.end(DONE());
  };

const setup = (options: ChatServiceOptions = {}) => loopbackChat(server, options);

const callsOf = (snapshot: ChatSnapshot): ToolCallPart[] =>
  (snapshot.messages.at(-1)?.parts ?? []).filter((part): part is ToolCallPart => part.type === 'tool-call');
const bodyOf = (index: number) => server.requests[index]?.body as { messages: unknown[]; tools?: unknown };

const weather: Call = { id: 'call_w', name: 'get_weather', args: '{"city":"Paris"}' };
const time: Call = { id: 'call_t', name: 'get_time', args: '{"zone":"Europe/Paris"}' };

describe('the tool loop', () => {
  it('sends the tools, runs the call, sends its result back and streams the answer into the same message', async () => {
    const execute = vi.fn(async (args: { city: string }, _context: ToolExecutionContext) => ({
      city: args.city,
      sky: 'sunny',
      celsius: 21,
    }));
    const { service, state } = setup({
      tools: {
        get_weather: {
          description: 'The weather now in a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          execute,
        },
      },
    });
    server.reply(callTools([weather], 'Let me look. '), streamAnswer(['Sunny, ', '21 °C.']));
    service.send('Weather in Paris?');
    await idle(service);

    expect(execute).toHaveBeenCalledTimes(1);
    expect(execute.mock.calls[0]![0]).toEqual({ city: 'Paris' });
    expect(execute.mock.calls[0]![1]).toMatchObject({ toolCallId: 'call_w', signal: expect.any(AbortSignal) });
    expect(bodyOf(0).tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'The weather now in a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      },
    ]);
    expect(bodyOf(1).messages).toEqual([
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: 'Let me look. ',
        tool_calls: [
          { id: 'call_w', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_w', content: '{"city":"Paris","sky":"sunny","celsius":21}' },
    ]);
    expect(server.requests).toHaveLength(2);
    expect(state().messages.map((m) => [m.id, m.role, m.status])).toEqual([
      ['m1', 'user', 'complete'],
      ['m2', 'assistant', 'complete'],
    ]);
    expect(state().messages[1]!.parts).toEqual([
      { type: 'text', text: 'Let me look. ' },
      {
        type: 'tool-call',
        toolCallId: 'call_w',
        toolName: 'get_weather',
        argsText: '{"city":"Paris"}',
        args: { city: 'Paris' },
        state: 'result',
        result: { city: 'Paris', sky: 'sunny', celsius: 21 },
        step: 0,
      },
      { type: 'text', text: 'Sunny, 21 °C.' },
    ]);
    expect(state().messages[1]!.content).toBe('Let me look. Sunny, 21 °C.');
    expect(state().error).toBeNull();
  });

  it('runs the calls of one answer in parallel and sends their results back in call order', async () => {
    const started: string[] = [];
    let bothStarted!: () => void;
    const barrier = new Promise<void>((resolve) => (bothStarted = resolve));
    const tool = (name: string, delayMs: number) => ({
      async execute() {
        started.push(name);
        if (started.length === 2) bothStarted();
        // Neither can finish before both have started: sequential execution would never get here.
        await barrier;
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return `${name} done`;
      },
    });
    const { service, state } = setup({ tools: { get_weather: tool('weather', 30), get_time: tool('time', 0) } });
    server.reply(callTools([weather, time]), streamAnswer(['Both done.']));
    service.send('Weather and time?');
    await until(service, (s) => callsOf(s).some((c) => c.state === 'running'));
    expect(callsOf(state()).map((c) => c.state)).toEqual(['running', 'running']);
    expect(state()).toMatchObject({ isStreaming: true, isConnecting: false });
    await idle(service);

    expect(bodyOf(1).messages.slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'call_w', content: '"weather done"' },
      { role: 'tool', tool_call_id: 'call_t', content: '"time done"' },
    ]);
    expect(state().messages.at(-1)!.content).toBe('Both done.');
  });

  it('a tool that throws, an unknown tool and invalid arguments become error results the model can recover from', async () => {
    const { service, state } = setup({
      tools: {
        get_weather: {
          execute() {
            throw new Error('The weather service is down.');
          },
        },
      },
    });
    server.reply(
      callTools([
        weather,
        { id: 'call_x', name: 'constructor', args: '{}' },
        { id: 'call_j', name: 'get_weather', args: '{"city":' },
      ]),
      streamAnswer(['Sorry, I could not check.']),
    );
    service.send('Weather?');
    await idle(service);

    expect(callsOf(state()).map((c) => [c.toolCallId, c.state, c.errorText])).toEqual([
      ['call_w', 'error', 'The weather service is down.'],
      ['call_x', 'error', 'There is no tool named "constructor".'],
      ['call_j', 'error', 'The arguments are not valid JSON: {"city":'],
    ]);
    expect(bodyOf(1).messages.slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'call_w', content: '{"error":"The weather service is down."}' },
      { role: 'tool', tool_call_id: 'call_x', content: '{"error":"There is no tool named \\"constructor\\"."}' },
      { role: 'tool', tool_call_id: 'call_j', content: '{"error":"The arguments are not valid JSON: {\\"city\\":"}' },
    ]);
    expect(state().messages.at(-1)).toMatchObject({ status: 'complete', content: 'Sorry, I could not check.' });
  });

  it('a result that cannot become JSON is an error, not a broken request', async () => {
    const { service, state } = setup({ tools: { get_weather: { execute: () => ({ big: 1n }) } } });
    server.reply(callTools([weather]), streamAnswer(['Hm.']));
    service.send('Weather?');
    await idle(service);
    expect(callsOf(state())[0]).toMatchObject({ state: 'error' });
    expect(callsOf(state())[0]!.errorText).toMatch(/^The result could not be sent to the model: /);
    expect(server.requests).toHaveLength(2);
  });

  it('a call without execute waits for addToolResult, then the answer goes on by itself', async () => {
    const { service, state } = setup({ tools: { send_email: { description: 'Sends an email' } } });
    const email: Call = { id: 'call_e', name: 'send_email', args: '{"to":"ana@example.com"}' };
    server.reply(callTools([email], 'I will send it. '), streamAnswer(['Sent.']));
    service.send('Email Ana');
    await idle(service);

    // The answer pauses: nothing streams, nothing is sent, the call waits.
    expect(state()).toMatchObject({ isStreaming: false, error: null });
    expect(state().messages.at(-1)).toMatchObject({ id: 'm2', status: 'complete' });
    expect(callsOf(state())[0]).toMatchObject({ state: 'awaiting-result', args: { to: 'ana@example.com' } });
    expect(server.requests).toHaveLength(1);
    expect(service.addToolResult('call_nope', true)).toBe(false);

    expect(service.addToolResult('call_e', { approved: true })).toBe(true);
    expect(state().isStreaming).toBe(true);
    await idle(service);
    expect(service.addToolResult('call_e', { approved: true })).toBe(false);

    expect(bodyOf(1).messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: 'I will send it. ',
        tool_calls: [{ id: 'call_e', type: 'function', function: { name: 'send_email', arguments: email.args } }],
      },
      { role: 'tool', tool_call_id: 'call_e', content: '{"approved":true}' },
    ]);
    expect(state().messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(state().messages[1]).toMatchObject({ status: 'complete', content: 'I will send it. Sent.' });
  });

  it('with one call running and one waiting, the answer goes on once both have their result', async () => {
    let finishWeather!: () => void;
    const { service, state } = setup({
      tools: {
        get_weather: { execute: () => new Promise((resolve) => (finishWeather = () => resolve('rain'))) },
        get_time: {},
      },
    });
    server.reply(callTools([weather, time]), streamAnswer(['Rain at noon.']));
    service.send('Weather and time?');
    await until(service, (s) => callsOf(s)[0]?.state === 'running');
    expect(service.addToolResult('call_t', '12:00')).toBe(true);
    expect(callsOf(state()).map((c) => c.state)).toEqual(['running', 'result']);
    expect(server.requests).toHaveLength(1);
    finishWeather();
    await until(service, (s) => s.messages.at(-1)?.content === 'Rain at noon.' && !s.isStreaming);
    expect(bodyOf(1).messages.slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'call_w', content: '"rain"' },
      { role: 'tool', tool_call_id: 'call_t', content: '"12:00"' },
    ]);
  });

  it('stop aborts the running tools and ends the answer as stopped, without another request', async () => {
    let seen: AbortSignal | undefined;
    const { service, state } = setup({
      tools: {
        get_weather: {
          execute: (_args, { signal }) =>
            new Promise((_resolve, reject) => {
              seen = signal;
              signal.addEventListener('abort', () => reject(signal.reason));
            }),
        },
      },
    });
    server.reply(callTools([weather]));
    service.send('Weather?');
    await until(service, (s) => callsOf(s)[0]?.state === 'running');
    service.stop();

    expect(seen?.aborted).toBe(true);
    expect(state().messages.at(-1)).toMatchObject({ status: 'stopped' });
    expect(callsOf(state())[0]).toMatchObject({
      state: 'error',
      errorText: 'The answer ended before this call had a result.',
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(1);
    expect(state().error).toBeNull();
  });

  it('ends with a max_steps error after maxSteps requests, keeping the last results', async () => {
    const execute = vi.fn(() => 'again');
    const { service, state } = setup({ maxSteps: 2, tools: { get_time: { execute } } });
    server.reply(callTools([time]), callTools([{ ...time, id: 'call_t2' }]));
    service.send('Loop');
    await idle(service);

    expect(server.requests).toHaveLength(2);
    expect(execute).toHaveBeenCalledTimes(2);
    expect(state().messages.at(-1)).toMatchObject({ status: 'error', error: { kind: 'max_steps', retryable: false } });
    expect(state().error?.message).toBe(
      'The model was still calling tools after 2 requests, so the answer stopped there. Send a message to let it go on.',
    );
    expect(callsOf(state()).map((c) => [c.toolCallId, c.state, c.step])).toEqual([
      ['call_t', 'result', 0],
      ['call_t2', 'result', 1],
    ]);
  });

  it('sends each step as its own assistant message with its results, even when a step wrote no text', async () => {
    const { service } = setup({
      tools: { get_weather: { execute: () => 'sun' }, get_time: { execute: () => 'noon' } },
    });
    server.reply(callTools([weather]), callTools([time]), streamAnswer(['Sun at noon.']));
    service.send('Plan');
    await idle(service);
    const call = (c: Call) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.args } });
    expect(bodyOf(2).messages.slice(1)).toEqual([
      { role: 'assistant', content: null, tool_calls: [call(weather)] },
      { role: 'tool', tool_call_id: 'call_w', content: '"sun"' },
      { role: 'assistant', content: null, tool_calls: [call(time)] },
      { role: 'tool', tool_call_id: 'call_t', content: '"noon"' },
    ]);
  });

  it('a retry after a failed later step goes on from that step, without the failure: the tools that ran do not run again', async () => {
    const execute = vi.fn(() => 'sun');
    const saved = vi.fn();
    const { service, state } = setup({
      fallbackToNonStreaming: false,
      tools: { get_weather: { execute } },
      onMessagesChange: saved,
    });
    server.reply(
      callTools([weather], 'Checking. '),
      (x) => x.json(503, { error: { message: 'overloaded' } }),
      streamAnswer(['Sunny.']),
    );
    service.send('Weather?');
    await idle(service);
    expect(state().messages.at(-1)).toMatchObject({ status: 'error', error: { kind: 'server' } });

    service.retry();
    await idle(service);
    expect(execute).toHaveBeenCalledTimes(1);
    expect(bodyOf(2).messages).toEqual(bodyOf(1).messages);
    expect(state().messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    const answer = state().messages.at(-1);
    expect(answer).toMatchObject({ status: 'complete', content: 'Checking. Sunny.' });
    // The failure is over: not on the answer, on screen or in what the host saves.
    expect(answer).not.toHaveProperty('error');
    expect(state().error).toBeNull();
    const [tree] = saved.mock.calls.at(-1) as [readonly { id: string; error?: unknown }[]];
    expect(tree.find((message) => message.id === answer?.id)).not.toHaveProperty('error');
  });

  it('sending a new message while a call waits tells the model the call got no answer', async () => {
    const { service, state } = setup({ tools: { send_email: {} } });
    server.reply(callTools([{ id: 'call_e', name: 'send_email', args: '{}' }]), streamAnswer(['Okay.']));
    service.send('Email Ana');
    await idle(service);
    service.send('Never mind');
    expect(callsOf({ ...state(), messages: state().messages.slice(0, 2) })[0]).toMatchObject({
      state: 'error',
      errorText: 'The answer ended before this call had a result.',
    });
    await idle(service);
    expect(bodyOf(1).messages.slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'call_e', content: '{"error":"The answer ended before this call had a result."}' },
      { role: 'user', content: 'Never mind' },
    ]);
    expect(service.addToolResult('call_e', true)).toBe(false);
  });

  it('regenerating an answer that called tools makes a new version that calls them again; the old one keeps its calls', async () => {
    const execute = vi.fn(() => 'sun');
    const { service, state } = setup({ tools: { get_weather: { execute } } });
    server.reply(
      callTools([weather]),
      streamAnswer(['Sunny.']),
      callTools([{ ...weather, id: 'call_w2' }]),
      streamAnswer(['Still sunny.']),
    );
    service.send('Weather?');
    await idle(service);
    service.regenerate();
    await idle(service);

    expect(execute).toHaveBeenCalledTimes(2);
    expect(bodyOf(2).messages).toEqual([{ role: 'user', content: 'Weather?' }]);
    expect(state().messages.at(-1)).toMatchObject({ content: 'Still sunny.', branch: { index: 1, count: 2 } });
    service.switchBranch(state().messages.at(-1)!.id, 0);
    expect(callsOf(state()).map((c) => [c.toolCallId, c.state])).toEqual([['call_w', 'result']]);
    expect(state().messages.at(-1)?.content).toBe('Sunny.');
  });
});
