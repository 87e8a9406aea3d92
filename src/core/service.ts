import { chatReducer, initialChatState, type ChatAction, type ChatSnapshot } from './chat-reducer.js';
import { ChatError } from './errors.js';
import { nextFrame, type UpdateScheduler } from './frame-scheduler.js';
import { LiveParts } from './live-parts.js';
import {
  toChatMessage,
  toRequestMessages,
  type ChatMessage,
  type ChatMessageInput,
  type MessageStatus,
} from './messages.js';
import { MetricsRecorder, type AnswerMetrics } from './metrics.js';
import { OnlineTracker } from './online.js';
import { defaultRetryOptions } from './retry.js';
import { streamChatCompletion, type StreamOptions } from './stream.js';
import type { ChatStreamEvent } from './types.js';

export type { ChatSnapshot } from './chat-reducer.js';

/** Options of {@link createChatService}; every transport option of {@link StreamOptions} but `signal`. */
export interface ChatServiceOptions extends Omit<StreamOptions, 'signal' | 'whenOnline'> {
  /** @default "deepseek-chat" */
  model?: string;
  /** @default 0.7 */
  temperature?: number;
  /** Sent as `max_tokens`. @default 4096 */
  maxTokens?: number;
  /** Keep the insights and suggestions the server sends. @default true */
  enableOptimization?: boolean;
  /**
   * Show each answer's metrics under it (components read it; every answer's `metrics` are recorded anyway, and
   * `onMetrics` reports them whenever it is given). @default false
   */
  enableAnalytics?: boolean;
  /** Receives each answer's metrics when it ends, whatever `enableAnalytics` says. */
  onMetrics?: (metrics: AnswerMetrics, message: ChatMessage) => void;
  /** The transcript to start from; messages may give `content` alone, without `parts`. @default [] */
  initialMessages?: readonly ChatMessageInput[];
  /** Makes message ids; fixed ids make stories and snapshots deterministic. @default crypto.randomUUID */
  generateId?: () => string;
  /** How streaming text updates are batched. @default one per animation frame (16 ms without a browser) */
  scheduleUpdate?: UpdateScheduler;
}

/** The framework-free chat: state, actions and a subscription, as `useSyncExternalStore` wants them. */
export interface ChatService {
  getSnapshot(): ChatSnapshot;
  subscribe(listener: () => void): () => void;
  /**
   * Sends a user message and streams the answer. While another answer streams, that one is stopped
   * first (kept as `stopped`), so a send is never lost. Returns `false` for blank text.
   */
  send(content: string): boolean;
  /** Stops the streaming answer; its text so far is kept with status `stopped`. */
  stop(): void;
  /** Asks again after a failed or interrupted answer, replacing it. */
  retry(): void;
  /** Replaces the last answer with a new one. */
  regenerate(): void;
  dismissError(): void;
  /** Stops any answer and empties the transcript, insights and suggestions. */
  clear(): void;
  /** Replaces the options; the next request uses them. */
  setOptions(options: ChatServiceOptions): void;
  /** Follows the browser's online state until the returned function is called, which also stops any answer. */
  attach(): () => void;
}

interface Run {
  controller: AbortController;
  /** The streaming message as last shown. */
  message: ChatMessage;
  parts: LiveParts;
  metrics: MetricsRecorder;
}

const defaultId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Creates the chat service that `useSSEChat` binds to React; usable on its own in any JavaScript runtime. */
export function createChatService(initialOptions: ChatServiceOptions = {}): ChatService {
  let options = initialOptions;
  const online = new OnlineTracker(() => dispatch({ type: 'online', online: online.online }));
  let state = initialChatState((options.initialMessages ?? []).map(toChatMessage), online.online);
  const listeners = new Set<() => void>();
  let run: Run | null = null;
  let cancelScheduled: (() => void) | null = null;

  /** The one way the state changes; listeners hear of it only when the snapshot did change. */
  function dispatch(action: ChatAction): void {
    const previous = state.snapshot;
    state = chatReducer(state, action);
    if (state.snapshot === previous) return;
    for (const listener of [...listeners]) listener();
  }

  /** The streaming message with its parts as they stand (a new object only when they changed). */
  function withLiveParts(current: Run): ChatMessage {
    const { parts } = current.parts;
    if (parts !== current.message.parts)
      current.message = toChatMessage({ ...current.message, parts, content: undefined, reasoning: undefined });
    return current.message;
  }

  /** Shows the streaming message as it stands, when it changed since it was last shown. */
  function progress(current: Run): void {
    cancelScheduled?.();
    cancelScheduled = null;
    const shownBefore = current.message;
    if (withLiveParts(current) !== shownBefore) dispatch({ type: 'progress', message: current.message });
  }

  /** Text arrives far faster than frames: one update per frame. */
  function scheduleProgress(current: Run): void {
    if (cancelScheduled) return;
    let ran = false;
    const cancel = (options.scheduleUpdate ?? nextFrame)(() => {
      ran = true;
      cancelScheduled = null;
      if (run === current) progress(current);
    });
    // A scheduler that runs the update at once (batching off) has nothing left to cancel.
    if (!ran) cancelScheduled = cancel;
  }

  function finish(current: Run, status: MessageStatus, error: ChatError | null): void {
    cancelScheduled?.();
    cancelScheduled = null;
    current.parts.close();
    const metrics = current.metrics.finish();
    const message: ChatMessage = { ...withLiveParts(current), status, metrics, ...(error ? { error } : {}) };
    run = null;
    dispatch({ type: 'finish', message, error, metrics });
    // A host callback that throws must not leave the chat half-updated.
    try {
      options.onMetrics?.(metrics, message);
    } catch (error) {
      console.error('[chat-ui] onMetrics threw', error);
    }
  }

  /** Something the user will see arrived: the first of a try also says that the server answered. */
  function shown(current: Run): void {
    if (!state.snapshot.isConnecting && state.snapshot.retryState === null) return scheduleProgress(current);
    progress(current);
    dispatch({ type: 'reached-server' });
  }

  function handle(current: Run, event: ChatStreamEvent): void {
    switch (event.type) {
      case 'delta':
      case 'reasoning':
        current.parts.append(event.type === 'delta' ? 'text' : 'reasoning', event.content);
        current.metrics.text(event.content.length, event.type === 'delta');
        return shown(current);
      case 'insight':
        if (options.enableOptimization !== false) dispatch({ type: 'insight', insight: event.insight });
        return;
      case 'suggestion':
        if (options.enableOptimization !== false) dispatch({ type: 'suggestion', suggestion: event.suggestion });
        return;
      case 'usage':
        current.metrics.usage(event.usage.completionTokens);
        return;
      case 'retry': {
        current.metrics.retry();
        const maxRetries = options.retry?.maxRetries ?? defaultRetryOptions.maxRetries;
        dispatch({
          type: 'retry',
          retryState: {
            attempt: event.attempt,
            maxRetries,
            nextRetryAt: Date.now() + event.delayMs,
            error: event.error,
          },
        });
        return;
      }
      case 'fallback':
        current.metrics.fallback();
        dispatch({ type: 'fallback' });
        return;
      case 'tool-call-delta':
        current.parts.toolCallDelta(event.id, event.name, event.argumentsDelta);
        return shown(current);
      case 'tool-call':
        current.parts.toolCall(event.id, event.name, event.arguments);
        return shown(current);
      case 'source':
        current.parts.source(event.source);
        return shown(current);
      case 'finish':
        return;
    }
  }

  async function start(history: readonly ChatMessage[]): Promise<void> {
    const generateId = options.generateId ?? defaultId;
    const message: ChatMessage = {
      id: generateId(),
      role: 'assistant',
      parts: [],
      content: '',
      status: 'streaming',
      createdAt: Date.now(),
    };
    const current: Run = {
      controller: new AbortController(),
      message,
      parts: new LiveParts(clock),
      metrics: new MetricsRecorder(clock),
    };
    run = current;
    dispatch({ type: 'start', messages: [...history, message], messageId: message.id });

    const { model = 'deepseek-chat', temperature = 0.7, maxTokens = 4096 } = options;
    const request = { messages: toRequestMessages(history), model, temperature, max_tokens: maxTokens };
    try {
      for await (const event of streamChatCompletion(request, {
        ...options,
        signal: current.controller.signal,
        whenOnline: online.whenOnline,
      })) {
        if (run !== current) return;
        handle(current, event);
      }
      if (run === current) finish(current, 'complete', null);
    } catch (caught) {
      if (run !== current) return;
      const error = caught instanceof ChatError ? caught : new ChatError('network', String(caught), { cause: caught });
      if (error.kind === 'aborted') return finish(current, 'stopped', null);
      const cut = error.kind === 'network' || error.kind === 'timeout';
      finish(current, current.parts.parts.length > 0 && cut ? 'interrupted' : 'error', error);
    }
  }

  function stop(): void {
    const current = run;
    if (!current) return;
    current.controller.abort();
    finish(current, 'stopped', null);
  }

  /** The transcript up to (not including) the last assistant message. */
  function historyBeforeLastAnswer(): readonly ChatMessage[] | null {
    const { messages } = state.snapshot;
    const last = messages.at(-1);
    if (!last) return null;
    return last.role === 'assistant' ? messages.slice(0, -1) : messages;
  }

  return {
    getSnapshot: () => state.snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(content) {
      if (content.trim() === '') return false;
      stop();
      const generateId = options.generateId ?? defaultId;
      const user = toChatMessage({
        id: generateId(),
        role: 'user',
        content,
        status: 'complete',
        createdAt: Date.now(),
      });
      void start([...state.snapshot.messages, user]);
      return true;
    },
    stop,
    retry() {
      const last = state.snapshot.messages.at(-1);
      if (run || !last || (last.role === 'assistant' && last.status !== 'error' && last.status !== 'interrupted'))
        return;
      const history = historyBeforeLastAnswer();
      if (history && history.length > 0) void start(history);
    },
    regenerate() {
      stop();
      const history = historyBeforeLastAnswer();
      if (history && history.length > 0) void start(history);
    },
    dismissError() {
      dispatch({ type: 'dismiss-error' });
    },
    clear() {
      const current = run;
      run = null;
      cancelScheduled?.();
      cancelScheduled = null;
      current?.controller.abort();
      dispatch({ type: 'clear' });
    },
    setOptions(next) {
      options = next;
    },
    attach() {
      const detach = online.attach();
      return () => {
        detach();
        stop();
      };
    },
  };
}
