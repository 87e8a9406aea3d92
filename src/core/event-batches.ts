import type { ChatError } from './errors.js';
import { createEventStreamDecoder } from './event-stream.js';
import { interpretEvent, type ProtocolStep } from './protocol.js';
import type { Progress } from './recovery.js';
import type { ChatStreamEvent, TokenUsage } from './types.js';

/** What the tries of one answer have learned, recovery's part and the answer's end. */
export interface AnswerProgress extends Progress {
  finishReason?: string | null;
  usage: TokenUsage | null;
}

/** Adds a step's text to a batch of events, merging with the previous event of the same type. */
export function collect(
  events: ChatStreamEvent[],
  step: Extract<ProtocolStep, { kind: 'chunk' }>,
  progress: AnswerProgress,
): void {
  appendText(events, 'reasoning', step.reasoning, progress);
  appendText(events, 'delta', step.content, progress);
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
