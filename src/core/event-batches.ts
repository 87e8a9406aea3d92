import type { ChatError } from './errors.js';
import { createEventStreamDecoder } from './event-stream.js';
import { interpretEvent, type ProtocolStep, type ToolCallFragment } from './protocol.js';
import type { StreamFacts } from './recovery.js';
import type { ChatStreamEvent, TokenUsage } from './types.js';

/** What the tries of one answer have learned, recovery's part and the answer's end. */
export interface StreamState extends StreamFacts {
  finishReason?: string | null;
  usage: TokenUsage | null;
  /** The tool calls so far, by the index we give them (in order of first appearance); arguments concatenated. */
  toolCalls: Map<number, ToolCallSoFar>;
  /** Which of our calls each `index` on the wire points at now. */
  wireIndexes: Map<number, number>;
  /** The URLs of the sources already yielded. */
  sourceUrls: Set<string>;
}

/** What an answer's first try starts from: nothing seen yet. */
export function newStreamState(): StreamState {
  return {
    textSeen: false,
    lastEventId: '',
    usage: null,
    toolCalls: new Map(),
    wireIndexes: new Map(),
    sourceUrls: new Set(),
  };
}

/** A tool call as far as it has streamed. Its id is fixed at its first fragment (made from its index if none came). */
export interface ToolCallSoFar {
  index: number;
  id: string;
  /** The provider sent the id (not made up here). */
  idGiven: boolean;
  name: string;
  arguments: string;
}

/** The call a fragment continues, or a new one. */
function toolCallFor(state: StreamState, fragment: ToolCallFragment): ToolCallSoFar {
  const calls = state.toolCalls;
  const next = calls.size;
  const known = fragment.id === '' ? undefined : [...calls.values()].find((call) => call.id === fragment.id);
  let index: number;
  if (known) index = known.index;
  else if (fragment.indexed) {
    const current = calls.get(state.wireIndexes.get(fragment.index) ?? -1);
    // A new id on an index already taken is another call: some servers number every parallel call 0.
    index = current && !(fragment.id !== '' && current.idGiven) ? current.index : next;
  } else {
    // Without `index` (providers that send each call whole): a new id, or a name without an id, starts the next
    // call; a bare arguments fragment continues the last one.
    index = fragment.id !== '' || fragment.name !== '' || next === 0 ? next : next - 1;
  }
  if (fragment.indexed) state.wireIndexes.set(fragment.index, index);
  let call = calls.get(index);
  if (!call) {
    call = { index, id: fragment.id || `call_${index}`, idGiven: fragment.id !== '', name: '', arguments: '' };
    calls.set(index, call);
  }
  call.name ||= fragment.name;
  return call;
}

/** Adds a step's text to a batch of events, merging with the previous event of the same type. */
export function collect(
  events: ChatStreamEvent[],
  step: Extract<ProtocolStep, { kind: 'chunk' }>,
  state: StreamState,
): void {
  appendText(events, 'reasoning', step.reasoning, state);
  appendText(events, 'delta', step.content, state);
  for (const fragment of step.toolCalls) {
    const call = toolCallFor(state, fragment);
    call.arguments += fragment.arguments;
    // The user has seen the call begin: like text, it rules out a plain retry.
    state.textSeen = true;
    events.push({
      type: 'tool-call-delta',
      index: call.index,
      id: call.id,
      name: call.name,
      argumentsDelta: fragment.arguments,
    });
  }
  for (const source of step.sources) {
    if (state.sourceUrls.has(source.url)) continue;
    state.sourceUrls.add(source.url);
    events.push({ type: 'source', source });
  }
  if (step.finishReason !== null) state.finishReason = step.finishReason;
  if (step.usage) state.usage = step.usage;
}

function appendText(events: ChatStreamEvent[], type: 'reasoning' | 'delta', content: string, state: StreamFacts): void {
  if (content === '') return;
  state.textSeen = true;
  const last = events[events.length - 1];
  if (last?.type === type) last.content += content;
  else events.push({ type, content });
}

/**
 * Turns the bytes of one SSE body into one batch of events per network read (adjacent text merged), with
 * whether `data: [DONE]` came and the failure that ends the body, if any. `undefined` bytes: the body ended.
 */
export function eventStreamBatches(state: StreamState) {
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
          return collect(events, step, state);
        case 'done':
          done = true;
          return;
        case 'error':
          if (state.textSeen) state.errorAfterText = step.error;
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
      if (!done && !failure) state.lastEventId = id;
    },
    onRetry: (ms) => {
      state.serverRetryMs = ms;
    },
  });
  return (bytes: Uint8Array | undefined) => {
    decoder(bytes);
    const batch = { events, failure, done };
    events = [];
    return batch;
  };
}
