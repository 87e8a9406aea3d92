/** What the peers driver (bench/peers/drive.ts) and its page (bench/peers/page) say to each other. */

/** The renderers compared: a bare text node (the floor), ours, and the peers. */
export const RENDERERS = ['plain', 'ours', 'streamdown', 'react-markdown'] as const;
export type Renderer = (typeof RENDERERS)[number];

/** The answer already on screen when the measured tokens start: prose paragraphs, one long code block or a table. */
export type Content =
  { kind: 'prose'; paragraphs: number } | { kind: 'code'; lines: number } | { kind: 'table'; rows: number };

export interface PeerConfig {
  renderer: Renderer;
  content: Content;
  /** 4-character tokens appended in the measured window, one synchronous render each. */
  tokens: number;
}

export interface PeerStream {
  tokens: number;
  /** Sum of the synchronous renders (flushSync around root.render), ms. */
  renderMs: number;
  /** From the first token to the frame after the last one, ms. */
  wallMs: number;
  /** Durations of long tasks (> 50 ms) that started in the window. */
  longTasks: number[];
}

export interface PeerPage {
  /** Mounts the renderer with the answer so far; resolves with ms from render to the end of the frame that painted it. */
  prepare(config: PeerConfig): Promise<number>;
  /** Appends the tokens, one synchronous render and one task each. */
  stream(): Promise<PeerStream>;
  /** Unmounts. */
  finish(): Promise<void>;
}

declare global {
  interface Window {
    peers: PeerPage;
  }
}
