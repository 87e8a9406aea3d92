import { describe, expect, it } from 'vitest';
import { ChatError } from '../../src/core/errors.js';
import { errorMessageOf, interpretCompletion, interpretEvent, type ProtocolStep } from '../../src/core/protocol.js';

const data = (value: unknown) => ({ data: JSON.stringify(value) });
const delta = (d: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  data({ choices: [{ index: 0, delta: d, finish_reason: null }], ...extra });

function thrown(run: () => unknown): ChatError {
  try {
    run();
  } catch (error) {
    if (error instanceof ChatError) return error;
    throw error;
  }
  throw new Error('expected a ChatError');
}

const errorOf = (step: ProtocolStep): ChatError => {
  if (step.kind !== 'error') throw new Error(`expected an error step, got ${step.kind}`);
  return step.error;
};

describe('interpretEvent: completion chunks', () => {
  it('reads content, reasoning_content, reasoning and finish_reason from choices[0]', () => {
    expect(interpretEvent(delta({ content: 'Hi' }))).toEqual({
      kind: 'chunk',
      content: 'Hi',
      reasoning: '',
      toolCalls: [],
      sources: [],
      finishReason: null,
      usage: null,
    });
    expect(interpretEvent(delta({ reasoning_content: 'why' }))).toMatchObject({ content: '', reasoning: 'why' });
    expect(interpretEvent(delta({ reasoning: 'how' }))).toMatchObject({ reasoning: 'how' });
    expect(interpretEvent(data({ choices: [{ index: 0, delta: {}, finish_reason: 'length' }] }))).toMatchObject({
      finishReason: 'length',
    });
  });

  it('treats event: message and an empty event name like an unnamed event', () => {
    const expected = { kind: 'chunk', content: 'x' };
    expect(interpretEvent({ event: 'message', ...delta({ content: 'x' }) })).toMatchObject(expected);
    expect(interpretEvent({ event: undefined, ...delta({ content: 'x' }) })).toMatchObject(expected);
    expect(interpretEvent({ event: '', ...delta({ content: 'x' }) })).toMatchObject(expected);
  });

  it('a null content, a role-only delta, a missing delta and empty choices are empty chunks', () => {
    const empty = { kind: 'chunk', content: '', reasoning: '', finishReason: null };
    expect(interpretEvent(delta({ role: 'assistant', content: null }))).toMatchObject(empty);
    expect(interpretEvent(data({ choices: [{ index: 0 }] }))).toMatchObject(empty);
    expect(interpretEvent(data({ choices: [] }))).toMatchObject(empty);
    expect(interpretEvent(data({ id: 'x', object: 'chat.completion.chunk' }))).toMatchObject(empty);
  });

  it('[DONE] ends the stream, surrounding whitespace or not', () => {
    expect(interpretEvent({ data: '[DONE]' })).toEqual({ kind: 'done' });
    expect(interpretEvent({ data: ' [DONE] ' })).toEqual({ kind: 'done' });
  });

  it('reads usage from top-level usage, else x_groq.usage; top-level wins', () => {
    const usage = { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 };
    const groq = { prompt_tokens: 30, completion_tokens: 40, total_tokens: 70 };
    expect(interpretEvent(data({ choices: [], usage }))).toMatchObject({
      usage: { promptTokens: 3, completionTokens: 4, totalTokens: 7 },
    });
    expect(interpretEvent(data({ choices: [], x_groq: { usage: groq } }))).toMatchObject({
      usage: { promptTokens: 30, completionTokens: 40, totalTokens: 70 },
    });
    expect(interpretEvent(data({ choices: [], usage, x_groq: { usage: groq } }))).toMatchObject({
      usage: { totalTokens: 7 },
    });
    expect(interpretEvent(data({ choices: [], usage: null }))).toMatchObject({ usage: null });
  });

  it('a usage without total_tokens adds up prompt and completion', () => {
    expect(interpretEvent(data({ choices: [], usage: { prompt_tokens: 2, completion_tokens: 5 } }))).toMatchObject({
      usage: { promptTokens: 2, completionTokens: 5, totalTokens: 7 },
    });
  });

  it.each([
    ['not JSON', '{"choices": ['],
    ['an array', '[1,2]'],
    ['null', 'null'],
    ['a string', '"hello"'],
    ['empty', ''],
  ])('a chunk that is %s is a protocol error', (_name, raw) => {
    const error = thrown(() => interpretEvent({ data: raw }));
    expect(error.kind).toBe('protocol');
    expect(error.retryable).toBe(false);
  });
});

describe('interpretEvent: error chunks', () => {
  it('an error object → a server error with its message', () => {
    const error = errorOf(
      interpretEvent(data({ error: { message: 'Upstream failed', type: 'server_error', code: null } })),
    );
    expect(error).toMatchObject({ kind: 'server', message: 'Upstream failed', retryable: true });
  });

  it.each([
    ['code rate_limit_exceeded', { code: 'rate_limit_exceeded', message: 'Slow down' }],
    ['numeric code 429', { code: 429, message: 'Slow down' }],
    ['type rate_limit_error', { type: 'rate_limit_error', message: 'Slow down' }],
    ['status 429', { status: 429, message: 'Slow down' }],
  ])('%s → rate_limit', (_name, detail) => {
    expect(errorOf(interpretEvent(data({ error: detail })))).toMatchObject({
      kind: 'rate_limit',
      message: 'Slow down',
    });
  });

  it('a string error is the message; an error without a message still has one', () => {
    expect(errorOf(interpretEvent(data({ error: 'Model overloaded' })))).toMatchObject({
      kind: 'server',
      message: 'Model overloaded',
    });
    expect(errorOf(interpretEvent(data({ error: { code: 'boom' } }))).message).not.toBe('');
  });

  it('error: null is not an error', () => {
    expect(interpretEvent(data({ error: null, choices: [{ delta: { content: 'ok' } }] }))).toMatchObject({
      kind: 'chunk',
      content: 'ok',
    });
  });
});

describe('interpretEvent: named events', () => {
  const insight = {
    id: 'i1',
    kind: 'warning',
    title: 'Careful',
    description: 'Long prompt',
    confidence: 0.4,
    suggestedPrompt: 'Shorten it',
  };

  it('insight → a typed AIInsight', () => {
    expect(interpretEvent({ event: 'insight', ...data(insight) })).toEqual({ kind: 'insight', insight });
  });

  it('insight: a numeric id becomes a string; out-of-range confidence is dropped', () => {
    expect(interpretEvent({ event: 'insight', ...data({ ...insight, id: 3, confidence: 1.5 }) })).toEqual({
      kind: 'insight',
      insight: {
        id: '3',
        kind: 'warning',
        title: 'Careful',
        description: 'Long prompt',
        suggestedPrompt: 'Shorten it',
      },
    });
  });

  it.each([
    ['an unknown kind', { ...insight, kind: 'shout' }],
    ['no title', { ...insight, title: '' }],
    ['no id', { kind: 'tip', title: 'T', description: 'D' }],
  ])('an insight with %s is ignored, not fatal', (_name, value) => {
    expect(interpretEvent({ event: 'insight', ...data(value) })).toEqual({ kind: 'ignore' });
  });

  it('suggestion → a typed AISuggestion; one without content is ignored', () => {
    const suggestion = { id: 's1', title: 'Next', content: 'Ask about tests', category: 'follow-up', confidence: 0.9 };
    expect(interpretEvent({ event: 'suggestion', ...data(suggestion) })).toEqual({ kind: 'suggestion', suggestion });
    expect(interpretEvent({ event: 'suggestion', ...data({ id: 's2', title: 'Next' }) })).toEqual({ kind: 'ignore' });
  });

  it('named events with broken JSON and unknown event names are ignored', () => {
    expect(interpretEvent({ event: 'insight', data: '{oops' })).toEqual({ kind: 'ignore' });
    expect(interpretEvent({ event: 'suggestion', data: 'null' })).toEqual({ kind: 'ignore' });
    expect(interpretEvent({ event: 'metadata', ...delta({ content: 'not answer text' }) })).toEqual({ kind: 'ignore' });
    expect(interpretEvent({ event: 'ping', data: 'not json at all' })).toEqual({ kind: 'ignore' });
    expect(interpretEvent({ event: 'done', data: '[DONE]' })).toEqual({ kind: 'ignore' });
  });
});

describe('interpretCompletion (non-streaming JSON)', () => {
  it('reads choices[0].message, finish_reason and usage', () => {
    const body = {
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'All of it', reasoning_content: 'r' },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    };
    expect(interpretCompletion(JSON.stringify(body))).toEqual({
      kind: 'chunk',
      content: 'All of it',
      reasoning: 'r',
      toolCalls: [],
      sources: [],
      finishReason: 'stop',
      usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 },
    });
  });

  it('an error body is an error step; a body without choices or not JSON is a protocol error', () => {
    expect(errorOf(interpretCompletion(JSON.stringify({ error: { message: 'nope' } })))).toMatchObject({
      kind: 'server',
      message: 'nope',
    });
    expect(thrown(() => interpretCompletion('{"id":"x"}')).kind).toBe('protocol');
    expect(thrown(() => interpretCompletion('<html>')).kind).toBe('protocol');
  });
});

describe('errorMessageOf', () => {
  it('reads error.message, a string error, or a flat message', () => {
    expect(errorMessageOf({ error: { message: 'nested' }, message: 'flat' })).toBe('nested');
    expect(errorMessageOf({ error: 'as string' })).toBe('as string');
    expect(errorMessageOf({ message: 'flat' })).toBe('flat');
  });

  it('is undefined when there is no message', () => {
    expect(errorMessageOf({ error: { code: 1 } })).toBeUndefined();
    expect(errorMessageOf('text')).toBeUndefined();
    expect(errorMessageOf(null)).toBeUndefined();
    expect(errorMessageOf([{ message: 'in an array' }])).toBeUndefined();
  });
});
