import { chromium, type Page } from 'playwright';
import { chromiumArgs, requireChromium } from '../../scripts/chromium.js';
import type { MessageStatus } from '../../src/core/messages.js';
import { soakAnswer, soakQuestion } from './answers.js';
import { startFaultServer, type FaultServerStats } from './fault-server.js';
import { servePage } from './page-server.js';
import type { ShownAnswer } from './page/protocol.js';

export interface SoakOptions {
  answers: number;
  seed: number;
  /** The share of responses that carry a fault. */
  faultRate: number;
  log?: (line: string) => void;
}

/** One answer that was not exactly right, and why. */
export interface AnswerFailure {
  answer: number;
  problems: string[];
}

export interface SoakResult {
  seed: number;
  faultRate: number;
  answers: number;
  /** Answers whose transcript showed exactly the expected text, with nothing else wrong. */
  exact: number;
  failures: AnswerFailure[];
  /** Automatic retries the chat counted (its answers' metrics), resumes included. */
  retries: number;
  server: FaultServerStats;
  /** Console errors and uncaught page errors, in order. */
  consoleErrors: string[];
  /** Chromium's own log lines for requests the server failed on purpose (not counted as console errors). */
  failedRequestLogs: number;
  wallMs: number;
  /** The browser's version. */
  chromium: string;
}

/**
 * The chat options the page mounts with. Every fault is recoverable under them: the idle timeout is far above the
 * server's gaps (at most 3 ms) yet ends a stall in 2 s, and ten retries per answer outlast any run of bad luck —
 * each response is faulted with probability `faultRate` independently, so at 10% eleven faults in a row happen
 * once in 10^11 answers (at 25%, once in 4·10^6).
 */
export const soakChatOptions = {
  retry: { maxRetries: 10, baseDelayMs: 100, maxDelayMs: 1000 },
  idleTimeoutMs: 2000,
};

/** Every end an answer can have (the page compares its `data-status` as a string). */
const FINISHED: readonly string[] = ['complete', 'error', 'interrupted', 'stopped'] satisfies MessageStatus[];

/**
 * What Chromium logs by itself, as a console error, for a request that failed the way the faults make them fail
 * (a 5xx, a 429, a reset, a destroyed chunked body). Not written by the page: counted apart, and never more than
 * the faults injected.
 */
const FAULT_LOG =
  /^Failed to load resource: (the server responded with a status of (429|5\d\d) |net::ERR_(CONNECTION_RESET|INCOMPLETE_CHUNKED_ENCODING|EMPTY_RESPONSE)$)/;

/** The first place two strings differ, with a little of each around it. */
function firstDifference(actual: string, expected: string): string {
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at += 1;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, at - 20), at + 40));
  return `at ${at} of ${expected.length}: shown ${around(actual)}, expected ${around(expected)}`;
}

/** Asks question `index` by typing it, waits for its answer and its connection state, and checks what it shows. */
async function askAndCheck(
  page: Page,
  seed: number,
  index: number,
): Promise<{ shown: ShownAnswer; problems: string[] }> {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(soakQuestion(index));
  await composer.press('Enter');
  const problems: string[] = [];
  try {
    await page.waitForFunction(
      ({ index, finished }) => finished.includes(window.soak.answer(index).status ?? ''),
      { index, finished: FINISHED },
      { timeout: 60_000, polling: 50 },
    );
  } catch {
    problems.push('did not finish within 60 s');
  }
  // The answer's end and the status's return are one state change; a second lets a slow machine paint both.
  try {
    await page.waitForFunction(() => window.soak.connection() === 'connected', undefined, {
      timeout: 1_000,
      polling: 50,
    });
  } catch {
    problems.push(`connection status ${await page.evaluate(() => window.soak.connection())} after the answer`);
  }
  const expected = soakAnswer(seed, index);
  const [shown, reference] = await page.evaluate(
    ({ index, expected }) => [window.soak.answer(index), window.soak.render(expected)] as const,
    { index, expected },
  );
  if (shown.status !== 'complete') problems.push(`status ${shown.status}`);
  if (shown.notice) problems.push('a failure notice shows');
  if (shown.stored !== expected) problems.push(`stored text differs ${firstDifference(shown.stored, expected)}`);
  if (shown.text !== reference.text) problems.push(`shown text differs ${firstDifference(shown.text, reference.text)}`);
  else if (shown.html !== reference.html)
    problems.push(`shown markup differs ${firstDifference(shown.html, reference.html)}`);
  // Guards the comparison itself: the reference must hold the answer, not be empty like a missing answer.
  if (!reference.text.startsWith(`Answer ${index + 1}:`)) problems.push('the reference render lacks the answer');
  return { shown, problems };
}

/**
 * The soak: `answers` questions typed into EnhancedChatInterface in headless Chromium, answered by the fault server
 * over real HTTP on 127.0.0.1, each answer checked in the DOM against the same markdown rendered fresh.
 */
export async function runSoak({ answers, seed, faultRate, log = () => {} }: SoakOptions): Promise<SoakResult> {
  const started = performance.now();
  const server = await startFaultServer({ seed, faultRate });
  const pageServer = await servePage();
  const browser = await chromium.launch({ executablePath: requireChromium(), args: chromiumArgs });
  const consoleErrors: string[] = [];
  let failedRequestLogs = 0;
  const failures: AnswerFailure[] = [];
  let retries = 0;
  const chromiumVersion = browser.version();
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (message.location().url === server.url && FAULT_LOG.test(message.text())) failedRequestLogs += 1;
      else consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.stack ?? error.message}`));
    const options = JSON.stringify({ endpoint: server.url, ...soakChatOptions });
    await page.goto(`${pageServer.url}?options=${encodeURIComponent(options)}`);
    await page.waitForFunction(() => window.soak?.ready, undefined, { timeout: 60_000 });

    for (let index = 0; index < answers; index += 1) {
      const { shown, problems } = await askAndCheck(page, seed, index);
      retries += shown.retries;
      if (problems.length > 0) failures.push({ answer: index + 1, problems });
      if ((index + 1) % 20 === 0 || index + 1 === answers)
        log(`${index + 1}/${answers} answers, ${failures.length} not exact, ${retries} retries`);
    }
  } finally {
    await browser.close();
    await pageServer.close();
    await server.close();
  }
  const faults = Object.values(server.stats.faults).reduce((sum, n) => sum + n, 0);
  if (failedRequestLogs > faults)
    consoleErrors.push(`Chromium logged ${failedRequestLogs} failed requests for ${faults} faults injected`);
  return {
    seed,
    faultRate,
    answers,
    exact: answers - failures.length,
    failures,
    retries,
    server: server.stats,
    consoleErrors,
    failedRequestLogs,
    wallMs: performance.now() - started,
    chromium: chromiumVersion,
  };
}
