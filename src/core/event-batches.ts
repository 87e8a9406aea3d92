import type { ChatError } from './errors.js';
import { createEventStreamDecoder } from './event-stream.js';
import { interpretEvent, type ProtocolStep, type ToolCallFragment } from './protocol.js';
import type { Progress } from './recovery.js';
import type { ChatStreamEvent, TokenUsage } from './types.js';

/** What the tries of one answer have learned, recovery's part and the answer's end. */
export interface AnswerProgress extends Progress {
  finishReason?: string | null;
  usage: TokenUsage | null;
  /** The tool calls so far, by index; their arguments are concatenated as they stream. */
  toolCalls: Map<number, ToolCallSoFar>;
  /** The URLs of the sources already yielded. */
  sourceUrls: Set<string>;
}

/** A tool call as far as it has streamed; `id` may come only with a later fragment. */
export interface ToolCallSoFar {
  index: number;
  id: string;
  name: string;
  arguments: string;
}

/** The call a fragment continues, or a new one. */
function toolCallFor(calls: Map<number, ToolCallSoFar>, fragment: ToolCallFragment): ToolCallSoFar {
  let { index } = fragment;
  if (!fragment.indexed) {
    // Without `index` (providers that send each call whole): a known id continues its call; a new id, or a name
    // without an id, starts the next one; a bare arguments fragment continues the last call.
    const known = [...calls.values()].find((call) => fragment.id !== '' && call.id === fragment.id);
    const last = calls.size > 0 ? Math.max(...calls.keys()) : -1;
    const starts = fragment.id !== '' || fragment.name !== '' || last < 0;
    index = known ? known.index : starts ? last + 1 : last;
  }
  let call = calls.get(index);
  if (!call) calls.set(index, (call = { index, id: '', name: '', arguments: '' }));
  call.id ||= fragment.id;
  call.name ||= fragment.name;
  return call;
}

/** The id a call is known by: its own, or one made from its index when the provider sent none. */
export const toolCallId = (call: ToolCallSoFar): string => call.id || `call_${call.index}`;

/** Adds a step's text to a batch of events, merging with the previous event of the same type. */
export function collect(
  events: ChatStreamEvent[],
  step: Extract<ProtocolStep, { kind: 'chunk' }>,
  progress: AnswerProgress,
): void {
  appendText(events, 'reasoning', step.reasoning, progress);
  appendText(events, 'delta', step.content, progress);
  for (const fragment of step.toolCalls) {
    const call = toolCallFor(progress.toolCalls, fragment);
    call.arguments += fragment.arguments;
    // The user has seen the call begin: like text, it rules out a plain retry.
    progress.textSeen = true;
    events.push({
      type: 'tool-call-delta',
      index: call.index,
      id: toolCallId(call),
      name: call.name,
      argumentsDelta: fragment.arguments,
    });
  }
  for (const source of step.sources) {
    if (progress.sourceUrls.has(source.url)) continue;
    progress.sourceUrls.add(source.url);
    events.push({ type: 'source', source });
  }
  if (step.finishReason !== null) progress.finishReason = step.finishReason;
  if (step.usage) progress.usage = step.usage;
}

function appendText(events: ChatStreamEvent[], type: 'reasoning' | 'delta', content: string, progress: Progress): void {
  if (content === '') return;
  progress.textSeen = true;
  const last = events[events.length - 1];
  if (last?.type === type) last.content += content;
  else events.push({ type, content });
}

/**
 * Turns the bytes of one SSE body into one batch of events per network read (adjacent text merged), with
 * whether `data: [DONE]` came and the failure that ends the body, if any. `undefined` bytes: the body ended.
 */
export function eventStreamBatches(progress: AnswerProgress) {
  let events: ChatStreamEvent[] = [];
  let failure: ChatError | undefined;
  let done = false;
  const decoder = createEventStreamDecoder({
    onEvent: (event) => {
      // Nothing after `[DONE]` or a failure counts.
      if (done || failure) return;
      let step: ProtocolStep;
      try {
        step = interpretEvent(event);
      } catch (error) {
        failure = error as ChatError;
        return;
      }
      switch (step.kind) {
        case 'chunk':
          return collect(events, step, progress);
        case 'done':
          done = true;
          return;
        case 'error':
          if (progress.textSeen) progress.errorAfterText = step.error;
          failure = step.error;
          return;
        case 'insight':
          events.push({ type: 'insight', insight: step.insight });
          return;
        case 'suggestion':
          events.push({ type: 'suggestion', suggestion: step.suggestion });
          return;
      }
    },
    onId: (id) => {
      if (!done && !failure) progress.lastEventId = id;
    },
    onRetry: (ms) => {
      progress.serverRetryMs = ms;
    },
  });
  return (bytes: Uint8Array | undefined) => {
    decoder(bytes);
    const batch = { events, failure, done };
    events = [];
    return batch;
  };
}
