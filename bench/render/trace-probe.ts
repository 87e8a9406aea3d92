import '../resolve-ts.ts';
import type { CDPSession } from 'playwright';
import { profileHotFunctions, sourceMapLocator } from '../peers/profile.ts';
import { buildPage, openPage, renderPage } from './page.ts';

/*
 * `node --expose-gc bench/render/trace-probe.ts`: where the renderer's main thread spends its time while the bench
 * page mounts N finished messages and streams under them — Chromium trace events summed by name as self time (an
 * event's time minus its children's), so Blink's own phases (lifecycle, observers, SVG animation service) show beside
 * script. Not part of any bench run; a tool for finding what grows with the transcript.
 * N (10000) sets the history; WHAT = mount | stream | both (both); PROFILE=1 adds a CPU profile of the mount;
 * CATS sets the trace categories.
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { name?: string };
}

const N = Number(process.env.N ?? 10_000);
const what = process.env.WHAT ?? 'both';
const categories =
  process.env.CATS ?? 'devtools.timeline,blink,v8,disabled-by-default-devtools.timeline,blink.user_timing,v8.execute';

/** Self time per event name on the renderer's main thread while `work` runs, largest first. */
async function selfTimes(cdp: CDPSession, work: () => Promise<unknown>): Promise<[string, number][]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  await work();
  await cdp.send('Tracing.end');
  await done;
  const tid = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  const spans = events
    .filter((e) => e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .map((e) => ({ name: e.name, ts: e.ts, dur: e.dur ?? 0 }));
  const open: TraceEvent[] = [];
  for (const e of events.filter((e) => e.tid === tid && (e.ph === 'B' || e.ph === 'E')).sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'B') open.push(e);
    const begin = e.ph === 'E' ? open.pop() : undefined;
    if (begin) spans.push({ name: begin.name, ts: begin.ts, dur: e.ts - begin.ts });
  }
  spans.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map<string, number>();
  const stack: typeof spans = [];
  for (const span of spans) {
    while (stack.length > 0 && (stack.at(-1)?.ts ?? 0) + (stack.at(-1)?.dur ?? 0) <= span.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - span.dur);
    self.set(span.name, (self.get(span.name) ?? 0) + span.dur);
    stack.push(span);
  }
  if (process.env.LONG) {
    // Each top-level task over 50 ms, with the events inside it that took the most self time.
    const tops = spans.filter(
      (span) =>
        span.dur > 50_000 &&
        !spans.some((o) => o !== span && o.ts <= span.ts && o.ts + o.dur >= span.ts + span.dur && o.dur > span.dur),
    );
    for (const top of tops) {
      const inside = new Map<string, number>();
      const nested: typeof spans = [];
      for (const span of spans.filter((o) => o.ts >= top.ts && o.ts + o.dur <= top.ts + top.dur && o !== top)) {
        while (nested.length > 0 && (nested.at(-1)?.ts ?? 0) + (nested.at(-1)?.dur ?? 0) <= span.ts) nested.pop();
        const parent = nested.at(-1);
        if (parent) inside.set(parent.name, (inside.get(parent.name) ?? 0) - span.dur);
        inside.set(span.name, (inside.get(span.name) ?? 0) + span.dur);
        nested.push(span);
      }
      const parts = [...inside]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([name, us]) => `${name} ${(us / 1000).toFixed(0)}`);
      console.log(`long task ${(top.dur / 1000).toFixed(0)} ms (${top.name}): ${parts.join(', ')}`);
    }
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
}

const print = (rows: [string, number][]) => {
  for (const [name, us] of rows) console.log(`${(us / 1000).toFixed(1).padStart(9)} ms  ${name}`);
};

const dir = await buildPage({ ...renderPage, name: 'chat-ui-bench-profile', minify: false });
const { page, close } = await openPage(dir, (message) => console.log(`page error: ${message}`));
try {
  const cdp = await page.context().newCDPSession(page);
  // Warm-up.
  await page.evaluate(() => window.bench.mountHistory(200));
  await page.evaluate(() => window.bench.unmount());

  if (what === 'mount' || what === 'both') {
    console.log(`--- mount ${N}`);
    print(await selfTimes(cdp, async () => console.log(await page.evaluate((n) => window.bench.mountHistory(n), N))));
    await page.evaluate(() => window.bench.unmount());
    if (process.env.PROFILE) {
      const hot = await profileHotFunctions(
        cdp,
        async () => void (await page.evaluate((n) => window.bench.mountHistory(n), N)),
        sourceMapLocator(dir),
        30,
      );
      for (const f of hot.functions) console.log(`${f.selfMs.toFixed(1).padStart(9)} ms  ${f.name}  ${f.where}`);
      await page.evaluate(() => window.bench.unmount());
    }
  }
  if (what === 'stream' || what === 'both') {
    for (const history of [0, N]) {
      const config = { impl: 'ours', history, paragraphs: 0, tokens: 2000, rate: 2000 } as const;
      await page.evaluate((c) => window.bench.prepare(c), config);
      console.log(`--- stream 2000 tokens under ${history}`);
      print(await selfTimes(cdp, async () => console.log(await page.evaluate(() => window.bench.stream()))));
      await page.evaluate(() => window.bench.finish());
    }
  }
} finally {
  await close();
}
