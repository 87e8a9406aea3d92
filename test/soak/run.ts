import { randomInt } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { exactPercent, formatReport } from './report.js';
import { runSoak, soakChatOptions } from './run-soak.js';

/*
 * `npm run soak`: 200 answers through EnhancedChatInterface in headless Chromium against the fault server, 10% of
 * responses faulted. Prints the report, writes test/soak/results.json, and exits non-zero when fewer than 99.5% of
 * the answers were exact, on any console error, or when the client broke the protocol. SOAK_SEED replays a run's
 * answers, faults and byte splits (not its timing).
 */

const ANSWERS = 200;
const FAULT_RATE = 0.1;
const FLOOR_PERCENT = 99.5;

const seed = process.env.SOAK_SEED ? Number(process.env.SOAK_SEED) : randomInt(2 ** 32);
if (!Number.isInteger(seed) || seed < 0)
  throw new Error(`SOAK_SEED must be a non-negative integer, not ${process.env.SOAK_SEED}`);
console.error(`soak: seed ${seed} (SOAK_SEED=${seed} npm run soak replays this run)`);
const loadBefore = loadavg();
const result = await runSoak({
  answers: ANSWERS,
  seed,
  faultRate: FAULT_RATE,
  log: (line) => console.error(`soak: ${line}`),
});
console.log(formatReport(result));

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, loadBefore, loadAfter: loadavg() },
  chatOptions: soakChatOptions,
  exactPercent: exactPercent(result),
  ...result,
};
await writeFile(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

const passed =
  exactPercent(result) >= FLOOR_PERCENT && result.consoleErrors.length === 0 && result.server.violations.length === 0;
console.log(passed ? 'soak: pass' : `soak: FAIL (floor ${FLOOR_PERCENT}% exact, no console error, no violation)`);
process.exitCode = passed ? 0 : 1;
