import { round } from '../stats.ts';
import type { BundleResult } from './bundle.ts';
import { contentName } from './content.ts';
import { CONTENTS, type PeerCaseResult, type PeerResults } from './drive.ts';
import type { Renderer } from './protocol.ts';

/** The issue's goals (#18): ours at most this share of Streamdown's time per token, at every length… */
export const STREAMDOWN_GOAL = 0.2;
/** …and flat: 400 paragraphs at most this many times 10 paragraphs. */
export const FLAT_GOAL = 1.5;

export interface PeerRow {
  answer: string;
  /** Main-thread CPU ms per token, medians. */
  cpu: Record<Renderer, number>;
  /** Synchronous render ms per token, medians. */
  render: Record<Renderer, number>;
  oursToStreamdown: number;
  reactMarkdownToOurs: number;
  /** Tokens per round and rounds of react-markdown, the one that gets capped. */
  reactMarkdownTokens: number;
  longTasks: Record<Renderer, number>;
  firstPaintMs: Record<Renderer, number>;
  pass: boolean;
}

export function peerRows(results: PeerResults): PeerRow[] {
  return CONTENTS.map((content) => {
    const answer = contentName(content);
    const of = (renderer: Renderer): PeerCaseResult => {
      const found = results.cases.find((c) => c.renderer === renderer && contentName(c.content) === answer);
      if (!found) throw new Error(`no peer case ${renderer} ${answer}`);
      return found;
    };
    const per = (pick: (c: PeerCaseResult) => number): Record<Renderer, number> => ({
      plain: round(pick(of('plain'))),
      ours: round(pick(of('ours'))),
      streamdown: round(pick(of('streamdown'))),
      'react-markdown': round(pick(of('react-markdown'))),
    });
    const oursToStreamdown = of('ours').cpuMsPerToken / of('streamdown').cpuMsPerToken;
    return {
      answer,
      cpu: per((c) => c.cpuMsPerToken),
      render: per((c) => c.renderMsPerToken),
      oursToStreamdown: round(oursToStreamdown),
      reactMarkdownToOurs: round(of('react-markdown').cpuMsPerToken / of('ours').cpuMsPerToken),
      reactMarkdownTokens: of('react-markdown').tokensPerRound,
      longTasks: per((c) => c.longTasks),
      firstPaintMs: per((c) => c.firstPaintMs),
      pass: oursToStreamdown <= STREAMDOWN_GOAL,
    };
  });
}

/** Ours' ms per token at 400 paragraphs ÷ at 10 (CPU and synchronous render). */
export function flatness(rows: readonly PeerRow[]): { cpu: number; render: number; pass: boolean } {
  const at = (answer: string) => rows.find((r) => r.answer === answer);
  const long = at('prose 400');
  const short = at('prose 10');
  if (!long || !short) throw new Error('the prose 10 and 400 cases are missing');
  const cpu = long.cpu.ours / short.cpu.ours;
  return { cpu: round(cpu), render: round(long.render.ours / short.render.ours), pass: cpu <= FLAT_GOAL };
}

export function markdownTable(header: readonly string[], lines: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

const triple = (r: Record<Renderer, number>) => `${r.ours} / ${r.streamdown} / ${r['react-markdown']}`;

export function formatPeers(rows: readonly PeerRow[], rounds: number): string {
  const flat = flatness(rows);
  const table = markdownTable(
    [
      'answer so far',
      'plain',
      'ours',
      'Streamdown',
      'react-markdown',
      `ours ÷ Streamdown (≤ ${STREAMDOWN_GOAL})`,
      'react-markdown ÷ ours',
      'render only: ours / SD / RM',
      'long tasks: ours / SD / RM',
      'first paint ms: ours / SD / RM',
    ],
    rows.map((r) => [
      r.answer,
      String(r.cpu.plain),
      String(r.cpu.ours),
      String(r.cpu.streamdown),
      `${r.cpu['react-markdown']}${r.reactMarkdownTokens < 200 ? ` (${r.reactMarkdownTokens} tokens)` : ''}`,
      `${r.oursToStreamdown} ${r.pass ? 'pass' : 'FAIL'}`,
      String(r.reactMarkdownToOurs),
      triple(r.render),
      triple(r.longTasks),
      triple(r.firstPaintMs),
    ]),
  );
  return [
    'Markdown while streaming: main-thread CPU ms per 4-character token (one synchronous render each), medians of',
    `${rounds} rounds; "render only" is the synchronous render itself; a renderer slower than 5 ms/token streams fewer`,
    'tokens per round (shown), so the part stays short.',
    table,
    `ours 400 ÷ 10 paragraphs: ${flat.cpu} CPU, ${flat.render} render only (≤ ${FLAT_GOAL}: ${flat.pass ? 'pass' : 'FAIL'})`,
  ].join('\n');
}

const kB = (bytes: number) => (bytes / 1000).toFixed(2);

export function formatBundles(results: readonly BundleResult[]): string {
  return markdownTable(
    ['bundle (esbuild, minified, gzip; react and react-dom external)', 'initial kB', 'with lazy chunks kB'],
    results.map((r) => [r.name, kB(r.initial), r.lazy.length > 0 ? kB(r.all) : '']),
  );
}

/**
 * Ours' and the floor's main-thread ms per token by kind of work, at every length: where the growth is. The render
 * is the page's own timing of the synchronous render (script and DOM changes; CDP's ScriptDuration misses most of
 * it here); style and layout are CDP's; the rest is paint, compositing, task overhead and GC.
 */
export function formatSplit(results: PeerResults): string {
  const shown = results.cases.filter((c) => c.renderer === 'ours' || c.renderer === 'plain');
  return markdownTable(
    ['case', 'CPU ms/token', 'render', 'style', 'layout', 'rest'],
    shown.map((c) => [
      c.name,
      String(round(c.cpuMsPerToken)),
      String(round(c.renderMsPerToken)),
      String(round(c.split.style)),
      String(round(c.split.layout)),
      String(round(c.cpuMsPerToken - c.renderMsPerToken - c.split.style - c.split.layout)),
    ]),
  );
}

export function formatProfile(profile: PeerResults['profile']): string {
  const { hotSpots } = profile;
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
  return [
    `CPU profile of ${profile.case}, ${profile.tokens} tokens (${Math.round(hotSpots.sampledMs)} ms sampled), self time:`,
    markdownTable(
      ['function', 'where', 'self ms', 'share'],
      hotSpots.functions.map((f) => [f.name, f.where, f.selfMs.toFixed(1), pct(f.share)]),
    ),
    markdownTable(
      ['file', 'self ms', 'share'],
      hotSpots.files.map((f) => [f.file, f.selfMs.toFixed(1), pct(f.share)]),
    ),
  ].join('\n');
}
