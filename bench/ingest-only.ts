import './resolve-ts.ts';

/*
 * `npm run bench:ingest`: only the ingest part of `npm run bench` (seconds, not minutes), for working on the
 * transport's speed. INGEST_ROUNDS sets the rounds (default 7, as the full bench).
 */

// After the hook above: ingest.ts imports src/ through it.
const { chunkLabel, runIngest } = await import('./ingest.ts');

const rounds = Number(process.env.INGEST_ROUNDS ?? 7);
const result = await runIngest(rounds, (line) => console.error(line));

for (const row of result.rows) {
  const verdict = row.pass === null ? '' : row.pass ? `  ≤ ${row.budget}× pass` : `  > ${row.budget}× FAIL`;
  console.log(
    `${chunkLabel(row.chunkSize).padStart(6)}: ours ${row.oursMs.toFixed(0).padStart(4)} ms  bare pipeline ` +
      `${row.bareMs.toFixed(0).padStart(4)} ms  ${row.ratio.toFixed(2)}×${verdict}  · floor ${row.floorMs.toFixed(0)} ms ` +
      `(bare pipeline ${row.bareToFloor.toFixed(2)}× floor)`,
  );
}
