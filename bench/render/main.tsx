import '../../src/styles/index.css';
import { Profiler, type ProfilerOnRenderCallback, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { EnhancedChatInterface } from '../../src/components/EnhancedChatInterface.js';
import { toChatMessage, type ChatMessage } from '../../src/core/messages.js';
import type { ChatService } from '../../src/core/service.js';
import { useSSEChat, type UseChat } from '../../src/react/useSSEChat.js';
import { answerTokens, chunkEvent, endEvents, historyText, markdownAnswer } from '../content.js';
import { NaiveChat, type NaiveChatHandle, type NaiveMessage } from './naive.js';
import {
  collectGarbage,
  countFrames,
  createStreamFetch,
  longTasksSince,
  painted,
  sleep,
  task,
  type PushableStream,
} from './page-tools.js';
import type { AppendResult, BenchPage, Impl, MountResult, StreamConfig, StreamResult } from './protocol.js';

/*
 * The page the driver (bench/render/drive.ts) runs in Chromium. Each run mounts a fresh chat — the library's
 * EnhancedChatInterface or the naive baseline — inside a React Profiler, with a `fetch` whose SSE body the page
 * writes into, so what is measured is the page's own work from bytes to pixels, with no network.
 */

const container = document.getElementById('root') as HTMLElement;
let root: Root | null = null;
const profile = { commits: 0, nested: 0, renderMs: 0 };
const onRender: ProfilerOnRenderCallback = (_id, phase, actualDuration) => {
  profile.commits += 1;
  // A nested update is a setState in a layout effect: a second commit before the frame is painted.
  if (phase === 'nested-update') profile.nested += 1;
  profile.renderMs += actualDuration;
};

/** A mounted chat, whichever implementation. */
interface Chat {
  send(text: string): void;
  /** The body of the request the last `send` made. */
  nextStream(): Promise<PushableStream>;
  /** Resolves once no answer is streaming any more. */
  finished(): Promise<void>;
  service?: ChatService;
}

function render(element: ReactNode): void {
  root?.unmount();
  root = createRoot(container);
  root.render(
    <Profiler id="chat" onRender={onRender}>
      {element}
    </Profiler>,
  );
}

async function mountOurs(history: ChatMessage[]): Promise<Chat> {
  const streams = createStreamFetch();
  const captured: { service?: ChatService } = {};
  // The interface takes its hook by injection: this one is the real hook, and hands the page its service.
  const useChat: UseChat = (options) => {
    const chat = useSSEChat(options);
    captured.service = chat.service;
    return chat;
  };
  const chatOptions = { fetch: streams.fetch, endpoint: '/bench', retry: { maxRetries: 0 }, idleTimeoutMs: 600_000 };
  render(<EnhancedChatInterface useChat={useChat} initialMessages={history} chatOptions={chatOptions} />);
  // React renders in a task of its own, normally before the next frame; a long history may take longer.
  for (let frames = 0; !captured.service && frames < 600; frames += 1) await painted();
  const service = captured.service;
  if (!service) throw new Error('the chat did not mount');
  return {
    service,
    send: (text) => void service.send(text),
    nextStream: streams.next,
    finished: () =>
      new Promise((resolve) => {
        if (!service.getSnapshot().isStreaming) return resolve();
        const unsubscribe = service.subscribe(() => {
          if (service.getSnapshot().isStreaming) return;
          unsubscribe();
          resolve();
        });
      }),
  };
}

async function mountNaive(history: ChatMessage[]): Promise<Chat> {
  const streams = createStreamFetch();
  let handle: NaiveChatHandle | undefined;
  let answer: Promise<void> = Promise.resolve();
  const messages = history.map(({ id, role, content }): NaiveMessage => ({
    id,
    role: role === 'user' ? role : 'assistant',
    content,
  }));
  render(<NaiveChat initialMessages={messages} fetch={streams.fetch} onReady={(h) => (handle = h)} />);
  await painted();
  return {
    send: (text) => {
      answer = handle?.send(text) ?? Promise.reject(new Error('the naive chat did not mount'));
    },
    nextStream: streams.next,
    finished: () => answer,
  };
}

function historyOf(length: number): ChatMessage[] {
  return Array.from({ length }, (_, i) =>
    toChatMessage({
      id: `history-${i}`,
      role: i % 2 === 0 ? 'user' : 'assistant',
      content: historyText(i),
      status: 'complete',
      createdAt: 0,
    }),
  );
}

const mount = (impl: Impl, history: number): Promise<Chat> =>
  impl === 'ours' ? mountOurs(historyOf(history)) : mountNaive(historyOf(history));

/** Pushes `tokens` as SSE chunks at `rate` tokens/s (each read carries what arrived since the last one), or one per task. */
function pushTokens(stream: PushableStream, tokens: readonly string[], rate: number): Promise<void> {
  const start = performance.now();
  let sent = 0;
  return new Promise((resolve) => {
    const step = () => {
      const due =
        rate === 0 ? sent + 1 : Math.min(tokens.length, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      if (due > sent) {
        stream.push(
          tokens
            .slice(sent, due)
            .map((token) => chunkEvent(token))
            .join(''),
        );
        sent = due;
      }
      if (sent >= tokens.length) resolve();
      else if (rate === 0) void task().then(step);
      else setTimeout(step, 1);
    };
    step();
  });
}

interface Run {
  config: StreamConfig;
  chat: Chat;
  stream: PushableStream;
  sendRenderMs: number;
  sendLongTasks: number[];
}
let run: Run | null = null;

async function prepare(config: StreamConfig): Promise<void> {
  const chat = await mount(config.impl, config.history);
  // Ours mounts a long history's older part in transitions after its first paint: measure once all of it is in.
  if (config.impl === 'ours') await allShown(config.history);
  await painted();
  collectGarbage();
  await painted();
  const since = performance.now();
  const render0 = profile.renderMs;
  chat.send('Benchmark question');
  const stream = await chat.nextStream();
  await painted();
  const sendRenderMs = profile.renderMs - render0;
  const sendLongTasks = longTasksSince(since);
  const start = config.paragraphs > 0 ? markdownAnswer(config.paragraphs) : 'Here is the answer.';
  stream.push(chunkEvent(`${start}\n\n`));
  for (let i = 0; i < 3; i += 1) await painted();
  collectGarbage();
  await painted();
  run = { config, chat, stream, sendRenderMs, sendLongTasks };
}

async function stream(): Promise<StreamResult> {
  if (!run) throw new Error('prepare first');
  const tokens = answerTokens(run.config.tokens);
  const { commits, nested, renderMs } = profile;
  const stopFrames = countFrames();
  const start = performance.now();
  await pushTokens(run.stream, tokens, run.config.rate);
  // The last tokens are rendered in the next frame at the latest.
  await painted();
  return {
    tokens: tokens.length,
    wallMs: performance.now() - start,
    commits: profile.commits - commits,
    nestedCommits: profile.nested - nested,
    frames: stopFrames(),
    renderMs: profile.renderMs - renderMs,
    longTasks: longTasksSince(start),
  };
}

async function finish(): Promise<AppendResult> {
  if (!run) throw new Error('prepare first');
  const { chat, stream: body, config, sendRenderMs, sendLongTasks } = run;
  run = null;
  const since = performance.now();
  const render0 = profile.renderMs;
  body.push(endEvents(config.tokens));
  body.end();
  await chat.finished();
  await painted();
  const result = { sendRenderMs, finishRenderMs: profile.renderMs - render0, longTasks: [...sendLongTasks] };
  result.longTasks.push(...longTasksSince(since));
  await unmount();
  return result;
}

async function firstToken(impl: Impl): Promise<number> {
  const chat = await mount(impl, 0);
  chat.send('Benchmark question');
  const body = await chat.nextStream();
  await painted();
  await painted();
  // A random phase against the frame clock, as a real first byte has.
  await sleep(Math.random() * 17);
  const marker = 'Firsttoken';
  const latency = new Promise<number>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!container.textContent?.includes(marker)) return;
      observer.disconnect();
      void painted().then((at) => resolve(at - start));
    });
    observer.observe(container, { subtree: true, childList: true, characterData: true });
  });
  const start = performance.now();
  body.push(chunkEvent(marker));
  const ms = await latency;
  body.push(endEvents(1));
  body.end();
  await chat.finished();
  await unmount();
  return ms;
}

let kept: Chat | null = null;

async function conversation(exchanges: number): Promise<number> {
  const chat = kept ?? (kept = await mountOurs([]));
  const service = chat.service;
  if (!service) throw new Error('conversations need the library chat');
  service.clear();
  for (let i = 0; i < exchanges; i += 1) {
    chat.send(`Question ${i}: what changed?`);
    const body = await chat.nextStream();
    body.push(chunkEvent(historyText(2 * i + 1)));
    body.push(endEvents(60));
    body.end();
    await chat.finished();
  }
  await painted();
  return service.getSnapshot().messages.length;
}

let longAnswerEnd: (() => Promise<void>) | null = null;

async function streamLongAnswer(count: number): Promise<number> {
  const chat = kept ?? (kept = await mountOurs([]));
  chat.send('Write a very long answer.');
  const body = await chat.nextStream();
  const tokens = answerTokens(count, 3);
  for (let i = 0; i < tokens.length; i += 100) {
    body.push(
      tokens
        .slice(i, i + 100)
        .map((token) => chunkEvent(token))
        .join(''),
    );
    await task();
  }
  await painted();
  longAnswerEnd = async () => {
    body.push(endEvents(count));
    body.end();
    await chat.finished();
    await painted();
  };
  return tokens.join('').length;
}

async function finishLongAnswer(): Promise<void> {
  await longAnswerEnd?.();
  longAnswerEnd = null;
}

/**
 * Waits, a frame at a time, until the whole history of `length` messages is in the page (ours mounts a long history's
 * older part after its first paint, newest first): until its first message is. Polling with a cheap query, since a
 * count of every message each frame would cost more than the page's own work.
 */
async function allShown(length: number): Promise<number> {
  let at = performance.now();
  if (length === 0) return at;
  const first = historyText(0);
  while (!container.querySelector('[data-slot="message"]')?.textContent?.includes(first)) at = await painted();
  const shown = container.querySelectorAll('[data-slot="message"]').length;
  if (shown < length) throw new Error(`${shown} of ${length} messages shown`);
  return at;
}

async function mountHistory(length: number): Promise<MountResult> {
  await unmount();
  const history = historyOf(length);
  collectGarbage();
  await painted();
  const start = performance.now();
  kept = await mountOurs(history);
  let firstPaint = performance.now();
  // The frame `mountOurs` waited for may have come before React's render task: wait for one that shows messages.
  while (length > 0 && !container.querySelector('[data-slot="message"]')) firstPaint = await painted();
  const all = await allShown(length);
  return { firstPaintMs: firstPaint - start, allMs: all - start, longTasksAfterFirstPaint: longTasksSince(firstPaint) };
}

async function mountEmpty(): Promise<void> {
  kept = await mountOurs([]);
  await painted();
}

async function unmount(): Promise<void> {
  root?.unmount();
  root = null;
  kept = null;
  await painted();
}

window.bench = {
  prepare,
  stream,
  finish,
  firstToken,
  conversation,
  streamLongAnswer,
  finishLongAnswer,
  mountHistory,
  mountEmpty,
  unmount,
} satisfies BenchPage;
document.title = 'ready';
