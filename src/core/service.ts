import { ChatError } from './errors.js';
import { nextFrame, type UpdateScheduler } from './frame-scheduler.js';
import { toRequestMessages, type ChatMessage, type MessageStatus } from './messages.js';
import { MetricsRecorder, type AnswerMetrics } from './metrics.js';
import { OnlineTracker } from './online.js';
import { defaultRetryOptions } from './retry.js';
import type { RetryState } from './retry-state.js';
import { streamChatCompletion, type StreamOptions } from './stream.js';
import type { AIInsight, AISuggestion, ChatStreamEvent } from './types.js';

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
  /** Call `onMetrics` after every answer. @default false */
  enableAnalytics?: boolean;
  /** Receives each answer's metrics when `enableAnalytics` is on. */
  onMetrics?: (metrics: AnswerMetrics, message: ChatMessage) => void;
  /** The transcript to start from. @default [] */
  initialMessages?: ChatMessage[];
  /** Makes message ids; fixed ids make stories and snapshots deterministic. @default crypto.randomUUID */
  generateId?: () => string;
  /** How streaming text updates are batched. @default one per animation frame (16 ms without a browser) */
  scheduleUpdate?: UpdateScheduler;
}

/** Everything a chat UI renders. A new object on every change; unchanged parts keep their identity. */
export interface ChatSnapshot {
  messages: readonly ChatMessage[];
  /** The browser is online and the last request reached the server. */
  isConnected: boolean;
  /** A request or retry is under way and no byte of the answer has arrived yet. */
  isConnecting: boolean;
  /** An answer is in flight (from send to its end). */
  isStreaming: boolean;
  /** The id of the assistant message being streamed, if any. */
  streamingMessageId: string | null;
  /** The streaming answer's text so far (updated at most once per frame). */
  streamingContent: string;
  /** The streaming answer's reasoning so far. */
  streamingReasoning: string;
  /** The last failure; `null` after success, `dismissError` or a stop. */
  error: ChatError | null;
  /** The automatic retry under way, if any. */
  retryState: RetryState | null;
  insights: readonly AIInsight[];
  suggestions: readonly AISuggestion[];
  /** Metrics of the last finished answer. */
  metrics: AnswerMetrics | null;
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
  messageId: string;
  content: string;
  reasoning: string;
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
  const online = new OnlineTracker(() => commit({ isConnected: online.online && reachedServer }));
  let snapshot: ChatSnapshot = {
    messages: options.initialMessages ?? [],
    isConnected: online.online,
    isConnecting: false,
    isStreaming: false,
    streamingMessageId: null,
    streamingContent: '',
    streamingReasoning: '',
    error: null,
    retryState: null,
    insights: [],
    suggestions: [],
    metrics: null,
  };
  const listeners = new Set<() => void>();
  let run: Run | null = null;
  let reachedServer = true;
  let cancelScheduled: (() => void) | null = null;

  function commit(patch: Partial<ChatSnapshot>): void {
    cancelScheduled?.();
    cancelScheduled = null;
    const live = run ? { streamingContent: run.content, streamingReasoning: run.reasoning } : {};
    snapshot = { ...snapshot, ...live, ...patch };
    for (const listener of [...listeners]) listener();
  }

  /** Text arrives far faster than frames: batch it into one snapshot per frame. */
  function scheduleText(): void {
    if (cancelScheduled) return;
    cancelScheduled = (options.scheduleUpdate ?? nextFrame)(() => {
      cancelScheduled = null;
      commit({});
    });
  }

  function replaceMessage(id: string, next: ChatMessage): readonly ChatMessage[] {
    const messages = snapshot.messages.slice();
    const index = messages.findLastIndex((m) => m.id === id);
    if (index >= 0) messages[index] = next;
    return messages;
  }

  function finish(current: Run, status: MessageStatus, error: ChatError | null): void {
    const metrics = current.metrics.finish();
    const placeholder = snapshot.messages.find((m) => m.id === current.messageId);
    const message: ChatMessage = {
      id: current.messageId,
      role: 'assistant',
      content: current.content,
      status,
      createdAt: placeholder?.createdAt ?? Date.now(),
      metrics,
      ...(current.reasoning ? { reasoning: current.reasoning } : {}),
      ...(error ? { error } : {}),
    };
    run = null;
    commit({
      messages: replaceMessage(current.messageId, message),
      isStreaming: false,
      isConnecting: false,
      isConnected: online.online && reachedServer,
      streamingMessageId: null,
      streamingContent: '',
      streamingReasoning: '',
      retryState: null,
      error,
      metrics,
    });
    if (options.enableAnalytics) {
      // A host callback that throws must not leave the chat half-updated.
      try {
        options.onMetrics?.(metrics, message);
      } catch (error) {
        console.error('[chat-ui] onMetrics threw', error);
      }
    }
  }

  function handle(current: Run, event: ChatStreamEvent): void {
    switch (event.type) {
      case 'delta':
      case 'reasoning': {
        const first = snapshot.isConnecting;
        if (event.type === 'delta') current.content += event.content;
        else current.reasoning += event.content;
        current.metrics.text(event.content.length, event.type === 'delta');
        reachedServer = true;
        if (first || snapshot.retryState) commit({ isConnecting: false, retryState: null, isConnected: online.online });
        else scheduleText();
        return;
      }
      case 'insight':
      case 'suggestion': {
        if (options.enableOptimization === false) return;
        if (event.type === 'insight') {
          commit({ insights: [...snapshot.insights.filter((i) => i.id !== event.insight.id), event.insight] });
        } else {
          const { suggestion } = event;
          commit({ suggestions: [...snapshot.suggestions.filter((s) => s.id !== suggestion.id), suggestion] });
        }
        return;
      }
      case 'usage':
        current.metrics.usage(event.usage.completionTokens);
        return;
      case 'retry': {
        current.metrics.retry();
        reachedServer = event.error.kind !== 'network' && event.error.kind !== 'timeout';
        const maxRetries = options.retry?.maxRetries ?? defaultRetryOptions.maxRetries;
        commit({
          isConnecting: true,
          isConnected: online.online && reachedServer,
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
        commit({ retryState: null });
        return;
      case 'finish':
        return;
    }
  }

  async function start(history: readonly ChatMessage[]): Promise<void> {
    const generateId = options.generateId ?? defaultId;
    const messageId = generateId();
    const current: Run = {
      controller: new AbortController(),
      messageId,
      content: '',
      reasoning: '',
      metrics: new MetricsRecorder(clock),
    };
    const placeholder: ChatMessage = {
      id: messageId,
      role: 'assistant',
      content: '',
      status: 'streaming',
      createdAt: Date.now(),
    };
    run = current;
    commit({
      messages: [...history, placeholder],
      isStreaming: true,
      isConnecting: true,
      streamingMessageId: messageId,
      error: null,
      retryState: null,
    });

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
      if (error.kind === 'network' || error.kind === 'timeout') reachedServer = false;
      const partial = current.content !== '' || current.reasoning !== '';
      const cut = error.kind === 'network' || error.kind === 'timeout';
      finish(current, partial && cut ? 'interrupted' : 'error', error);
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
    const { messages } = snapshot;
    const last = messages.at(-1);
    if (!last) return null;
    return last.role === 'assistant' ? messages.slice(0, -1) : messages;
  }

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(content) {
      if (content.trim() === '') return false;
      stop();
      const generateId = options.generateId ?? defaultId;
      const user: ChatMessage = { id: generateId(), role: 'user', content, status: 'complete', createdAt: Date.now() };
      void start([...snapshot.messages, user]);
      return true;
    },
    stop,
    retry() {
      const last = snapshot.messages.at(-1);
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
      if (snapshot.error) commit({ error: null });
    },
    clear() {
      const current = run;
      run = null;
      current?.controller.abort();
      commit({
        messages: [],
        insights: [],
        suggestions: [],
        error: null,
        retryState: null,
        metrics: null,
        isStreaming: false,
        isConnecting: false,
        streamingMessageId: null,
        streamingContent: '',
        streamingReasoning: '',
      });
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
