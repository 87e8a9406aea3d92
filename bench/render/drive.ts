import type { CDPSession, Page } from 'playwright';
import { median } from '../stats.ts';
import { mainThread } from './main-thread.ts';
import { buildPage, openPage, renderPage } from './page.ts';
import { profileHotFunctions, sourceMapLocator, type HotSpots } from '../peers/profile.ts';
import type { Impl, StreamConfig } from './protocol.ts';

/*
 * Drives bench/render's page in headless Chromium: per-token render cost against history length and answer length,
 * first-token latency, and memory. Main-thread time comes from Chromium itself (CDP Performance.getMetrics
 * TaskDuration: every task of the page's main thread, layout and paint included); the page reports React commits,
 * frames and long tasks. Rounds interleave every configuration, so load from other processes hits all alike.
 */

export const STREAM_TOKENS = 2000;
/** A fast model (~33 tokens per frame); network reads bundle what arrived since the last one. */
export const STREAM_RATE = 2000;

export interface RenderCase {
  name: string;
  config: StreamConfig;
}

/** The long transcript of the scale figures: finished messages already in the chat. */
export const SCALE_HISTORY = 10_000;

export function renderCases(): RenderCase[] {
  const cases: RenderCase[] = [];
  const base = { tokens: STREAM_TOKENS, rate: STREAM_RATE };
  for (const impl of ['ours', 'naive'] as const) {
    for (const history of [0, 100, 1000])
      cases.push({ name: `${impl} history ${history}`, config: { impl, history, paragraphs: 0, ...base } });
    if (impl === 'ours')
      cases.push({
        name: `ours history ${SCALE_HISTORY}`,
        config: { impl, history: SCALE_HISTORY, paragraphs: 0, ...base },
      });
    for (const paragraphs of [1, 10, 50])
      cases.push({ name: `${impl} paragraphs ${paragraphs}`, config: { impl, history: 0, paragraphs, ...base } });
  }
  // As fast as the page takes them: one token per task, the worst case for commits per frame.
  for (const history of [0, 1000])
    cases.push({
      name: `ours burst history ${history}`,
      config: { impl: 'ours', history, paragraphs: 0, tokens: 1000, rate: 0 },
    });
  return cases;
}

/** Main-thread ms per token in script (JS, GC included), layout and style recalculation (CDP durations). */
export interface MainThreadProfile {
  script: number;
  layout: number;
  style: number;
}

export interface RenderCaseResult {
  name: string;
  config: StreamConfig;
  runs: number;
  /** Main-thread CPU ms per token (CDP ThreadTime over the stream / tokens), median: what the budgets use. */
  msPerToken: number;
  /** Main-thread ms inside tasks per token (CDP TaskDuration): inflated when other processes take the CPU. */
  taskMsPerToken: number;
  /** Where the main thread's time per token went (CDP), medians. */
  profile: MainThreadProfile;
  /** React render ms per token (Profiler actualDuration), median. */
  renderMsPerToken: number;
  /** Wall-clock ms per token (performance.now() over the stream / tokens), median. */
  wallMsPerToken: number;
  commitsPerSecond: number;
  commitsPerFrame: number;
  /** Commits per run caused by a setState in a layout effect (median). */
  nestedCommits: number;
  framesPerSecond: number;
  /** Median count of long tasks per run while streaming, and the longest seen in any run. */
  longTasksWhileStreaming: number;
  longestTaskWhileStreamingMs: number;
  /** The same around the two appends (question sent; answer finished). */
  longTasksOnAppend: number;
  longestTaskOnAppendMs: number;
  sendRenderMs: number;
  finishRenderMs: number;
}

export interface RenderResults {
  cases: RenderCaseResult[];
  firstToken: Record<Impl, { medianMs: number; runs: number }>;
  /** Null when only the cases and the scale figures were measured. */
  memory: MemoryResult | null;
  scale: ScaleResult;
  chromium: string;
}

/** Mounting a chat with a long finished history: time to the first paint, and the heap each message costs. */
export interface ScaleResult {
  history: number;
  runs: number;
  /**
   * ms from `render()` to the end of the first frame that paints messages (median), with no history and with; and to
   * the frame that has every message of the history in the page (ours mounts the older part after its first paint).
   */
  mountMs: { empty: number; history: number; historyAll: number };
  /** Long tasks from that first paint until every message is in (median count), and the longest seen. */
  longTasksAfterFirstPaint: number;
  longestTaskAfterFirstPaintMs: number;
  /** (heap with the history mounted − heap with an empty chat mounted) ÷ messages, after full GCs (median), bytes. */
  heapPerMessage: { js: number; withDom: number };
}

/** What runRender measures beside its cases: everything (the full bench), or only the scale figures (faster). */
export interface RenderOptions {
  /** Only the cases whose name matches. */
  only?: RegExp;
  /** Skip first-token latency and the memory part (the scale figures are still measured). */
  casesOnly?: boolean;
  /** A case to CPU-profile over one stream, on an unminified page with source maps. */
  profile?: string;
}

export interface MemoryResult {
  conversations: number;
  messagesPerConversation: number;
  /** Heap (JS + DOM) after each conversation (after a full GC), bytes. */
  heapAfter: number[];
  /** Heap after the last conversation / after the first. */
  conversationRatio: number;
  longAnswerTokens: number;
  longAnswerChars: number;
  /** JS heap growth / the answer's text size in memory (UTF-16: 2 bytes a character). */
  longAnswerMultiple: number;
  /** The same, measured while the answer is still streaming. */
  longAnswerStreamingMultiple: number;
  /** The same with Blink's heap (DOM, layout, shaped text) added. */
  longAnswerMultipleWithDom: number;
  longAnswerGrowth: number;
  /** The heap before and after the long answer, JS and DOM apart. */
  longAnswerHeap: { before: Heap; streaming: Heap; after: Heap };
}

interface Heap {
  /** V8's heap in use. */
  js: number;
  /** Blink's (DOM) heap in use, when Chromium reports it. */
  dom: number;
}

/** Heap in use after full collections. */
async function heapUsage(cdp: CDPSession): Promise<Heap> {
  for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  return { js: usage.usedSize, dom: usage.embedderHeapUsedSize ?? 0 };
}

const total = (heap: Heap): number => heap.js + heap.dom;

/** One run of a case: the per-run figures whose medians make a RenderCaseResult, and its long tasks. */
type Sample = Omit<
  RenderCaseResult,
  | 'name'
  | 'config'
  | 'runs'
  | 'longTasksWhileStreaming'
  | 'longestTaskWhileStreamingMs'
  | 'longTasksOnAppend'
  | 'longestTaskOnAppendMs'
> & {
  streamLongTasks: number[];
  appendLongTasks: number[];
};

async function sampleCase(page: Page, cdp: CDPSession, config: StreamConfig): Promise<Sample> {
  await page.evaluate((c) => window.bench.prepare(c), config);
  const before = await mainThread(cdp);
  const stream = await page.evaluate(() => window.bench.stream());
  const after = await mainThread(cdp);
  const append = await page.evaluate(() => window.bench.finish());
  return {
    msPerToken: (after.cpu - before.cpu) / stream.tokens,
    taskMsPerToken: (after.tasks - before.tasks) / stream.tokens,
    profile: {
      script: (after.script - before.script) / stream.tokens,
      layout: (after.layout - before.layout) / stream.tokens,
      style: (after.style - before.style) / stream.tokens,
    },
    renderMsPerToken: stream.renderMs / stream.tokens,
    wallMsPerToken: stream.wallMs / stream.tokens,
    commitsPerSecond: stream.commits / (stream.wallMs / 1000),
    commitsPerFrame: stream.commits / Math.max(1, stream.frames),
    nestedCommits: stream.nestedCommits,
    framesPerSecond: stream.frames / (stream.wallMs / 1000),
    streamLongTasks: stream.longTasks,
    appendLongTasks: append.longTasks,
    sendRenderMs: append.sendRenderMs,
    finishRenderMs: append.finishRenderMs,
  };
}

function summarise(name: string, config: StreamConfig, samples: Sample[]): RenderCaseResult {
  const med = (pick: (s: Sample) => number) => median(samples.map(pick));
  const longest = (pick: (s: Sample) => number[]) => Math.max(0, ...samples.flatMap(pick));
  return {
    name,
    config,
    runs: samples.length,
    msPerToken: med((s) => s.msPerToken),
    taskMsPerToken: med((s) => s.taskMsPerToken),
    profile: {
      script: med((s) => s.profile.script),
      layout: med((s) => s.profile.layout),
      style: med((s) => s.profile.style),
    },
    renderMsPerToken: med((s) => s.renderMsPerToken),
    wallMsPerToken: med((s) => s.wallMsPerToken),
    commitsPerSecond: med((s) => s.commitsPerSecond),
    commitsPerFrame: med((s) => s.commitsPerFrame),
    nestedCommits: med((s) => s.nestedCommits),
    framesPerSecond: med((s) => s.framesPerSecond),
    longTasksWhileStreaming: med((s) => s.streamLongTasks.length),
    longestTaskWhileStreamingMs: longest((s) => s.streamLongTasks),
    longTasksOnAppend: med((s) => s.appendLongTasks.length),
    longestTaskOnAppendMs: longest((s) => s.appendLongTasks),
    sendRenderMs: med((s) => s.sendRenderMs),
    finishRenderMs: med((s) => s.finishRenderMs),
  };
}

async function measureMemory(page: Page, cdp: CDPSession, log: (line: string) => void): Promise<MemoryResult> {
  const conversations = 10;
  const exchanges = 100;
  const heapAfter: number[] = [];
  await page.evaluate(() => window.bench.mountEmpty());
  let messages = 0;
  for (let i = 0; i < conversations; i += 1) {
    messages = await page.evaluate((n) => window.bench.conversation(n), exchanges);
    heapAfter.push(total(await heapUsage(cdp)));
  }
  log(`memory: ${conversations} conversations of ${messages} messages`);
  await page.evaluate(() => window.bench.unmount());
  const longAnswerTokens = 100_000;
  await page.evaluate(() => window.bench.mountEmpty());
  const before = await heapUsage(cdp);
  const chars = await page.evaluate((n) => window.bench.streamLongAnswer(n), longAnswerTokens);
  // Measured while the answer is still streaming too: the live bubble's memory is freed once it finishes.
  const streaming = await heapUsage(cdp);
  await page.evaluate(() => window.bench.finishLongAnswer());
  const after = await heapUsage(cdp);
  const growth = after.js - before.js;
  await page.evaluate(() => window.bench.unmount());
  log(`memory: one answer of ${longAnswerTokens} tokens`);
  return {
    conversations,
    messagesPerConversation: messages,
    heapAfter,
    conversationRatio: (heapAfter.at(-1) ?? NaN) / (heapAfter[0] ?? NaN),
    longAnswerTokens,
    longAnswerChars: chars,
    longAnswerMultiple: growth / (chars * 2),
    longAnswerStreamingMultiple: (streaming.js - before.js) / (chars * 2),
    longAnswerMultipleWithDom: (total(after) - total(before)) / (chars * 2),
    longAnswerGrowth: growth,
    longAnswerHeap: { before, streaming, after },
  };
}

/** Mount time and heap per message, one empty and one long mount a round, interleaved. */
async function measureScale(page: Page, cdp: CDPSession, rounds: number): Promise<ScaleResult> {
  const mount = async (history: number) => {
    const mounted = await page.evaluate((n) => window.bench.mountHistory(n), history);
    const heap = await heapUsage(cdp);
    await page.evaluate(() => window.bench.unmount());
    return { ms: mounted.firstPaintMs, allMs: mounted.allMs, longTasks: mounted.longTasksAfterFirstPaint, heap };
  };
  // No warm-up of its own (the cases' warm-up pass ran the same code), and at most 3 rounds: a long mount takes
  // 10-20 s on 2 CPUs, and its spread is small beside that.
  const runs: { ms: number; allMs: number; longTasks: number[]; js: number; withDom: number; emptyMs: number }[] = [];
  for (let i = 0; i < Math.min(rounds, 3); i += 1) {
    const empty = await mount(0);
    const full = await mount(SCALE_HISTORY);
    runs.push({
      emptyMs: empty.ms,
      ms: full.ms,
      allMs: full.allMs,
      longTasks: full.longTasks,
      js: (full.heap.js - empty.heap.js) / SCALE_HISTORY,
      withDom: (total(full.heap) - total(empty.heap)) / SCALE_HISTORY,
    });
  }
  const med = (pick: (r: (typeof runs)[number]) => number) => median(runs.map(pick));
  return {
    history: SCALE_HISTORY,
    runs: runs.length,
    mountMs: { empty: med((r) => r.emptyMs), history: med((r) => r.ms), historyAll: med((r) => r.allMs) },
    longTasksAfterFirstPaint: med((r) => r.longTasks.length),
    longestTaskAfterFirstPaintMs: Math.max(0, ...runs.flatMap((r) => r.longTasks)),
    heapPerMessage: { js: med((r) => r.js), withDom: med((r) => r.withDom) },
  };
}

/** Where the main thread's time goes while one case streams (a CDP CPU profile). */
export async function profileCase(page: Page, cdp: CDPSession, dir: string, c: RenderCase): Promise<HotSpots> {
  await page.evaluate((config) => window.bench.prepare(config), c.config);
  const hotSpots = await profileHotFunctions(
    cdp,
    async () => void (await page.evaluate(() => window.bench.stream())),
    sourceMapLocator(dir),
    25,
  );
  await page.evaluate(() => window.bench.finish());
  return hotSpots;
}

export async function runRender(
  rounds: number,
  log: (line: string) => void = () => {},
  options: RenderOptions = {},
): Promise<RenderResults & { profile?: HotSpots }> {
  const dir = await buildPage(
    options.profile ? { ...renderPage, name: 'chat-ui-bench-profile', minify: false } : renderPage,
  );
  const { page, chromium, close } = await openPage(dir, (message) => log(`page error: ${message}`));
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    const cases = renderCases().filter((c) => options.only?.test(c.name) ?? true);
    const samples = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
    // One unmeasured pass warms the JIT and the page's caches (the long history's mount is the same code as the others').
    for (const c of cases.filter((c) => c.config.history < SCALE_HISTORY))
      await sampleCase(page, cdp, { ...c.config, tokens: 200 });
    for (let round = 0; round < rounds; round += 1) {
      for (const c of cases) {
        const started = performance.now();
        samples.get(c.name)?.push(await sampleCase(page, cdp, c.config));
        if (process.env.BENCH_VERBOSE) log(`  ${c.name}: ${Math.round(performance.now() - started)} ms`);
      }
      log(`render: round ${round + 1}/${rounds}`);
    }

    const scale = await measureScale(page, cdp, rounds);
    log('render: scale');
    const profileOf = renderCases().find((c) => c.name === options.profile);
    const profile = profileOf && (await profileCase(page, cdp, dir, profileOf));

    const latency: Record<Impl, number[]> = { ours: [], naive: [] };
    for (let i = 0; i < (options.casesOnly ? 0 : Math.max(9, rounds * 2 - 1)); i += 1) {
      for (const impl of ['ours', 'naive'] as const)
        latency[impl].push(await page.evaluate((which) => window.bench.firstToken(which), impl));
    }
    log('render: first token');

    const memory = options.casesOnly ? null : await measureMemory(page, cdp, log);
    return {
      scale,
      ...(profile && { profile }),
      cases: cases.map((c) => summarise(c.name, c.config, samples.get(c.name) ?? [])),
      firstToken: {
        ours: { medianMs: median(latency.ours), runs: latency.ours.length },
        naive: { medianMs: median(latency.naive), runs: latency.naive.length },
      },
      memory,
      chromium,
    };
  } finally {
    await close();
  }
}
