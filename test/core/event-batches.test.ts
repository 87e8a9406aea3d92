import { describe, expect, it } from 'vitest';
import { eventStreamBatches, newStreamState } from '../../src/core/event-batches.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ choices: [{ delta, finish_reason: finish }] })}\n\n`;

/** Feeds each read in turn; returns the batch of every read and the state they built. */
function decode(...reads: (string | undefined)[]) {
  const state = newStreamState();
  const next = eventStreamBatches(state);
  return { batches: reads.map((read) => next(read === undefined ? undefined : bytes(read))), state };
}

describe('eventStreamBatches', () => {
  it('gives one batch per read, adjacent text of one kind merged into one event', () => {
    const { batches, state } = decode(
      chunk({ reasoning_content: 'Hm, ' }) + chunk({ reasoning_content: 'well.' }) + chunk({ content: 'Yes' }),
      chunk({ content: ', ' }) + chunk({ content: 'it is.' }, 'stop'),
    );
    expect(batches.map((batch) => batch.events)).toEqual([
      [
        { type: 'reasoning', content: 'Hm, well.' },
        { type: 'delta', content: 'Yes' },
      ],
      [{ type: 'delta', content: ', it is.' }],
    ]);
    expect(state).toMatchObject({ textSeen: true, finishReason: 'stop' });
  });

  it('holds back an event split across reads until its blank line, and drops one the body never ended', () => {
    const event = chunk({ content: 'whole' });
    const { batches } = decode(event.slice(0, 9), event.slice(9), 'data: {"choices":[{"delta":{"content":"lost"}}]}');
    expect(batches.map((batch) => batch.events)).toEqual([[], [{ type: 'delta', content: 'whole' }], []]);
    expect(decode(event, 'data: {"cut":', undefined).batches[2]).toEqual({
      events: [],
      failure: undefined,
      done: false,
    });
  });

  it('says when [DONE] came, and yields nothing after it', () => {
    const { batches } = decode(chunk({ content: 'a' }) + 'data: [DONE]\n\n' + chunk({ content: 'late' }));
    expect(batches[0]).toEqual({ events: [{ type: 'delta', content: 'a' }], failure: undefined, done: true });
  });

  it('keeps text that came before a malformed chunk, then reports the failure and nothing after it', () => {
    const { batches } = decode(chunk({ content: 'kept' }) + 'data: {not json\n\n' + chunk({ content: 'dropped' }));
    expect(batches[0]?.events).toEqual([{ type: 'delta', content: 'kept' }]);
    expect(batches[0]?.failure).toMatchObject({ kind: 'protocol' });
  });

  it('marks an error chunk that follows text, so that recovery does not repeat the text', () => {
    const before = decode('data: {"error":{"message":"busy"}}\n\n');
    expect(before.batches[0]?.failure).toMatchObject({ kind: 'server', message: 'busy' });
    expect(before.state.errorAfterText).toBeUndefined();
    const after = decode(chunk({ content: 'Hi' }) + 'data: {"error":{"message":"busy"}}\n\n');
    expect(after.state.errorAfterText).toBe(after.batches[0]?.failure);
  });

  it('remembers the last event id and the server retry delay, and no id after the end', () => {
    const { state } = decode(
      'retry: 1500\n' + 'id: 7\n' + chunk({ content: 'a' }) + 'id: 8\ndata: [DONE]\n\nid: 9\n\n',
    );
    expect(state).toMatchObject({ lastEventId: '8', serverRetryMs: 1500 });
  });

  it('merges the fragments of each tool call by index and yields a delta per fragment', () => {
    const call = (index: number, fields: Record<string, unknown>) => chunk({ tool_calls: [{ index, ...fields }] });
    const { batches, state } = decode(
      call(0, { id: 'a', function: { name: 'get_weather', arguments: '{"ci' } }) +
        call(1, { id: 'b', function: { name: 'get_time', arguments: '{}' } }) +
        call(0, { function: { arguments: 'ty":"Paris"}' } }),
    );
    expect(batches[0]?.events).toEqual([
      { type: 'tool-call-delta', index: 0, id: 'a', name: 'get_weather', argumentsDelta: '{"ci' },
      { type: 'tool-call-delta', index: 1, id: 'b', name: 'get_time', argumentsDelta: '{}' },
      { type: 'tool-call-delta', index: 0, id: 'a', name: 'get_weather', argumentsDelta: 'ty":"Paris"}' },
    ]);
    expect(state.toolCalls.get(0)?.arguments).toBe('{"city":"Paris"}');
    expect(state.textSeen).toBe(true);
  });

  it('yields each cited source once, and the side-channel events in stream order', () => {
    const insight = { id: 'i', kind: 'tip', title: 'Be specific', description: 'Say which.' };
    const { batches } = decode(
      `data: ${JSON.stringify({ choices: [], citations: ['https://a.example', 'https://a.example'] })}\n\n` +
        `event: insight\ndata: ${JSON.stringify(insight)}\n\n` +
        `data: ${JSON.stringify({ choices: [], citations: ['https://a.example', 'https://b.example'] })}\n\n`,
    );
    expect(batches[0]?.events).toEqual([
      { type: 'source', source: { url: 'https://a.example' } },
      { type: 'insight', insight },
      { type: 'source', source: { url: 'https://b.example' } },
    ]);
  });
});
