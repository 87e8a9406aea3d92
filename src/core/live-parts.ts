import { appendText, type MessagePart, type SourcePart, type ToolCallPart } from './messages.js';
import { callsOfStep, lastStep } from './tools.js';
import type { ChatSource } from './types.js';

/**
 * The parts of the answer that is streaming, as it arrives: consecutive text of one kind grows one part, a change of
 * kind starts the next, tool calls follow in order, and sources stay last (a citation never splits the text around
 * it). `parts` is a new array after each change (the streaming message shows it as it stands); parts that no longer
 * change keep their identity.
 */
export class LiveParts {
  parts: readonly MessagePart[];
  #body: readonly MessagePart[];
  #sources: readonly SourcePart[];
  /** The step the calls that arrive belong to: the request under way (see {@link nextRequest}). */
  #step: number;
  #reasoningSince = 0;

  /**
   * @param parts the parts an answer already has, when it goes on (the next tool step, a retry after one, a
   * continuation); the calls of its last step are the ones {@link stepCalls} gives until the next request
   */
  readonly #clock: () => number;

  constructor(clock: () => number, parts: readonly MessagePart[] = []) {
    this.#clock = clock;
    this.parts = parts;
    this.#body = parts.filter((part) => part.type !== 'source');
    this.#sources = parts.filter((part) => part.type === 'source');
    this.#step = Math.max(0, lastStep(parts));
  }

  /**
   * A request of the answer goes out; returns its step: the first request is step 0, and each request after a step's
   * calls is the next one (a retry or continuation after them included).
   */
  nextRequest(): number {
    this.#step = lastStep(this.#body) + 1;
    return this.#step;
  }

  /** Appends text of one kind. */
  append(type: 'text' | 'reasoning', text: string): void {
    const body = this.#closed(type);
    const last = body.at(-1);
    // Reasoning that had ended goes on (a continuation thinks again): the time it took already still counts.
    if (type === 'reasoning' && (last?.type !== 'reasoning' || last.durationMs !== undefined))
      this.#reasoningSince = this.#clock() - (last?.type === 'reasoning' ? (last.durationMs ?? 0) : 0);
    appendText(body, { type, text });
    this.#show(body);
  }

  /** A fragment of a tool call's arguments: the call's part is added on its first fragment and grows with each. */
  toolCallDelta(toolCallId: string, toolName: string, argumentsDelta: string): void {
    this.#putToolCall(toolCallId, (call) => ({
      type: 'tool-call',
      toolCallId,
      toolName: call?.toolName || toolName,
      argsText: (call?.argsText ?? '') + argumentsDelta,
      state: 'streaming-args',
      step: this.#step,
    }));
  }

  /**
   * A tool call, complete: its arguments are parsed. Invalid JSON is that call's error (the model can be told and
   * recover), not the answer's; a valid call waits for its result.
   */
  toolCall(toolCallId: string, toolName: string, argsText: string): void {
    this.#putToolCall(toolCallId, () => {
      const call: ToolCallPart = {
        type: 'tool-call',
        toolCallId,
        toolName,
        argsText,
        state: 'awaiting-result',
        step: this.#step,
      };
      try {
        return { ...call, args: argsText.trim() === '' ? {} : JSON.parse(argsText) };
      } catch {
        return { ...call, state: 'error', errorText: `The arguments are not valid JSON: ${argsText}` };
      }
    });
  }

  /** Replaces a call's part with its next state (running, its result or error). */
  updateToolCall(call: ToolCallPart): void {
    this.#putToolCall(call.toolCallId, () => call);
  }

  /** The calls of the current step. */
  stepCalls(): ToolCallPart[] {
    return callsOfStep(this.#body, this.#step);
  }

  /** A cited source, once per URL (each step's request may cite it again); sources stay after everything else. */
  source(source: ChatSource): void {
    if (this.#sources.some((known) => known.url === source.url)) return;
    this.#sources = [...this.#sources, { type: 'source', ...source }];
    this.#show(this.#body.slice());
  }

  /**
   * The request ended: a reasoning part learns how long it took, and a call whose arguments never finished (a stop,
   * a lost connection) says so instead of looking as if it still streamed. When the answer ends for good (`paused`
   * false), calls still running or waiting for the UI say that they will have no result.
   */
  close(paused: boolean): void {
    const body = this.#closed(null);
    let changed = body.at(-1) !== this.#body.at(-1);
    body.forEach((part, at) => {
      if (part.type !== 'tool-call') return;
      const errorText =
        part.state === 'streaming-args'
          ? 'The answer ended before this call was complete.'
          : (part.state === 'running' || part.state === 'awaiting-result') && !paused
            ? 'The answer ended before this call had a result.'
            : null;
      if (errorText === null) return;
      body[at] = { ...part, state: 'error', errorText };
      changed = true;
    });
    if (changed) this.#show(body);
  }

  /** Adds or replaces the part of one tool call. */
  #putToolCall(toolCallId: string, make: (call: ToolCallPart | undefined) => ToolCallPart): void {
    const body = this.#closed(null);
    const at = body.findIndex((part) => part.type === 'tool-call' && part.toolCallId === toolCallId);
    const call = make(at < 0 ? undefined : (body[at] as ToolCallPart));
    if (at < 0) body.push(call);
    else body[at] = call;
    this.#show(body);
  }

  #show(body: MessagePart[]): void {
    this.#body = body;
    this.parts = [...body, ...this.#sources];
  }

  /** A copy of the body in which a reasoning part that `next` does not continue has its duration. */
  #closed(next: 'text' | 'reasoning' | null): MessagePart[] {
    const body = this.#body.slice();
    const last = body.at(-1);
    if (last?.type === 'reasoning' && next !== 'reasoning' && last.durationMs === undefined)
      body[body.length - 1] = { ...last, durationMs: this.#clock() - this.#reasoningSince };
    return body;
  }
}
