/** The wire protocol of streamChatCompletion, driven through a real HTTP server. */
import { describe, expect, it } from 'vitest';
import { withSseServer } from '../support/with-sse-server.js';
import {
  answer,
  asChatError,
  chunk,
  completion,
  DONE,
  type Eol,
  reasoningOf,
  retriesOf,
  sse,
  type SseServer,
  textChunk,
  textOf,
  typesOf,
} from '../support/sse-server.js';

const { server, run } = withSseServer();

/** A handler that writes `body` as an SSE response cut at `cuts` (byte offsets), then ends. */
const sseBody =
  (body: string | Uint8Array, cuts: number[] | 'every-byte' = []) =>
  async (x: Parameters<Parameters<SseServer['reply']>[0]>[0]) => {
    x.sseHead();
    await x.writeSplit(body, cuts);
    await x.end();
  };

/** Byte offsets just after every occurrence of `byte`. */
const cutsAfter = (bytes: Uint8Array, byte: number): number[] =>
  [...bytes.keys()].filter((i) => bytes[i] === byte).map((i) => i + 1);

describe('line endings and framing', { timeout: 10_000 }, () => {
  const lineEnds: [string, Eol][] = [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ];

  it.each(lineEnds)('%s: every event arrives, the last one included, with no [DONE]', async (_name, eol) => {
    const body =
      sse({ data: chunk({ role: 'assistant', content: '' }) }, eol) +
      `: keep-alive${eol}${eol}` +
      textChunk('Hello', eol) +
      textChunk(', world', eol) +
      sse({ data: chunk({ content: '!', finish_reason: 'stop' }) }, eol);
    const bytes = Buffer.from(body);
    // Cut after every CR and every LF, so a CRLF pair and a trailing CR straddle reads.
    server().reply(sseBody(bytes, [...cutsAfter(bytes, 13), ...cutsAfter(bytes, 10)]));
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe('Hello, world!');
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(retriesOf(events)).toEqual([]);
    expect(server().requests).toHaveLength(1);
  });

  it.each(lineEnds)('%s: a stream ending with [DONE] completes with one request', async (_name, eol) => {
    server().reply(sseBody(answer(['one ', 'two'], eol)));
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe('one two');
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(server().requests).toHaveLength(1);
  });

  it('a leading BOM does not cost the first event, even split across reads', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(textChunk('First') + textChunk(' second') + DONE()),
    ]);
    server().reply(sseBody(bytes), sseBody(bytes, [1, 2, 3]));
    for (let i = 0; i < 2; i += 1) {
      const { events, error } = await run();
      expect(error).toBeUndefined();
      expect(textOf(events)).toBe('First second');
    }
    expect(server().requests).toHaveLength(2);
  });

  it('joins a multi-line data field with newlines before parsing it', async () => {
    const pretty = JSON.stringify(chunk({ content: 'line 1\nline 2' }), null, 2);
    expect(pretty.split('\n').length).toBeGreaterThan(3);
    server().reply(sseBody(sse({ data: pretty }) + DONE()));
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe('line 1\nline 2');
  });

  it('decodes multi-byte UTF-8 (Arabic, emoji) split inside characters', async () => {
    const pieces = ['مرحبا ', 'بالعالم', ' 👋🏽🌍', ' 👨‍👩‍👧 done'];
    const bytes = Buffer.from(answer(pieces));
    // Cut before every UTF-8 continuation byte: every multi-byte character is split.
    const inside = [...bytes.keys()].filter((i) => (bytes[i]! & 0xc0) === 0x80);
    server().reply(sseBody(bytes, inside), sseBody(Buffer.from(textChunk('سلام 🙂') + DONE()), 'every-byte'));
    const first = await run();
    expect(first.error).toBeUndefined();
    expect(textOf(first.events)).toBe(pieces.join(''));
    const second = await run();
    expect(second.error).toBeUndefined();
    expect(textOf(second.events)).toBe('سلام 🙂');
  });

  it('comments and keep-alives carry nothing', async () => {
    const body = `: keep-alive\n\n${textChunk('a')}:\n: ping\n${textChunk('b')}: keep-alive\n\n${DONE()}`;
    server().reply(sseBody(body));
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(events).toEqual([
      { type: 'delta', content: 'ab' },
      { type: 'finish', reason: null },
    ]);
  });
});

describe('completion chunks', { timeout: 10_000 }, () => {
  it('a role-only first chunk and empty choices chunks yield nothing', async () => {
    const body =
      sse({ data: { id: 'x', choices: [], prompt_filter_results: [{ prompt_index: 0 }] } }) +
      sse({ data: chunk({ role: 'assistant' }) }) +
      sse({ data: chunk({ content: 'Hi' }) }) +
      sse({ data: chunk({ emptyChoices: true }) }) +
      sse({ data: chunk({ finish_reason: 'stop' }) }) +
      DONE();
    server().reply(sseBody(body));
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(events).toEqual([
      { type: 'delta', content: 'Hi' },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('reasoning_content and reasoning become reasoning events, apart from the answer', async () => {
    server().reply(async (x) => {
      x.sseHead();
      await x.write(sse({ data: chunk({ reasoning_content: 'Think. ' }) }));
      await x.write(sse({ data: chunk({ reasoning: 'More.' }) }));
      await x.write(sse({ data: chunk({ content: 'Answer' }) }));
      await x.end(sse({ data: chunk({ finish_reason: 'stop' }) }) + DONE());
    });
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(reasoningOf(events)).toBe('Think. More.');
    expect(textOf(events)).toBe('Answer');
    const types = typesOf(events);
    expect(types.lastIndexOf('reasoning')).toBeLessThan(types.indexOf('delta'));
  });

  it('usage from the final chunk comes just before finish', async () => {
    const usage = { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 };
    server().reply(sseBody(textChunk('ok') + sse({ data: chunk({ finish_reason: 'stop', usage }) }) + DONE()));
    const { events } = await run();
    expect(events.slice(-2)).toEqual([
      { type: 'usage', usage: { promptTokens: 10, completionTokens: 2, totalTokens: 12 } },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('Groq x_groq.usage counts, and the last usage seen wins', async () => {
    const body =
      sse({ data: chunk({ content: 'a', usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }) }) +
      sse({
        data: chunk({ finish_reason: 'stop', groqUsage: { prompt_tokens: 7, completion_tokens: 9, total_tokens: 16 } }),
      }) +
      DONE();
    server().reply(sseBody(body));
    const { events } = await run();
    expect(events.filter((e) => e.type === 'usage')).toEqual([
      { type: 'usage', usage: { promptTokens: 7, completionTokens: 9, totalTokens: 16 } },
    ]);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('usage after the finish_reason chunk: usage, then finish last; a later null reason erases nothing', async () => {
    server().reply(async (x) => {
      x.sseHead();
      await x.write(textChunk('Hi'));
      await x.write(sse({ data: chunk({ finish_reason: 'length' }) }));
      await x.write(sse({ data: chunk({ content: '', finish_reason: null }) }));
      await x.write(
        sse({
          data: chunk({ emptyChoices: true, usage: { prompt_tokens: 4, completion_tokens: 1, total_tokens: 5 } }),
        }),
      );
      await x.end(DONE());
    });
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(events).toEqual([
      { type: 'delta', content: 'Hi' },
      { type: 'usage', usage: { promptTokens: 4, completionTokens: 1, totalTokens: 5 } },
      { type: 'finish', reason: 'length' },
    ]);
  });

  it('no usage sent → no usage event', async () => {
    server().reply(sseBody(answer(['x'])));
    const { events } = await run();
    expect(typesOf(events)).not.toContain('usage');
  });

  it('[DONE] without any finish_reason completes with reason null', async () => {
    server().reply(sseBody(textChunk('partial but done') + DONE()));
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(events.at(-1)).toEqual({ type: 'finish', reason: null });
    expect(server().requests).toHaveLength(1);
  });

  it('nothing after [DONE] is yielded', async () => {
    server().reply(sseBody(textChunk('before') + DONE() + textChunk('after')));
    const { events } = await run();
    expect(textOf(events)).toBe('before');
    expect(events.at(-1)).toEqual({ type: 'finish', reason: null });
  });
});

describe('named events', { timeout: 10_000 }, () => {
  it('insight and suggestion events become typed events in stream order; unknown names are ignored', async () => {
    const insight = {
      id: 'i1',
      kind: 'tip',
      title: 'Be specific',
      description: 'Add context.',
      confidence: 0.8,
      suggestedPrompt: 'Explain X',
    };
    const suggestion = { id: 7, title: 'Follow up', content: 'Ask about Y', category: 'next' };
    const body =
      textChunk('A') +
      sse({ event: 'insight', data: insight }) +
      sse({ event: 'metadata', data: chunk({ content: 'NOT TEXT' }) }) +
      sse({ event: 'suggestion', data: suggestion }) +
      sse({ event: 'insight', data: '{broken' }) +
      sse({ event: 'message', data: chunk({ content: 'B' }) }) +
      DONE();
    server().reply(sseBody(body));
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(events).toEqual([
      { type: 'delta', content: 'A' },
      { type: 'insight', insight },
      { type: 'suggestion', suggestion: { id: '7', title: 'Follow up', content: 'Ask about Y', category: 'next' } },
      { type: 'delta', content: 'B' },
      { type: 'finish', reason: null },
    ]);
  });
});

describe('response types', { timeout: 10_000 }, () => {
  it('a 200 application/json reply is a whole answer: delta, usage, finish', async () => {
    server().reply((x) => x.json(200, completion('Whole answer', 'stop')));
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(events).toEqual([
      { type: 'delta', content: 'Whole answer' },
      { type: 'usage', usage: { promptTokens: 3, completionTokens: 5, totalTokens: 8 } },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('a 200 text/html page (a proxy error page) is a protocol error, not an answer, and not retried', async () => {
    server().otherwise((x) => x.text(200, '<html><body>Gateway login</body></html>', 'text/html; charset=utf-8'));
    const { events, error } = await run();
    expect(asChatError(error)).toMatchObject({ kind: 'protocol', retryable: false });
    expect(events).toEqual([]);
    expect(server().requests).toHaveLength(1);
  });

  it('a malformed chunk is a protocol error: text before it stands, nothing after it is yielded', async () => {
    server().otherwise(async (x) => {
      x.sseHead();
      await x.write(textChunk('Kept'));
      await x.pause(5);
      await x.write(`${textChunk(' too')}data: {"choices":[{"delta":{"content":"x"}\n\n${textChunk('Lost')}`);
      await x.pause(5);
      await x.end(textChunk('Lost too') + DONE());
    });
    const { events, error } = await run();
    expect(asChatError(error)).toMatchObject({ kind: 'protocol', retryable: false });
    expect(textOf(events)).toBe('Kept too');
    expect(typesOf(events)).not.toContain('finish');
    expect(server().requests).toHaveLength(1);
  });

  it('a chunk that is JSON but not an object is a protocol error', async () => {
    server().otherwise(sseBody(sse({ data: '[1,2]' }) + DONE()));
    const { error } = await run();
    expect(asChatError(error).kind).toBe('protocol');
    expect(server().requests).toHaveLength(1);
  });
});
