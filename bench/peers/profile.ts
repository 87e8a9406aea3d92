import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import type { CDPSession } from 'playwright';

/** One function's self time in a CPU profile. */
export interface HotFunction {
  name: string;
  /** The script's file, shortened to the part after node_modules/ or the page's assets, with line:column. */
  where: string;
  selfMs: number;
  /** Self time ÷ all sampled time except idle. */
  share: number;
}

/** A script position (0-based line and column) as a readable place: its source file and line. */
export type Locate = (url: string, line: number, column: number) => string;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time in a profile: the hottest functions, and the same summed per source file. */
export interface HotSpots {
  sampledMs: number;
  functions: HotFunction[];
  files: { file: string; selfMs: number; share: number }[];
}

/** Chromium's sampling CPU profile (CDP Profiler) over `work`: where the self time went. */
export async function profileHotFunctions(
  cdp: CDPSession,
  work: () => Promise<void>,
  locate: Locate,
  top = 15,
): Promise<HotSpots> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.send('Profiler.disable');

  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, HotFunction>();
  let total = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // A sample's time is the delta to the next one (Chromium's convention).
  samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    const ms = (deltas[i + 1] ?? 0) / 1000;
    if (!frame || frame.functionName === '(idle)') return;
    total += ms;
    const where = frame.url ? locate(frame.url, frame.lineNumber, frame.columnNumber) : '';
    const key = `${frame.functionName}@${where}`;
    const entry = self.get(key) ?? { name: frame.functionName || '(anonymous)', where, selfMs: 0, share: 0 };
    entry.selfMs += ms;
    self.set(key, entry);
  });
  const files = new Map<string, number>();
  for (const entry of self.values()) {
    const file = entry.where.replace(/:\d+$/, '') || entry.name;
    files.set(file, (files.get(file) ?? 0) + entry.selfMs);
  }
  return {
    sampledMs: total,
    functions: [...self.values()]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top)
      .map((entry) => ({ ...entry, share: entry.selfMs / total })),
    files: [...files]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([file, selfMs]) => ({ file, selfMs, share: selfMs / total })),
  };
}

/**
 * Places in the page's scripts through their source maps (`<dir>/assets/x.js.map`): "streamdown/dist/chunk.js:12",
 * "src/components/markdown/block-cache.ts:40". A script without a map keeps its own path.
 */
export function sourceMapLocator(dir: string): Locate {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (path: string): SourceMap | null => {
    if (!maps.has(path)) {
      try {
        maps.set(path, new SourceMap(JSON.parse(readFileSync(join(dir, `${path}.map`), 'utf8'))));
      } catch {
        maps.set(path, null);
      }
    }
    return maps.get(path) ?? null;
  };
  return (url, line, column) => {
    const path = new URL(url).pathname;
    const entry = mapOf(path)?.findEntry(line, column);
    if (!entry || !('originalSource' in entry)) return `${path}:${line + 1}`;
    // Sources are relative to the page's assets (under node_modules/.cache): "../../../marked/…", "../../../../src/…".
    const source = entry.originalSource.replace(/^.*\/node_modules\//, '').replace(/^(\.\.\/)+/, '');
    return `${source}:${entry.originalLine + 1}`;
  };
}
