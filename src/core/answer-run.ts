import type { ChatAction } from './chat-reducer.js';
import type { ChatError } from './errors.js';
import { nextFrame, type UpdateScheduler } from './frame-scheduler.js';
import { LiveParts } from './live-parts.js';
import { withParts, type ChatMessage, type MessagePart, type MessageStatus } from './messages.js';
import { MetricsRecorder, sumUsage, type AnswerMetrics } from './metrics.js';
import { streamChatCompletion, type StreamOptions } from './stream.js';
import type { ChatCompletionRequest, ChatStreamEvent, TokenUsage } from './types.js';

/** What a run needs from the chat it streams into. */
export interface RunHost {
  dispatch(action: ChatAction): void;
  /** The run's message learnt something the host must save at once (the relay's stream id). */
  save(message: ChatMessage): void;
  /** A request or a retry waits for its first byte. */
  awaitsFirstByte(): boolean;
  /** Read at each use: a host may change its options while an answer streams. */
  settings(): RunSettings;
  /** Epoch milliseconds. */
  now(): number;
}

/** The options a run reads as it goes. */
export interface RunSettings {
  /** @default one per animation frame */
  scheduleUpdate?: UpdateScheduler | undefined;
  /** Keep insights and suggestions. @default true */
  enableOptimization?: boolean | undefined;
  maxRetries: number;
}

/** Where a run starts from, when it goes on with a message. */
export interface RunStart {
  /** The parts it goes on from. @default the message's own */
  parts?: readonly MessagePart[] | undefined;
  /** It continues the answer: its first request asks the model to go on. @default false */
  continues?: boolean | undefined;
  /**
   * It reads the message's relayed answer again from its first event (a page reloaded mid-answer): the message keeps
   * its saved parts until the replay brings its first part, then shows the replay's.
   */
  replays?: boolean | undefined;
}

/**
 * One answer streaming into its message: the stream's events become the message's parts, shown at most once a frame
 * (text arrives far faster than frames), until the run ends the message with its status. A run that goes on with an
 * existing message (the next tool step, a retry after one, a continuation) keeps its parts and its usage, and drops
 * what its last end said (error, metrics, finish reason).
 */
export class AnswerRun {
  /** Aborts the request and the running tools. */
  readonly controller = new AbortController();
  readonly parts: LiveParts;
  readonly #metrics: MetricsRecorder;
  /** The parts as they stood when the step's request went out: where a retry goes on from. */
  stepStart: readonly MessagePart[];
  #shown: ChatMessage;
  readonly #usageBefore: TokenUsage | undefined;
  #finishReason: string | null = null;
  #requests = 0;
  #cancelShow: (() => void) | null = null;
  #over = false;
  readonly #host: RunHost;
  /** The saved parts a replay shows until its first part arrives; `null` once it did, and for other runs. */
  #saved: readonly MessagePart[] | null;

  /** The run continues its answer: its first request asks the model to go on. */
  readonly continues: boolean;
  /** The relay's answer this run reads again from its start; `undefined` when it asks anew. */
  readonly replayOf: string | undefined;

  /**
   * @param history the messages before the answer
   * @param message the answer to stream into
   * @param from where it goes on from (@default its own parts), and whether it continues the answer
   */
  constructor(
    readonly history: readonly ChatMessage[],
    message: ChatMessage,
    host: RunHost,
    { parts = message.parts, continues = false, replays = false }: RunStart = {},
  ) {
    this.#host = host;
    this.continues = continues;
    const { error: _error, metrics: _metrics, finishReason: _reason, usage, streamId, ...rest } = message;
    this.replayOf = replays ? streamId : undefined;
    this.#saved = this.replayOf === undefined ? null : parts;
    this.#usageBefore = usage;
    // A new request gets a new relay stream: the old id stays only on a replay, until the response names its own.
    this.#shown = withParts({ ...rest, ...(this.replayOf && { streamId }), status: 'streaming' }, parts);
    const live = this.#saved ? [] : parts;
    this.parts = new LiveParts(host.now, live);
    this.stepStart = live;
    this.#metrics = new MetricsRecorder(host.now);
  }

  /** The run ended (finished, stopped, or its chat cleared): nothing it still hears counts. */
  get isOver(): boolean {
    return this.#over;
  }

  /** The run's request under way is its first. */
  get onFirstRequest(): boolean {
    return this.#requests <= 1;
  }

  /** The streaming message with its parts as they stand (a new object only when they changed). */
  get message(): ChatMessage {
    if (this.#saved === null && this.parts.parts !== this.#shown.parts)
      this.#shown = withParts(this.#shown, this.parts.parts);
    return this.#shown;
  }

  /** The next request of the answer goes out; returns its tool step. */
  nextRequest(): number {
    if (this.#requests++ > 0) this.#host.dispatch({ type: 'next-request' });
    this.#finishReason = null;
    this.stepStart = this.parts.parts;
    return this.parts.nextRequest();
  }

  /** Streams one request into the message. */
  async stream(request: ChatCompletionRequest, options: StreamOptions): Promise<void> {
    for await (const event of streamChatCompletion(request, { ...options, signal: this.controller.signal })) {
      if (this.#over) return;
      this.#receive(event);
    }
  }

  /** Shows the streaming message as it stands, when it changed since it was last shown. */
  show(): void {
    this.#cancelShow?.();
    this.#cancelShow = null;
    const before = this.#shown;
    if (this.message !== before) this.#host.dispatch({ type: 'frame', message: this.#shown });
  }

  /** Ends the run; returns the message in its final form. Calls still waiting stay so only on a complete answer. */
  end(status: MessageStatus, error: ChatError | null): ChatMessage & { metrics: AnswerMetrics } {
    this.#stop();
    this.parts.close(status === 'complete');
    const metrics = this.#metrics.finish();
    const usage = sumUsage(this.#usageBefore, metrics.usage);
    return {
      ...this.message,
      status,
      metrics,
      ...(usage && { usage }),
      ...(this.#finishReason !== null && { finishReason: this.#finishReason }),
      ...(error && { error }),
    };
  }

  /** Stops the run without a final message (the chat was cleared). */
  cancel(): void {
    this.#stop();
    this.controller.abort();
  }

  #stop(): void {
    this.#over = true;
    this.#cancelShow?.();
    this.#cancelShow = null;
  }

  #receive(event: ChatStreamEvent): void {
    const metrics = this.#metrics;
    const { parts } = this;
    switch (event.type) {
      case 'delta':
      case 'reasoning':
        parts.append(event.type === 'delta' ? 'text' : 'reasoning', event.content);
        metrics.text(event.content.length, event.type === 'delta');
        return this.#arrived();
      case 'tool-call-delta':
        parts.toolCallDelta(event.id, event.name, event.argumentsDelta);
        return this.#arrived();
      case 'tool-call':
        parts.toolCall(event.id, event.name, event.arguments);
        return this.#arrived();
      case 'source':
        parts.source(event.source);
        return this.#arrived();
      case 'insight':
      case 'suggestion':
        if (this.#host.settings().enableOptimization !== false) this.#host.dispatch(event);
        return;
      case 'usage':
        return metrics.addUsage(event.usage);
      case 'retry':
        metrics.retry();
        return this.#host.dispatch({
          type: 'retry',
          retryState: {
            attempt: event.attempt,
            maxRetries: this.#host.settings().maxRetries,
            nextRetryAt: this.#host.now() + event.delayMs,
            error: event.error,
          },
        });
      case 'fallback':
        metrics.fallback();
        return this.#host.dispatch(event);
      case 'finish':
        this.#finishReason = event.reason;
        return;
      case 'stream':
        // Only a stream that holds the whole answer can rebuild it after a reload: not a continuation, not a step
        // after tool calls, not a retry that goes on from earlier parts.
        if (this.continues || this.stepStart.length > 0) return;
        this.#shown = { ...this.message, streamId: event.streamId };
        return this.#host.save(this.#shown);
    }
  }

  /** Something the user will see arrived: the first of a try also says that the server answered. */
  #arrived(): void {
    this.#saved = null;
    if (!this.#host.awaitsFirstByte()) return this.#scheduleShow();
    this.show();
    this.#host.dispatch({ type: 'reached-server' });
  }

  #scheduleShow(): void {
    if (this.#cancelShow) return;
    let ran = false;
    const cancel = (this.#host.settings().scheduleUpdate ?? nextFrame)(() => {
      ran = true;
      this.#cancelShow = null;
      if (!this.#over) this.show();
    });
    // A scheduler that runs the update at once (batching off) has nothing left to cancel.
    if (!ran) this.#cancelShow = cancel;
  }
}
