/** What the Node driver and the benchmark page say to each other (page.evaluate arguments and results). */

export type Impl = 'ours' | 'naive';

export interface StreamConfig {
  impl: Impl;
  /** Finished messages in the transcript before the question. */
  history: number;
  /** Paragraphs of the answer already streamed before the measured tokens (0: a one-line start). */
  paragraphs: number;
  /** Tokens streamed in the measured window. */
  tokens: number;
  /** Tokens per second arriving from the network; 0 = one token per task, as fast as the page takes them. */
  rate: number;
}

export interface StreamResult {
  tokens: number;
  /** From the first measured token to the frame after the last one was rendered. */
  wallMs: number;
  /** React commits of the chat (Profiler onRender) in the window. */
  commits: number;
  /** Of those, commits caused by a setState in a layout effect. */
  nestedCommits: number;
  /** requestAnimationFrame ticks in the window. */
  frames: number;
  /** Sum of the Profiler's actualDuration over those commits: React render time. */
  renderMs: number;
  /** Durations of long tasks (> 50 ms) that started in the window. */
  longTasks: number[];
}

export interface AppendResult {
  /** React render time (Profiler actualDuration) of `send`: the question and an empty answer appended. */
  sendRenderMs: number;
  /** React render time of the end of the answer: the streamed text becomes a finished message. */
  finishRenderMs: number;
  /** Long tasks (> 50 ms) from each append to the frame that painted it. */
  longTasks: number[];
}

export interface MountResult {
  /** From the `render()` call to the end of the first frame that paints messages. */
  firstPaintMs: number;
  /** From the `render()` call to the end of the frame that has every message in the page. */
  allMs: number;
  /** Durations of the long tasks (> 50 ms) between the two: ours mounts the rest in transitions, meant to have none. */
  longTasksAfterFirstPaint: number[];
}

export interface BenchPage {
  /** Mounts a chat with its history, sends a question and streams the start of the answer; resolves when painted. */
  prepare(config: StreamConfig): Promise<void>;
  /** Streams the measured tokens; resolves when the last one is rendered. */
  stream(): Promise<StreamResult>;
  /** Ends the answer and unmounts; reports the cost of both transcript appends. */
  finish(): Promise<AppendResult>;
  /** Time from the first SSE byte reaching the page to the end of the frame that paints its text. */
  firstToken(impl: Impl): Promise<number>;
  /** One conversation of `exchanges` questions and answers on a kept chat, cleared first (`ours` only). */
  conversation(exchanges: number): Promise<number>;
  /** Streams one answer of `tokens` tokens into a fresh chat and resolves with its length, the answer still open. */
  streamLongAnswer(tokens: number): Promise<number>;
  /** Ends the answer `streamLongAnswer` left open and waits until it is finished and painted. */
  finishLongAnswer(): Promise<void>;
  /**
   * Mounts a fresh chat (`ours`) with `history` finished messages. Resolves with the ms from the `render()` call to
   * the end of the first frame that paints messages, and to the end of the frame that has them all in the page (ours
   * mounts a long history's older part after its first paint). The chat stays mounted (for its heap).
   */
  mountHistory(history: number): Promise<MountResult>;
  /** Mounts a fresh empty chat (`ours`) and waits for it to paint. */
  mountEmpty(): Promise<void>;
  /** Unmounts whatever is mounted. */
  unmount(): Promise<void>;
}

declare global {
  interface Window {
    bench: BenchPage;
  }
}
