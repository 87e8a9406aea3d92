import './resolve-ts.ts';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';

/*
 * `npm run bench`: ingest in Node, then the server relay against a pass-through proxy (CPU, first token, Redis
 * commands, memory), then rendering, first-token latency and memory in headless Chromium, then ours against the peers
 * (markdown while streaming, bundle sizes). Prints the tables and writes bench/results.json with every median, ratio,
 * budget and pass/fail. Not part of `npm test`.
 * BENCH_ROUNDS sets the rounds of the relay, render and peers parts (default 5); ingest always takes medians of 7.
 */

const started = performance.now();
const log = (line: string) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
const loadBefore = loadavg();

// After the hook above: these import src/ through it.
const { runIngest } = await import('./ingest.ts');
const { formatRelay, runRelay } = await import('./relay.ts');
const { runRender, STREAM_RATE, STREAM_TOKENS } = await import('./render/drive.ts');
const { buildRows, formatTable } = await import('./report.ts');
const { runPeers } = await import('./peers/drive.ts');
const { runBundles } = await import('./peers/bundle.ts');
const { flatness, formatBundles, formatPeers, formatProfile, formatSplit, peerRows } =
  await import('./peers/report.ts');

const ingest = await runIngest(7, log);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const relay = await runRelay(rounds, log);
const render = await runRender(rounds, log);
const peers = await runPeers(rounds, log);
const bundles = await runBundles(log);
const rows = buildRows(ingest, render);
const table = formatTable(rows);
const peersTable = peerRows(peers);
const flat = flatness(peersTable);
const peersFailed = [
  ...peersTable.filter((r) => !r.pass).map((r) => `peers: ours ÷ Streamdown, ${r.answer}`),
  ...(flat.pass ? [] : ['peers: ours 400 ÷ 10 paragraphs']),
];

const results = {
  date: new Date().toISOString(),
  node: process.version,
  chromium: render.chromium,
  machine: { cpus: cpus().length, loadBefore, loadAfter: loadavg() },
  seconds: Math.round((performance.now() - started) / 1000),
  gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
  stream: { tokens: STREAM_TOKENS, tokensPerSecond: STREAM_RATE },
  table: rows,
  failed: [...rows.filter((r) => r.pass === false).map((r) => `${r.part}: ${r.measure}`), ...peersFailed],
  ingest,
  relay,
  render,
  peers: { table: peersTable, flat, ...peers },
  bundles,
};
await writeFile(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

console.log(table);
console.log(`\n${formatRelay(relay)}`);
console.log(`\n${formatPeers(peersTable, rounds)}`);
console.log(`\n${formatSplit(peers)}`);
console.log(`\n${formatProfile(peers.profile)}`);
console.log(`\n${formatBundles(bundles)}`);
console.log(
  `\n${rows.filter((r) => r.pass === true).length + peersTable.length + 1 - peersFailed.length} budgets and goals pass, ${results.failed.length} fail · ${results.seconds} s · load ${loadBefore.map((l) => l.toFixed(1)).join(' ')} → ${results.machine.loadAfter.map((l) => l.toFixed(1)).join(' ')} on ${results.machine.cpus} CPUs · bench/results.json`,
);
