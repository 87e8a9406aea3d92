import type { MessagePart } from './messages.js';

/**
 * The parts of the answer that is streaming, as its text arrives: consecutive text of one kind grows one part, a
 * change of kind starts the next. `parts` is a new array after each change (the streaming message shows it as it
 * stands); parts already closed keep their identity.
 */
export class LiveParts {
  parts: readonly MessagePart[] = [];
  private reasoningSince = 0;

  constructor(private readonly clock: () => number) {}

  /** Appends text of one kind. */
  append(type: 'text' | 'reasoning', text: string): void {
    const parts = this.closed(type);
    const last = parts.at(-1);
    if (last?.type === type) parts[parts.length - 1] = { type, text: last.text + text };
    else {
      if (type === 'reasoning') this.reasoningSince = this.clock();
      parts.push({ type, text });
    }
    this.parts = parts;
  }

  /** Ends the part still growing: a reasoning part learns how long it took. */
  close(): void {
    const parts = this.closed(null);
    if (parts.at(-1) !== this.parts.at(-1)) this.parts = parts;
  }

  /** A copy of the parts in which a reasoning part that `next` does not continue has its duration. */
  private closed(next: 'text' | 'reasoning' | null): MessagePart[] {
    const parts = this.parts.slice();
    const last = parts.at(-1);
    if (last?.type === 'reasoning' && next !== 'reasoning' && last.durationMs === undefined)
      parts[parts.length - 1] = { ...last, durationMs: this.clock() - this.reasoningSince };
    return parts;
  }
}
