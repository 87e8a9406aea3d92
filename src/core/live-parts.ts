import type { MessagePart, ToolCallPart } from './messages.js';
import type { ChatSource } from './types.js';

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

  /** A fragment of a tool call's arguments: the call's part is added on its first fragment and grows with each. */
  toolCallDelta(toolCallId: string, toolName: string, argumentsDelta: string): void {
    this.putToolCall(toolCallId, (call) => ({
      type: 'tool-call',
      toolCallId,
      toolName: call?.toolName || toolName,
      argsText: (call?.argsText ?? '') + argumentsDelta,
      state: 'streaming-args',
    }));
  }

  /**
   * A tool call, complete: its arguments are parsed. Invalid JSON is that call's error (the model can be told and
   * recover), not the answer's; a valid call waits for its result.
   */
  toolCall(toolCallId: string, toolName: string, argsText: string): void {
    this.putToolCall(toolCallId, () => {
      const call: ToolCallPart = { type: 'tool-call', toolCallId, toolName, argsText, state: 'awaiting-result' };
      try {
        return { ...call, args: argsText.trim() === '' ? {} : JSON.parse(argsText) };
      } catch {
        return { ...call, state: 'error', errorText: `The arguments are not valid JSON: ${argsText}` };
      }
    });
  }

  /** Adds or replaces the part of one tool call. */
  private putToolCall(toolCallId: string, make: (call: ToolCallPart | undefined) => ToolCallPart): void {
    const parts = this.closed(null);
    const at = parts.findIndex((part) => part.type === 'tool-call' && part.toolCallId === toolCallId);
    const call = make(at < 0 ? undefined : (parts[at] as ToolCallPart));
    if (at < 0) parts.push(call);
    else parts[at] = call;
    this.parts = parts;
  }

  /** A cited source, after the text. */
  source(source: ChatSource): void {
    this.parts = [...this.closed(null), { type: 'source', ...source }];
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
