import { createParser } from 'eventsource-parser';
import { streamChatCompletion } from '../src/core/stream.ts';
import { answerTokens, chunkEvent, endEvents } from './content.ts';
import { collectGarbage, median } from './stats.ts';

/*
 * Ingest: a 20 MB OpenAI-style transcript through `streamChatCompletion` from an in-memory `fetch`, against the bare
 * pipeline (the same body read with a stream reader, decoded, split by eventsource-parser, every payload
 * JSON.parse'd, none of our logic), and that against the floor any client must pay: decoding the bytes (TextDecoder)
 * and JSON.parse of every payload. Runs interleave (floor, bare, ours, per chunk size, per round), so a busy machine
 * slows every side of each ratio alike.
 */

export interface Transcript {
  bytes: Uint8Array;
  /** Every `data:` payload, for the floor's JSON.parse. */
  payloads: string[];
  events: number;
  /** Answer characters (UTF-16 code units) the stream must yield. */
  textLength: number;
}

/** About `targetBytes` of SSE: one chunk event per token, then finish, usage and `[DONE]`. */
export function buildTranscript(targetBytes = 20 * 1024 * 1024): Transcript {
  const tokens = answerTokens(200_000, 7);
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let size = 0;
  let textLength = 0;
  for (let i = 0; size < targetBytes; i += 1) {
    const token = tokens[i % tokens.length] ?? ' word';
    const event = chunkEvent(token);
    parts.push(event);
    size += Buffer.byteLength(event);
    textLength += token.length;
  }
  parts.push(endEvents(parts.length));
  const text = parts.join('');
  const payloads = text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));
  return { bytes: encoder.encode(text), payloads, events: payloads.length, textLength };
}

/** `bytes` as a stream, `chunkSize` bytes per read. */
function chunkedBody(bytes: Uint8Array, chunkSize: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(bytes.subarray(offset, offset + chunkSize));
      offset += chunkSize;
      if (offset >= bytes.length) controller.close();
    },
  });
}

/** A `fetch` that answers with `bytes` as an SSE body, delivered `chunkSize` bytes per read. */
function inMemoryFetch(bytes: Uint8Array, chunkSize: number): typeof globalThis.fetch {
  return async () => new Response(chunkedBody(bytes, chunkSize), { headers: { 'content-type': 'text/event-stream' } });
}

/** Time for `streamChatCompletion` to yield the whole answer. */
async function timeOurs(transcript: Transcript, chunkSize: number): Promise<number> {
  const fetch = inMemoryFetch(transcript.bytes, chunkSize);
  const start = performance.now();
  let length = 0;
  for await (const event of streamChatCompletion(
    { model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hello' }] },
    { fetch, endpoint: 'http://bench.invalid/chat', retry: { maxRetries: 0 } },
  )) {
    if (event.type === 'delta') length += event.content.length;
  }
  const elapsed = performance.now() - start;
  if (length !== transcript.textLength) throw new Error(`ingest lost text: ${length} of ${transcript.textLength}`);
  return elapsed;
}

/** The bare pipeline: what any SSE client reading a fetch body does, with nothing of ours. */
async function timeBarePipeline(transcript: Transcript, chunkSize: number): Promise<number> {
  // Read through a Response, as ours is: a fetch hands its body over as `response.body`.
  const body = new Response(chunkedBody(transcript.bytes, chunkSize)).body;
  if (!body) throw new Error('no body');
  const reader = body.getReader();
  const start = performance.now();
  const decoder = new TextDecoder();
  let parsed = 0;
  const parser = createParser({
    onEvent: ({ data }) => {
      if (data !== '[DONE]' && JSON.parse(data) !== null) parsed += 1;
    },
  });
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    parser.feed(decoder.decode(read.value, { stream: true }));
  }
  const elapsed = performance.now() - start;
  if (parsed !== transcript.events - 1) throw new Error(`bare pipeline parsed ${parsed} of ${transcript.events - 1}`);
  return elapsed;
}

/** The floor: decode the same chunks, and JSON.parse every payload. */
function timeFloor(transcript: Transcript, chunkSize: number): number {
  const { bytes, payloads } = transcript;
  const start = performance.now();
  const decoder = new TextDecoder();
  let chars = 0;
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    chars += decoder.decode(bytes.subarray(offset, offset + chunkSize), { stream: true }).length;
  }
  chars += decoder.decode().length;
  let parsed = 0;
  for (const payload of payloads) if (payload !== '[DONE]' && JSON.parse(payload) !== null) parsed += 1;
  const elapsed = performance.now() - start;
  if (chars === 0 || parsed !== payloads.length - 1) throw new Error('floor read nothing');
  return elapsed;
}

export interface IngestRow {
  chunkSize: number;
  oursMs: number;
  bareMs: number;
  floorMs: number;
  /** ours / bare pipeline (median of each): what our transport adds. */
  ratio: number;
  /** bare pipeline / floor: what reading a stream and parsing SSE cost any client. */
  bareToFloor: number;
  /** MB/s of ours. */
  throughput: number;
  budget: number | null;
  pass: boolean | null;
  runs: number;
}

export interface IngestResult {
  megabytes: number;
  events: number;
  rows: IngestRow[];
}

export const INGEST_CHUNK_SIZES = [64, 1024, 64 * 1024] as const;

/** "64 B", "1 KiB", "64 KiB". */
export const chunkLabel = (size: number): string => (size >= 1024 ? `${size / 1024} KiB` : `${size} B`);
/**
 * Ours ÷ the bare pipeline, at network-sized chunks. At 64 B nearly every read carries one event, and ours hands each
 * read's events to its consumer through an async iterator (one resolved promise per layer): reported, not budgeted.
 */
const BUDGETS: Record<number, number | null> = { 64: null, 1024: 1.15, [64 * 1024]: 1.15 };

export async function runIngest(rounds = 7, log: (line: string) => void = () => {}): Promise<IngestResult> {
  const transcript = buildTranscript();
  const megabytes = transcript.bytes.length / 1024 / 1024;
  log(`ingest: ${megabytes.toFixed(1)} MB, ${transcript.events} events, ${rounds} rounds`);
  // One warm-up pass of each, so the first measured round is not paying for the JIT.
  for (const size of INGEST_CHUNK_SIZES) {
    timeFloor(transcript, size);
    await timeBarePipeline(transcript, size);
    await timeOurs(transcript, size);
  }
  const samples = new Map<number, { ours: number[]; bare: number[]; floor: number[] }>(
    INGEST_CHUNK_SIZES.map((size) => [size, { ours: [], bare: [], floor: [] }]),
  );
  for (let round = 0; round < rounds; round += 1) {
    for (const size of INGEST_CHUNK_SIZES) {
      const sample = samples.get(size);
      if (!sample) continue;
      collectGarbage();
      sample.floor.push(timeFloor(transcript, size));
      collectGarbage();
      sample.bare.push(await timeBarePipeline(transcript, size));
      collectGarbage();
      sample.ours.push(await timeOurs(transcript, size));
    }
    log(`ingest: round ${round + 1}/${rounds}`);
  }
  const rows = INGEST_CHUNK_SIZES.map((chunkSize): IngestRow => {
    const { ours, bare, floor } = samples.get(chunkSize) ?? { ours: [], bare: [], floor: [] };
    const oursMs = median(ours);
    const bareMs = median(bare);
    const floorMs = median(floor);
    const ratio = oursMs / bareMs;
    const budget = BUDGETS[chunkSize] ?? null;
    return {
      chunkSize,
      oursMs,
      bareMs,
      floorMs,
      ratio,
      bareToFloor: bareMs / floorMs,
      throughput: megabytes / (oursMs / 1000),
      budget,
      pass: budget === null ? null : ratio <= budget,
      runs: ours.length,
    };
  });
  return { megabytes, events: transcript.events, rows };
}
