import { expect, it } from 'vitest';
import { faultKinds } from './faults.js';
import { formatReport } from './report.js';
import { runSoak } from './run-soak.js';

/*
 * The soak in small, inside `npm test`: 20 answers with a quarter of the responses faulted, so that every kind of
 * fault comes up. Deterministic: the seed fixes every answer, fault and byte split; the chat's ten retries per answer
 * outlast any run of faults (run-soak.ts), and every wait is generous. `npm run soak` is the full run.
 */

/** Its first responses alone carry every kind of fault (asserted below: a change to the draws must pick another). */
const SEED = 36;

it(
  'streams 20 answers through injected faults, each shown exactly, with no console error',
  { timeout: 180_000 },
  async () => {
    const result = await runSoak({ answers: 20, seed: SEED, faultRate: 0.25 });
    console.log(formatReport(result));
    expect(result.failures).toEqual([]);
    expect(result.consoleErrors).toEqual([]);
    expect(result.server.violations).toEqual([]);
    for (const kind of faultKinds) expect(result.server.faults[kind], kind).toBeGreaterThan(0);
    expect(result.server.resumes).toBeGreaterThan(0);
  },
);
