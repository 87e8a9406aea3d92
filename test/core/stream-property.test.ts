/**
 * Property: however the bytes of an SSE answer are cut into reads (down to one byte per read), with any
 * line ending and an optional BOM, streamChatCompletion yields exactly the answer of the unsplit stream.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamChatCompletion } from '../../src/core/stream.js';
import type { ChatStreamEvent, TokenUsage } from '../../src/core/types.js';
import { chunk, DONE, drain, type Eol, REQUEST, reasoningOf, sse, textOf } from '../support/sse-server.js';

type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'reasoning'; text: string; field: 'reasoning_content' | 'reasoning' }
  | { kind: 'comment'; text: string }
  | { kind: 'role' }
  | { kind: 'empty-choices' }
  | { kind: 'insight'; id: string };

interface Transcript {
  pieces: Piece[];
  usage: { tokens: [number, number, number]; groq: boolean; afterFinish: boolean } | null;
  finish: boolean;
  done: boolean;
  eol: Eol;
  bom: boolean;
  /** Pretty-print chunks, so each spans several `data:` lines. */
  multiLine: boolean;
  /** Give events `id:` fields. */
  ids: boolean;
}

const fragment = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.constantFrom(
    'مرحبا',
    ' بالعالم',
    '👋🏽',
    '🌍',
    '👨‍👩‍👧',
    '\n',
    '\r\n',
    '\r',
    'a\nb',
    '"q"',
    '\\',
    'data: x',
    ': no',
    '[DONE]',
    '\uFEFF',
  ),
);
const text = fc.array(fragment, { maxLength: 3 }).map((parts) => parts.join(''));
const lineSafe = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ' '));

const piece: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 6, arbitrary: text.map((t) => ({ kind: 'text' as const, text: t })) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('reasoning' as const),
      text,
      field: fc.constantFrom('reasoning_content' as const, 'reasoning' as const),
    }),
  },
  { weight: 1, arbitrary: lineSafe.map((t) => ({ kind: 'comment' as const, text: t })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'role' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'empty-choices' as const }) },
  { weight: 1, arbitrary: fc.nat(99).map((n) => ({ kind: 'insight' as const, id: `i${n}` })) },
);

const transcript: fc.Arbitrary<Transcript> = fc
  .record({
    pieces: fc.array(piece, { maxLength: 12 }),
    usage: fc.option(
      fc.record({
        tokens: fc.tuple(fc.nat(5000), fc.nat(5000), fc.integer({ min: 1, max: 10_000 })),
        groq: fc.boolean(),
        afterFinish: fc.boolean(),
      }),
    ),
    finish: fc.boolean(),
    done: fc.boolean(),
    eol: fc.constantFrom<Eol>('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    multiLine: fc.boolean(),
    ids: fc.boolean(),
  })
  // A stream with neither finish_reason nor [DONE] is an interruption, not an answer.
  .filter((t) => t.finish || t.done);

function encode(t: Transcript): Uint8Array {
  let id = 0;
  const event = (data: unknown, name?: string) =>
    sse(
      {
        data: t.multiLine ? JSON.stringify(data, null, 1) : data,
        ...(name === undefined ? {} : { event: name }),
        ...(t.ids ? { id: String((id += 1)) } : {}),
      },
      t.eol,
    );
  let out = '';
  for (const p of t.pieces) {
    if (p.kind === 'text') out += event(chunk({ content: p.text }));
    else if (p.kind === 'reasoning') out += event(chunk({ [p.field]: p.text }));
    else if (p.kind === 'comment') out += `:${p.text}${t.eol}`;
    else if (p.kind === 'role') out += event(chunk({ role: 'assistant', content: '' }));
    else if (p.kind === 'empty-choices') out += event(chunk({ emptyChoices: true }));
    else out += event({ id: p.id, kind: 'info', title: 'T', description: 'D' }, 'insight');
  }
  const usage = t.usage && {
    prompt_tokens: t.usage.tokens[0],
    completion_tokens: t.usage.tokens[1],
    total_tokens: t.usage.tokens[2],
  };
  const usageParts = usage ? (t.usage?.groq ? { groqUsage: usage } : { usage }) : {};
  if (t.finish) out += event(chunk({ finish_reason: 'stop', ...(t.usage?.afterFinish ? {} : usageParts) }));
  if (usage && (t.usage?.afterFinish || !t.finish)) out += event(chunk({ emptyChoices: true, ...usageParts }));
  if (t.done) out += DONE(t.eol);
  const bytes = new TextEncoder().encode(out);
  return t.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
}

function split(bytes: Uint8Array, cuts: number[] | 'every-byte'): Uint8Array[] {
  if (cuts === 'every-byte') return Array.from(bytes, (b) => new Uint8Array([b]));
  const points = [...new Set(cuts.map((c) => Math.floor(c * bytes.length)))]
    .filter((c) => c > 0 && c < bytes.length)
    .sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.slice(from, point));
    from = point;
  }
  return pieces;
}

/** Runs streamChatCompletion against an in-memory fetch whose SSE body delivers `reads`, one per read(). */
async function consume(reads: Uint8Array[]): Promise<{ events: ChatStreamEvent[]; error: unknown; calls: number }> {
  let calls = 0;
  const fetchStub: typeof fetch = async () => {
    calls += 1;
    let next = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const read = reads[next++];
        if (read === undefined) controller.close();
        else controller.enqueue(read);
      },
    });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  };
  const { events, error } = await drain(streamChatCompletion(REQUEST, { fetch: fetchStub, retry: { maxRetries: 0 } }));
  return { events, error, calls };
}

function expected(t: Transcript) {
  const texts = t.pieces.flatMap((p) => (p.kind === 'text' ? [p.text] : []));
  const reasoning = t.pieces.flatMap((p) => (p.kind === 'reasoning' ? [p.text] : []));
  const usage: TokenUsage | null = t.usage
    ? { promptTokens: t.usage.tokens[0], completionTokens: t.usage.tokens[1], totalTokens: t.usage.tokens[2] }
    : null;
  return {
    text: texts.join(''),
    reasoning: reasoning.join(''),
    insights: t.pieces.flatMap((p) => (p.kind === 'insight' ? [p.id] : [])),
    tail: [...(usage ? [{ type: 'usage', usage }] : []), { type: 'finish', reason: t.finish ? 'stop' : null }],
  };
}

function summary(events: ChatStreamEvent[]) {
  const usageAt = events.findIndex((e) => e.type === 'usage');
  return {
    text: textOf(events),
    reasoning: reasoningOf(events),
    insights: events.flatMap((e) => (e.type === 'insight' ? [e.insight.id] : [])),
    tail: events.slice(usageAt === -1 ? -1 : usageAt),
  };
}

describe('SSE decoding under arbitrary read boundaries', () => {
  it('yields exactly the text, reasoning and usage of the unsplit stream', { timeout: 60_000 }, async () => {
    const cuts = fc.oneof(
      { weight: 1, arbitrary: fc.constant('every-byte' as const) },
      { weight: 9, arbitrary: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }) },
    );
    await fc.assert(
      fc.asyncProperty(transcript, cuts, async (t, cut) => {
        const bytes = encode(t);
        const want = expected(t);
        const whole = await consume([bytes]);
        const pieces = await consume(split(bytes, cut));
        for (const run of [whole, pieces]) {
          expect(run.error).toBeUndefined();
          expect(run.calls).toBe(1);
          expect(summary(run.events)).toEqual(want);
          expect(run.events.filter((e) => e.type === 'finish' || e.type === 'usage')).toHaveLength(want.tail.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
