import './resolve-ts.ts';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';

/*
 * `npm run bench`: ingest in Node, then rendering, first-token latency and memory in headless Chromium. Prints one
 * table and writes bench/results.json with every median, ratio, budget and pass/fail. Not part of `npm test`.
 * BENCH_ROUNDS sets the rounds of the render part (default 5); ingest always takes medians of 7.
 */

const started = performance.now();
const log = (line: string) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
const loadBefore = loadavg();

// After the hook above: these import src/ through it.
const { runIngest } = await import('./ingest.ts');
const { runRender, STREAM_RATE, STREAM_TOKENS } = await import('./render/drive.ts');
const { buildRows, formatTable } = await import('./report.ts');

const ingest = await runIngest(7, log);
const render = await runRender(Number(process.env.BENCH_ROUNDS ?? 5), log);
const rows = buildRows(ingest, render);
const table = formatTable(rows);

const results = {
  date: new Date().toISOString(),
  node: process.version,
  chromium: render.chromium,
  machine: { cpus: cpus().length, loadBefore, loadAfter: loadavg() },
  seconds: Math.round((performance.now() - started) / 1000),
  gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
  stream: { tokens: STREAM_TOKENS, tokensPerSecond: STREAM_RATE },
  table: rows,
  failed: rows.filter((r) => r.pass === false).map((r) => `${r.part}: ${r.measure}`),
  ingest,
  render,
};
await writeFile(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

console.log(table);
console.log(
  `\n${rows.filter((r) => r.pass === true).length} budgets pass, ${results.failed.length} fail · ${results.seconds} s · load ${loadBefore.map((l) => l.toFixed(1)).join(' ')} → ${results.machine.loadAfter.map((l) => l.toFixed(1)).join(' ')} on ${results.machine.cpus} CPUs · bench/results.json`,
);
