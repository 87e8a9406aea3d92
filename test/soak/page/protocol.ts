/** What the soak's driver and its page say to each other (page.evaluate arguments and results). */

/** An answer as the page shows it and as the chat stores it. */
export interface ShownAnswer {
  /** `data-status` of the answer's article; `null` when there is no such answer. */
  status: string | null;
  /** The answer's rendered markdown (every message body of the answer, in order): markup and text. */
  html: string;
  text: string;
  /** A failure notice (`[data-slot="message-status"]`) shows under the answer. */
  notice: boolean;
  /** The answer's text as the chat stores it, and the automatic retries its metrics counted. */
  stored: string;
  retries: number;
}

/** Markdown rendered by the library's `Markdown` component on its own, fresh. */
export interface RenderedMarkdown {
  html: string;
  text: string;
}

export interface SoakPage {
  /** The chat mounted and its service is known. */
  readonly ready: boolean;
  /** The `index`-th answer (0-based) of the transcript. */
  answer(index: number): ShownAnswer;
  /** `data-state` of the connection status. */
  connection(): string | null;
  render(markdown: string): RenderedMarkdown;
}

declare global {
  interface Window {
    soak: SoakPage;
  }
}
