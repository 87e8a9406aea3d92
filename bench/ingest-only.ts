import './resolve-ts.ts';
import { createParser } from 'eventsource-parser';
import { collectGarbage, median } from './stats.ts';

/*
 * `npm run bench:ingest`: only the ingest part of `npm run bench` (seconds, not minutes), for working on the
 * transport's speed. INGEST_ROUNDS sets the rounds (default 7, as the full bench).
 *
 * Beside ours and the floor it times the bare pipeline: the same in-memory body read with a stream reader,
 * decoded, split by eventsource-parser and every payload JSON.parse'd, with none of our logic. The floor
 * pays neither the stream reads nor the SSE parsing, so this is what ours cannot go below. It runs after
 * runIngest's rounds (runIngest takes no extra case), so its ratio to that run's floor is less exact.
 */

// After the hook above: ingest.ts imports src/ through it.
const { buildTranscript, INGEST_CHUNK_SIZES, runIngest } = await import('./ingest.ts');

const rounds = Number(process.env.INGEST_ROUNDS ?? 7);
const result = await runIngest(rounds, (line) => console.error(line));

const transcript = buildTranscript();
async function timeBarePipeline(chunkSize: number): Promise<number> {
  const { bytes } = transcript;
  let offset = 0;
  const reader = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(bytes.subarray(offset, offset + chunkSize));
      offset += chunkSize;
      if (offset >= bytes.length) controller.close();
    },
  }).getReader();
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
const bare = new Map<number, number[]>(INGEST_CHUNK_SIZES.map((size) => [size, []]));
for (let round = 0; round <= rounds; round += 1) {
  for (const size of INGEST_CHUNK_SIZES) {
    collectGarbage();
    const elapsed = await timeBarePipeline(size);
    // Round 0 warms the JIT up.
    if (round > 0) bare.get(size)?.push(elapsed);
  }
}

for (const row of result.rows) {
  const size = row.chunkSize >= 1024 ? `${row.chunkSize / 1024} KiB` : `${row.chunkSize} B`;
  const verdict = row.pass === null ? '' : row.pass ? `  ≤ ${row.budget}× pass` : `  > ${row.budget}× FAIL`;
  const bareMs = median(bare.get(row.chunkSize) ?? []);
  console.log(
    `${size.padStart(6)}: ours ${row.oursMs.toFixed(0).padStart(4)} ms  floor ${row.floorMs.toFixed(0).padStart(4)} ms  ` +
      `${row.ratio.toFixed(2)}×${verdict}  · bare pipeline ${bareMs.toFixed(0)} ms (${(bareMs / row.floorMs).toFixed(2)}× floor)`,
  );
}
