import './resolve-ts.ts';
import { readFile } from 'node:fs/promises';
import type { IngestResult } from './ingest.ts';
import type { BundleResult } from './peers/bundle.ts';
import type { PeerRow } from './peers/report.ts';
import type { RenderResults } from './render/drive.ts';

/*
 * `npm run bench:summary`: every figure issue 18 asks for, in one table, from the files the last `npm run bench`
 * (bench/results.json) and `npm run soak` (test/soak/results.json) wrote, with the command that reproduces each row.
 * Reads only: run those two first.
 */

interface BenchResults {
  date: string;
  machine: { cpus: number; loadBefore: number[]; loadAfter: number[] };
  chromium: string;
  ingest: IngestResult;
  render: RenderResults;
  peers: { table: PeerRow[]; flat: { cpu: number; render: number; pass: boolean } };
  bundles: BundleResult[];
}

interface SoakResults {
  date: string;
  answers: number;
  exact: number;
  exactPercent: number;
  faultRate: number;
  retries: number;
  seed: number;
  failures: unknown[];
  consoleErrors: unknown[];
  server: { faults: Record<string, number>; resumes: number; violations: unknown[] };
}

// After the hook above: these import src/ through it.
const { FLAT_GOAL, markdownTable, STREAMDOWN_GOAL } = await import('./peers/report.ts');
const { LONG_ANSWER_BUDGET } = await import('./report.ts');
const { chunkLabel } = await import('./ingest.ts');

const read = async <T>(path: string): Promise<T> =>
  JSON.parse(await readFile(new URL(path, import.meta.url), 'utf8')) as T;
const bench = await read<BenchResults>('./results.json');
const soak = await read<SoakResults>('../test/soak/results.json');

/** Three significant figures, as the bench prints them. */
const fig = (value: number): string => String(Number(value.toPrecision(3)));
const verdict = (ok: boolean | null): string => (ok === null ? '' : ok ? 'pass' : 'FAIL');

type Line = [measure: string, ours: string, against: string, ratio: string, goal: string, result: string, how: string];
const lines: Line[] = [];

const BENCH = '`npm run bench`';
const PEERS = '`npm run bench:peers`';
for (const row of bench.peers.table)
  lines.push([
    `markdown while streaming, ${row.answer}: main-thread ms/token`,
    fig(row.cpu.ours),
    `Streamdown ${fig(row.cpu.streamdown)} · react-markdown ${fig(row.cpu['react-markdown'])} · text node ${fig(row.cpu.plain)}`,
    `${fig(row.oursToStreamdown)}× SD`,
    `≤ ${STREAMDOWN_GOAL}× SD`,
    verdict(row.pass),
    PEERS,
  ]);
const { flat } = bench.peers;
lines.push([
  'markdown while streaming: ours 400 ÷ 10 paragraphs',
  `${fig(flat.cpu)}× (render only ${fig(flat.render)}×)`,
  '',
  '',
  `≤ ${FLAT_GOAL}×`,
  verdict(flat.pass),
  PEERS,
]);
const longTasks = Math.max(...bench.peers.table.map((row) => row.longTasks.ours));
const theirLongTasks = Math.max(...bench.peers.table.map((row) => row.longTasks.streamdown));
lines.push([
  'markdown while streaming: long tasks per round, worst answer',
  String(longTasks),
  `Streamdown ${theirLongTasks}`,
  '',
  '0',
  verdict(longTasks === 0),
  PEERS,
]);
const longest = bench.peers.table.find((row) => row.answer === 'prose 400');
if (longest)
  lines.push([
    'markdown: first paint of a 400-paragraph answer (ms)',
    fig(longest.firstPaintMs.ours),
    `Streamdown ${fig(longest.firstPaintMs.streamdown)}`,
    `${fig(longest.firstPaintMs.ours / longest.firstPaintMs.streamdown)}×`,
    '',
    '',
    PEERS,
  ]);

const kB = (bytes: number): string => (bytes / 1000).toFixed(1);
const bundle = (prefix: string) => bench.bundles.find((b) => b.name.startsWith(prefix));
const ours = bundle('ours: everything (');
const peers = ['streamdown', 'react-markdown', '@ai-sdk/react', '@assistant-ui/react: a chat'].map(bundle);
if (ours)
  lines.push([
    'bundle, initial kB gzip (everything; highlighter and math lazy)',
    kB(ours.initial),
    peers.map((b) => (b ? `${b.name.split(':')[0]} ${kB(b.initial)}` : '')).join(' · '),
    '',
    '',
    '',
    PEERS,
  ]);

const INGEST = '`npm run bench:ingest`';
for (const row of bench.ingest.rows) {
  lines.push([
    `ingest 20 MB at ${chunkLabel(row.chunkSize)} reads (ms)`,
    fig(row.oursMs),
    `bare pipeline ${fig(row.bareMs)} · floor ${fig(row.floorMs)}`,
    `${fig(row.ratio)}× bare (bare ${fig(row.bareToFloor)}× floor)`,
    row.budget === null ? '' : `≤ ${row.budget}× bare`,
    verdict(row.pass),
    INGEST,
  ]);
}

const { scale, cases, memory } = bench.render;
const RENDER = '`npm run bench:render`';
const n = scale.history.toLocaleString('en');
const at = (history: number) => cases.find((c) => c.name === `ours history ${history}`);
const empty = at(0);
const full = at(scale.history);
lines.push([
  `${n} messages: mount, render() → first paint (ms)`,
  fig(scale.mountMs.history),
  `0 messages ${fig(scale.mountMs.empty)}`,
  '',
  '',
  '',
  RENDER,
]);
lines.push([`${n} messages: every message in the page (ms)`, fig(scale.mountMs.historyAll), '', '', '', '', RENDER]);
if (empty && full) {
  const ratio = full.msPerToken / empty.msPerToken;
  lines.push([
    `${n} messages: main-thread ms/token`,
    fig(full.msPerToken),
    `0 messages ${fig(empty.msPerToken)}`,
    `${fig(ratio)}×`,
    '≤ 1.2×',
    verdict(ratio <= 1.2),
    RENDER,
  ]);
  lines.push([
    `${n} messages: long tasks on append (longest ms)`,
    `${full.longTasksOnAppend} (${Math.round(full.longestTaskOnAppendMs)})`,
    '',
    '',
    '0',
    verdict(full.longTasksOnAppend === 0),
    RENDER,
  ]);
}
lines.push([
  `${n} messages: heap per message, JS (JS + Blink) kB`,
  `${kB(scale.heapPerMessage.js)} (${kB(scale.heapPerMessage.withDom)})`,
  '',
  '',
  '',
  '',
  RENDER,
]);
if (memory) {
  const chars = memory.longAnswerChars.toLocaleString('en');
  lines.push([
    `100k-token answer still streaming: JS heap ÷ its text (${chars} chars)`,
    `${fig(memory.longAnswerStreamingMultiple)}×`,
    '',
    '',
    `≤ ${LONG_ANSWER_BUDGET}×`,
    verdict(memory.longAnswerStreamingMultiple <= LONG_ANSWER_BUDGET),
    BENCH,
  ]);
  lines.push([
    '100k-token answer finished: JS heap ÷ its text',
    `${fig(memory.longAnswerMultiple)}×`,
    `with Blink ${fig(memory.longAnswerMultipleWithDom)}×`,
    '',
    `≤ ${LONG_ANSWER_BUDGET}×`,
    verdict(memory.longAnswerMultiple <= LONG_ANSWER_BUDGET),
    BENCH,
  ]);
}

const SOAK = '`npm run soak`';
const faults = Object.entries(soak.server.faults)
  .map(([kind, count]) => `${count} ${kind}`)
  .join(', ');
lines.push([
  `soak: ${soak.answers} answers through EnhancedChatInterface, ${soak.faultRate * 100}% faulted (${faults}): exact text`,
  `${soak.exactPercent}%`,
  '',
  '',
  '≥ 99.5% (goal 99.9%)',
  verdict(soak.exactPercent >= 99.5),
  SOAK,
]);
lines.push([
  'soak: console errors, protocol violations, answers not back to connected',
  `${soak.consoleErrors.length}, ${soak.server.violations.length}, ${soak.failures.length}`,
  '',
  '',
  '0, 0, 0',
  verdict(soak.consoleErrors.length + soak.server.violations.length + soak.failures.length === 0),
  SOAK,
]);

const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
console.log(
  `Bench ${bench.date.slice(0, 16).replace('T', ' ')} UTC, ${bench.chromium}, ${bench.machine.cpus} CPUs, load ` +
    `${load(bench.machine.loadBefore)} → ${load(bench.machine.loadAfter)}; soak ${soak.date.slice(0, 16).replace('T', ' ')} UTC, seed ${soak.seed}.\n`,
);
console.log(markdownTable(['measure', 'ours', 'against (same run)', 'ratio', 'goal', 'result', 'reproduce'], lines));
