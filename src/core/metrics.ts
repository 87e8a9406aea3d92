import type { TokenUsage } from './types.js';

/** How one answer's last run went (its request, tool steps and retries); reported through `onMetrics`. */
export interface AnswerMetrics {
  /** From sending to the first answer or reasoning text; `null` if none came. */
  timeToFirstTokenMs: number | null;
  /** From sending to the end of the answer. */
  durationMs: number;
  /** Network reads that carried text. */
  chunks: number;
  /** Characters of answer text. */
  characters: number;
  /** The tokens the provider reported (prompt, completion, total), summed over the requests; `null` when it sent none. */
  usage: TokenUsage | null;
  /** Completion tokens over the time from the first token to the end; `null` without usage. */
  tokensPerSecond: number | null;
  /** Automatic retries, resumes included. */
  retries: number;
  /** Whether the non-streaming fallback served the answer. */
  usedFallback: boolean;
}

/** Counts one answer as it streams; `finish` turns the counts into {@link AnswerMetrics}. */
export class MetricsRecorder {
  readonly #startedAt: number;
  #firstTokenAt: number | null = null;
  #chunks = 0;
  #characters = 0;
  #usage: TokenUsage | null = null;
  #retries = 0;
  #usedFallback = false;

  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
    this.#startedAt = now();
  }

  text(characters: number, isAnswer: boolean): void {
    this.#firstTokenAt ??= this.#now();
    this.#chunks += 1;
    if (isAnswer) this.#characters += characters;
  }

  /** One request's usage (each request of a tool loop reports its own). */
  addUsage(usage: TokenUsage): void {
    this.#usage = sumUsage(this.#usage, usage);
  }

  retry(): void {
    this.#retries += 1;
  }

  fallback(): void {
    this.#usedFallback = true;
  }

  finish(): AnswerMetrics {
    const end = this.#now();
    const generatingMs = this.#firstTokenAt === null ? 0 : end - this.#firstTokenAt;
    return {
      timeToFirstTokenMs: this.#firstTokenAt === null ? null : this.#firstTokenAt - this.#startedAt,
      durationMs: end - this.#startedAt,
      chunks: this.#chunks,
      characters: this.#characters,
      usage: this.#usage,
      tokensPerSecond:
        this.#usage !== null && generatingMs > 0 ? (this.#usage.completionTokens * 1000) / generatingMs : null,
      retries: this.#retries,
      usedFallback: this.#usedFallback,
    };
  }
}

/** Two counts of tokens added up; either may be missing. */
export function sumUsage(a: TokenUsage | null | undefined, b: TokenUsage | null | undefined): TokenUsage | null {
  if (!a || !b) return a ?? b ?? null;
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  };
}
