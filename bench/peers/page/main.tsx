import './peers.css';
import './streamdown.css';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { collectGarbage, longTasksSince, painted, task } from '../../render/page-tools.js';
import { answerSoFar, nextTokens } from '../content.js';
import type { PeerConfig, PeerPage, PeerStream } from '../protocol.js';
import { Answer } from './renderers.js';

/*
 * The page bench/peers/drive.ts runs in Chromium: one renderer mounted with the answer so far, then 4-character
 * tokens appended one synchronous render (flushSync) per task, as a chat that renders every token would.
 */

const container = document.getElementById('root') as HTMLElement;
let root: Root | null = null;
let run: { config: PeerConfig; text: string } | null = null;

async function prepare(config: PeerConfig): Promise<number> {
  const text = answerSoFar(config.content);
  const mounted = createRoot(container);
  root = mounted;
  await painted();
  const start = performance.now();
  flushSync(() => mounted.render(<Answer renderer={config.renderer} text={text} />));
  const firstPaint = (await painted()) - start;
  await painted();
  collectGarbage();
  await painted();
  run = { config, text };
  return firstPaint;
}

async function stream(): Promise<PeerStream> {
  if (!run || !root) throw new Error('prepare first');
  const { config } = run;
  const mounted = root;
  const tokens = nextTokens(config.content, config.tokens);
  let text = run.text;
  let renderMs = 0;
  const start = performance.now();
  for (const token of tokens) {
    text += token;
    const before = performance.now();
    flushSync(() => mounted.render(<Answer renderer={config.renderer} text={text} />));
    renderMs += performance.now() - before;
    // A task apiece: each render is its own task, as when tokens arrive apart, so a slow one shows as a long task.
    await task();
  }
  await painted();
  return { tokens: tokens.length, renderMs, wallMs: performance.now() - start, longTasks: longTasksSince(start) };
}

async function finish(): Promise<void> {
  root?.unmount();
  root = null;
  run = null;
  await painted();
}

window.peers = { prepare, stream, finish } satisfies PeerPage;
document.title = 'ready';
