/**
 * Tool calls and cited sources on the wire, driven through a real HTTP server: provider-shaped transcripts under
 * every chunking the transport suite uses, resume and retry with calls in flight, non-streaming replies, sources.
 */
import { describe, expect, it } from 'vitest';
import type { ChatStreamEvent } from '../../src/core/types.js';
import { withSseServer } from '../support/with-sse-server.js';
import {
  asChatError,
  DONE,
  eventsAfter,
  type Eol,
  type Handler,
  retriesOf,
  sse,
  textOf,
} from '../support/sse-server.js';
import { transcripts, type ProviderTranscript } from './fixtures/tool-call-transcripts.js';

const { server, run } = withSseServer();

/** A chunk with any delta fields (the suite's `chunk` knows only text ones). */
const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  choices: [{ index: 0, delta, finish_reason: finish }],
});

type Of<T extends ChatStreamEvent['type']> = Extract<ChatStreamEvent, { type: T }>;
const ofType = <T extends ChatStreamEvent['type']>(events: ChatStreamEvent[], type: T): Of<T>[] =>
  events.filter((event): event is Of<T> => event.type === type);

const body = (t: ProviderTranscript, eol: Eol) =>
  t.payloads.map((payload) => sse({ data: payload === '[DONE]' ? '[DONE]' : payload }, eol)).join('');

/** A seeded generator, so a failing chunking can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

type Chunking = { name: string; eol: Eol; cuts: (bytes: Uint8Array) => number[] | 'every-byte' };
const chunkings: Chunking[] = [
  { name: 'whole', eol: '\n', cuts: () => [] },
  { name: 'every byte', eol: '\n', cuts: () => 'every-byte' },
  {
    name: 'CRLF, cut after every CR and LF',
    eol: '\r\n',
    cuts: (b) => [...b.keys()].filter((i) => b[i] === 10 || b[i] === 13).map((i) => i + 1),
  },
  { name: 'CR line ends', eol: '\r', cuts: () => [] },
  ...[1, 2, 3].map((seed) => ({
    name: `random cuts (seed ${seed})`,
    eol: '\n' as Eol,
    cuts: (b: Uint8Array) => {
      const random = seeded(seed);
      return [...b.keys()].filter(() => random() < 0.08);
    },
  })),
];

const serve =
  (bytes: Uint8Array, cuts: number[] | 'every-byte'): Handler =>
  async (x) => {
    x.sseHead();
    await x.writeSplit(bytes, cuts);
    await x.end();
  };

describe('tool calls as providers stream them', { timeout: 20_000 }, () => {
  for (const t of transcripts) {
    it.each(chunkings)(`${t.provider}: $name`, async (chunking) => {
      const bytes = Buffer.from(body(t, chunking.eol));
      server().reply(serve(bytes, chunking.cuts(bytes)));
      const { events, error } = await run();
      expect(error).toBeUndefined();
      expect(textOf(events)).toBe(t.expected.text);
      const calls = ofType(events, 'tool-call');
      expect(
        calls.map((c) => ({ index: c.index, id: c.id, name: c.name, arguments: JSON.parse(c.arguments) })),
      ).toEqual(t.expected.calls);
      // The fragments, joined per call, are the call's arguments, and each carries the call's id and name.
      for (const call of calls) {
        const fragments = ofType(events, 'tool-call-delta').filter((d) => d.index === call.index);
        expect(fragments.map((d) => d.argumentsDelta).join('')).toBe(call.arguments);
        expect(fragments.every((d) => d.id === call.id && d.name === call.name)).toBe(true);
      }
      // Complete calls after the last fragment, then finish, last.
      const types = events.map((e) => e.type);
      expect(types.lastIndexOf('tool-call-delta')).toBeLessThan(types.indexOf('tool-call'));
      expect(events.at(-1)).toEqual({ type: 'finish', reason: t.expected.finish });
      expect(retriesOf(events)).toEqual([]);
    });
  }

  it('a non-streaming reply with message.tool_calls yields the same calls', async () => {
    server().reply((x) =>
      x.json(200, {
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: null,
              tool_calls: [
                { id: 'call_1', type: 'function', function: { name: 'get_time', arguments: '{"tz":"UTC"}' } },
              ],
            },
            finish_reason: 'tool_calls',
          },
        ],
      }),
    );
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(ofType(events, 'tool-call')).toEqual([
      { type: 'tool-call', index: 0, id: 'call_1', name: 'get_time', arguments: '{"tz":"UTC"}' },
    ]);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'tool_calls' });
  });
});

describe('recovery with tool calls in flight', { timeout: 10_000 }, () => {
  const FRAGMENTS = ['{"location":', '"Paris, ', 'France"}'];
  const EVENTS = [
    {
      id: '1',
      data: chunk({ tool_calls: [{ index: 0, id: 'call_9', function: { name: 'get_weather', arguments: '' } }] }),
    },
    ...FRAGMENTS.map((args, i) => ({
      id: String(i + 2),
      data: chunk({ tool_calls: [{ index: 0, function: { arguments: args } }] }),
    })),
  ];

  it('a cut mid-arguments resumes with Last-Event-ID, and the call arrives whole, once', async () => {
    const handler =
      (upTo: number, cut: boolean): Handler =>
      async (x) => {
        x.sseHead();
        const due = eventsAfter(EVENTS, x.lastEventId).filter((e) => Number(e.id) <= upTo);
        await x.write(due.map((e) => sse(e)).join(''));
        if (cut) return x.destroy();
        await x.end(sse({ data: chunk({}, 'tool_calls') }) + DONE());
      };
    server().reply(handler(2, true), handler(EVENTS.length, false));
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(server().requests[1]!.headers['last-event-id']).toBe('2');
    expect(retriesOf(events)).toHaveLength(1);
    expect(ofType(events, 'tool-call')).toEqual([
      { type: 'tool-call', index: 0, id: 'call_9', name: 'get_weather', arguments: FRAGMENTS.join('') },
    ]);
  });

  it('a cut after a fragment, without ids, is not retried: the user saw the call begin', async () => {
    server().reply(async (x) => {
      x.sseHead();
      await x.write(
        EVENTS.slice(0, 2)
          .map((e) => sse({ data: e.data }))
          .join(''),
      );
      x.destroy();
    });
    const { events, error } = await run();
    expect(asChatError(error).kind).toBe('network');
    expect(retriesOf(events)).toEqual([]);
    expect(server().requests).toHaveLength(1);
    expect(ofType(events, 'tool-call')).toEqual([]);
  });
});

describe('cited sources', { timeout: 10_000 }, () => {
  it('from annotations, citations and search_results, once per URL, in order of first appearance', async () => {
    const payloads = [
      chunk({ content: 'SSE ' }),
      {
        ...chunk({ content: 'streams.' }),
        citations: ['https://example.com/a', 'https://example.com/b'],
        search_results: [{ url: 'https://example.com/b', title: 'B, with a title' }],
      },
      chunk({
        annotations: [
          { type: 'url_citation', url_citation: { url: 'https://example.com/a', title: 'A again' } },
          { type: 'url_citation', url_citation: { url: 'https://example.com/c', title: 'C' } },
        ],
      }),
      chunk({}, 'stop'),
    ];
    server().reply(serve(Buffer.from(payloads.map((p) => sse({ data: p })).join('') + DONE()), 'every-byte'));
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(ofType(events, 'source').map((e) => e.source)).toEqual([
      { url: 'https://example.com/b', title: 'B, with a title' },
      { url: 'https://example.com/a' },
      { url: 'https://example.com/c', title: 'C' },
    ]);
    expect(textOf(events)).toBe('SSE streams.');
  });
});
