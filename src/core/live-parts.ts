import type { MessagePart, SourcePart, ToolCallPart } from './messages.js';
import type { ChatSource } from './types.js';

/**
 * The parts of the answer that is streaming, as it arrives: consecutive text of one kind grows one part, a change of
 * kind starts the next, tool calls follow in order, and sources stay last (a citation never splits the text around
 * it). `parts` is a new array after each change (the streaming message shows it as it stands); parts that no longer
 * change keep their identity.
 */
export class LiveParts {
  parts: readonly MessagePart[] = [];
  private body: readonly MessagePart[] = [];
  private sources: readonly SourcePart[] = [];
  private reasoningSince = 0;

  constructor(private readonly clock: () => number) {}

  /** Appends text of one kind. */
  append(type: 'text' | 'reasoning', text: string): void {
    const body = this.closed(type);
    const last = body.at(-1);
    if (last?.type === type) body[body.length - 1] = { type, text: last.text + text };
    else {
      if (type === 'reasoning') this.reasoningSince = this.clock();
      body.push({ type, text });
    }
    this.show(body);
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

  /** A cited source; sources stay after everything else. */
  source(source: ChatSource): void {
    this.sources = [...this.sources, { type: 'source', ...source }];
    this.show(this.body.slice());
  }

  /**
   * The answer ended: a reasoning part learns how long it took, and a call whose arguments never finished (a stop,
   * a lost connection) says so instead of looking as if it still streamed.
   */
  close(): void {
    const body = this.closed(null);
    let changed = body.at(-1) !== this.body.at(-1);
    body.forEach((part, at) => {
      if (part.type !== 'tool-call' || part.state !== 'streaming-args') return;
      body[at] = { ...part, state: 'error', errorText: 'The answer ended before this call was complete.' };
      changed = true;
    });
    if (changed) this.show(body);
  }

  /** Adds or replaces the part of one tool call. */
  private putToolCall(toolCallId: string, make: (call: ToolCallPart | undefined) => ToolCallPart): void {
    const body = this.closed(null);
    const at = body.findIndex((part) => part.type === 'tool-call' && part.toolCallId === toolCallId);
    const call = make(at < 0 ? undefined : (body[at] as ToolCallPart));
    if (at < 0) body.push(call);
    else body[at] = call;
    this.show(body);
  }

  private show(body: MessagePart[]): void {
    this.body = body;
    this.parts = [...body, ...this.sources];
  }

  /** A copy of the body in which a reasoning part that `next` does not continue has its duration. */
  private closed(next: 'text' | 'reasoning' | null): MessagePart[] {
    const body = this.body.slice();
    const last = body.at(-1);
    if (last?.type === 'reasoning' && next !== 'reasoning' && last.durationMs === undefined)
      body[body.length - 1] = { ...last, durationMs: this.clock() - this.reasoningSince };
    return body;
  }
}
