import type { CDPSession, Page } from 'playwright';
import { fileURLToPath } from 'node:url';
import { mainThread } from '../render/main-thread.ts';
import { buildPage, openPage } from '../render/page.ts';
import { median } from '../stats.ts';
import { contentName } from './content.ts';
import { profileHotFunctions, sourceMapLocator, type HotSpots } from './profile.ts';
import { RENDERERS, type Content, type PeerConfig, type Renderer } from './protocol.ts';

/*
 * Ours against the peers on the same answers in one Chromium page: a 4-character token appended per synchronous
 * render. Rounds interleave every case, so load from other processes hits all alike. A slow renderer streams fewer
 * tokens per round (a time budget per case), so the whole part stays within about two minutes.
 */

export const CONTENTS: Content[] = [
  { kind: 'prose', paragraphs: 1 },
  { kind: 'prose', paragraphs: 10 },
  { kind: 'prose', paragraphs: 50 },
  { kind: 'prose', paragraphs: 200 },
  { kind: 'prose', paragraphs: 400 },
  { kind: 'code', lines: 2000 },
  { kind: 'table', rows: 300 },
];

/** Tokens per round: at most this many… */
export const MAX_TOKENS = 200;
/** …at least this many… */
export const MIN_TOKENS = 10;
/** …and as many as fit in this much render time, judged from the warm-up round. */
export const ROUND_BUDGET_MS = 1000;

export interface PeerCaseResult {
  renderer: Renderer;
  content: Content;
  name: string;
  rounds: number;
  tokensPerRound: number;
  /** Median of the rounds' synchronous render time ÷ tokens (flushSync around root.render). */
  renderMsPerToken: number;
  /** Median of the rounds' main-thread CPU time ÷ tokens (CDP ThreadTime: deferred work, style, layout, paint too). */
  cpuMsPerToken: number;
  /** Of the main thread's time, ms per token in script, style recalculation and layout (CDP durations), medians. */
  split: Split;
  /** Median long tasks (> 50 ms) per round, and the longest seen. */
  longTasks: number;
  longestTaskMs: number;
  /** Median ms from rendering the answer so far to the end of the frame that painted it. */
  firstPaintMs: number;
}

export interface PeerResults {
  cases: PeerCaseResult[];
  /** Where ours' time goes on the longest prose (CDP CPU profile of one round). */
  profile: { case: string; tokens: number; hotSpots: HotSpots };
}

type Split = Record<'script' | 'style' | 'layout', number>;

interface Sample {
  renderMs: number;
  cpuMs: number;
  split: Split;
  tokens: number;
  longTasks: number[];
  firstPaintMs: number;
}

async function sample(page: Page, cdp: CDPSession, config: PeerConfig): Promise<Sample> {
  const firstPaintMs = await page.evaluate((c) => window.peers.prepare(c), config);
  const before = await mainThread(cdp);
  const stream = await page.evaluate(() => window.peers.stream());
  const after = await mainThread(cdp);
  await page.evaluate(() => window.peers.finish());
  const split = {
    script: (after.script - before.script) / stream.tokens,
    style: (after.style - before.style) / stream.tokens,
    layout: (after.layout - before.layout) / stream.tokens,
  };
  const cpuMs = after.cpu - before.cpu;
  return { renderMs: stream.renderMs, cpuMs, split, tokens: stream.tokens, longTasks: stream.longTasks, firstPaintMs };
}

export async function runPeers(rounds: number, log: (line: string) => void = () => {}): Promise<PeerResults> {
  const dir = await buildPage({
    root: fileURLToPath(new URL('./page/', import.meta.url)),
    name: 'chat-ui-bench-peers',
    profiling: false,
    minify: false,
  });
  const { page, close } = await openPage(dir, (message) => log(`peers page error: ${message}`));
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    const cases = CONTENTS.flatMap((content) =>
      RENDERERS.map((renderer) => ({ renderer, content, name: `${renderer} ${contentName(content)}`, tokens: 0 })),
    );
    // The warm-up round (JIT, caches) also sizes each case's rounds to the time budget.
    for (const c of cases) {
      const warm = await sample(page, cdp, { renderer: c.renderer, content: c.content, tokens: MIN_TOKENS });
      const perToken = warm.renderMs / warm.tokens;
      c.tokens = Math.max(MIN_TOKENS, Math.min(MAX_TOKENS, Math.floor(ROUND_BUDGET_MS / Math.max(perToken, 1e-3))));
    }
    log('peers: warm-up');
    const samples = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
    for (let round = 0; round < rounds; round += 1) {
      for (const c of cases) samples.get(c.name)?.push(await sample(page, cdp, c));
      log(`peers: round ${round + 1}/${rounds}`);
    }

    const longest = { renderer: 'ours', content: CONTENTS[4] ?? { kind: 'prose', paragraphs: 400 } } as const;
    const profiled = { ...longest, tokens: MAX_TOKENS };
    await page.evaluate((c) => window.peers.prepare(c), profiled);
    const hotSpots = await profileHotFunctions(
      cdp,
      async () => void (await page.evaluate(() => window.peers.stream())),
      sourceMapLocator(dir),
    );
    await page.evaluate(() => window.peers.finish());
    log('peers: profile');

    return {
      cases: cases.map((c) => summarise(c, samples.get(c.name) ?? [])),
      profile: { case: `ours ${contentName(longest.content)}`, tokens: MAX_TOKENS, hotSpots },
    };
  } finally {
    await close();
  }
}

function summarise(c: PeerConfig & { name: string }, samples: Sample[]): PeerCaseResult {
  const med = (pick: (s: Sample) => number) => median(samples.map(pick));
  return {
    renderer: c.renderer,
    content: c.content,
    name: c.name,
    rounds: samples.length,
    tokensPerRound: c.tokens,
    renderMsPerToken: med((s) => s.renderMs / s.tokens),
    cpuMsPerToken: med((s) => s.cpuMs / s.tokens),
    split: { script: med((s) => s.split.script), style: med((s) => s.split.style), layout: med((s) => s.split.layout) },
    longTasks: med((s) => s.longTasks.length),
    longestTaskMs: Math.max(0, ...samples.flatMap((s) => s.longTasks)),
    firstPaintMs: med((s) => s.firstPaintMs),
  };
}
