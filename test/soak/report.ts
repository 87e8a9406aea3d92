import { faultKinds } from './faults.js';
import type { SoakResult } from './run-soak.js';

/** The share of answers that were exact, in percent. */
export const exactPercent = (result: SoakResult): number => (100 * result.exact) / result.answers;

/** The run in a few lines, then each answer that was not exact and each console error. */
export function formatReport(result: SoakResult): string {
  const { server } = result;
  const faults = faultKinds.map((kind) => `${kind} ${server.faults[kind]}`).join(', ');
  const total = faultKinds.reduce((sum, kind) => sum + server.faults[kind], 0);
  return [
    `seed ${result.seed}, ${result.answers} answers, ${Math.round(100 * result.faultRate)}% of responses faulted`,
    `exact: ${result.exact}/${result.answers} (${exactPercent(result).toFixed(2)}%)`,
    `faults injected: ${total} (${faults})`,
    `requests: ${server.requests}, ${server.resumes} resumed with Last-Event-ID, ${server.fallbacks} non-streaming fallbacks; retries the chat counted: ${result.retries}`,
    `bytes: ${server.writes} writes, ${server.splitsInsideCharacter} ending inside a UTF-8 character, ${server.splitsInsideCrlf} between CR and LF`,
    `console errors: ${result.consoleErrors.length} (and ${result.failedRequestLogs} of Chromium's own lines for injected failures)`,
    `server violations: ${server.violations.length}`,
    `wall time: ${(result.wallMs / 1000).toFixed(1)} s`,
    ...result.failures.map((f) => `  answer ${f.answer}: ${f.problems.join('; ')}`),
    ...result.consoleErrors.map((e) => `  console: ${e}`),
    ...server.violations.map((v) => `  server: ${v}`),
  ].join('\n');
}
