/** How one answer went; reported through `onMetrics` when analytics are enabled. */
export interface AnswerMetrics {
  /** From sending to the first answer or reasoning text; `null` if none came. */
  timeToFirstTokenMs: number | null;
  /** From sending to the end of the answer. */
  durationMs: number;
  /** Network reads that carried text. */
  chunks: number;
  /** Characters of answer text. */
  characters: number;
  /** From the provider's `usage`, when it sent one. */
  completionTokens: number | null;
  /** `completionTokens` over the time from the first token to the end; `null` without usage. */
  tokensPerSecond: number | null;
  /** Automatic retries, resumes included. */
  retries: number;
  /** Whether the non-streaming fallback served the answer. */
  usedFallback: boolean;
}

/** Counts one answer as it streams; `finish` turns the counts into {@link AnswerMetrics}. */
export class MetricsRecorder {
  private readonly startedAt: number;
  private firstTokenAt: number | null = null;
  private chunks = 0;
  private characters = 0;
  private completionTokens: number | null = null;
  private retries = 0;
  private usedFallback = false;

  constructor(private readonly now: () => number) {
    this.startedAt = now();
  }

  text(characters: number, isAnswer: boolean): void {
    this.firstTokenAt ??= this.now();
    this.chunks += 1;
    if (isAnswer) this.characters += characters;
  }

  usage(completionTokens: number): void {
    this.completionTokens = completionTokens;
  }

  retry(): void {
    this.retries += 1;
  }

  fallback(): void {
    this.usedFallback = true;
  }

  finish(): AnswerMetrics {
    const end = this.now();
    const generatingMs = this.firstTokenAt === null ? 0 : end - this.firstTokenAt;
    return {
      timeToFirstTokenMs: this.firstTokenAt === null ? null : this.firstTokenAt - this.startedAt,
      durationMs: end - this.startedAt,
      chunks: this.chunks,
      characters: this.characters,
      completionTokens: this.completionTokens,
      tokensPerSecond:
        this.completionTokens !== null && generatingMs > 0 ? (this.completionTokens * 1000) / generatingMs : null,
      retries: this.retries,
      usedFallback: this.usedFallback,
    };
  }
}
