import { chatReducer, initialChatState, type ChatAction, type ChatSnapshot } from './chat-reducer.js';
import { ChatError } from './errors.js';
import { nextFrame, type UpdateScheduler } from './frame-scheduler.js';
import { checkFiles, defaultFileRules, toFilePart, type FileRules } from './attachments.js';
import { LiveParts } from './live-parts.js';
import { MessageTree } from './message-tree.js';
import {
  toChatMessage,
  toRequestMessages,
  type ChatMessage,
  type ChatMessageInput,
  type FilePart,
  type MessageFeedback,
  type MessagePart,
  type MessageStatus,
  type ToolCallPart,
} from './messages.js';
import { MetricsRecorder, type AnswerMetrics } from './metrics.js';
import { OnlineTracker } from './online.js';
import { defaultRetryOptions } from './retry.js';
import { streamChatCompletion, type StreamOptions } from './stream.js';
import { executeToolCall, toolDefinitions, withError, withResult, type ChatTools } from './tools.js';
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
  /**
   * The messages to start from: a plain transcript, or the whole tree `onMessagesChange` gave (every branch, each
   * message with its `parentId`). Messages may give `content` alone, without `parts`; one saved while it streamed
   * comes back `interrupted`. @default []
   */
  initialMessages?: readonly ChatMessageInput[];
  /** The message the shown path of `initialMessages` ends at (`onMessagesChange`'s `headId`). @default the last */
  initialHeadId?: string | null;
  /**
   * Receives every message of the chat — all branches, each with its `parentId` — and the id of the last message of
   * the shown path whenever they change (a message sent, an answer started or ended, a branch chosen, a rating), never
   * per token. Save both; give them back as `initialMessages` and `initialHeadId`.
   */
  onMessagesChange?: (messages: readonly ChatMessage[], headId: string | null) => void;
  /** The types of file a message may carry (as `<input accept>`). @default any */
  accept?: string;
  /** Files per message. @default 4 */
  maxFiles?: number;
  /** Bytes per file. @default 10 MiB */
  maxFileSize?: number;
  /** Called when the user rates an answer (`rate`); `null` takes a rating back. */
  onFeedback?: (message: ChatMessage, feedback: MessageFeedback | null) => void;
  /** Makes message ids; fixed ids make stories and snapshots deterministic. @default crypto.randomUUID */
  generateId?: () => string;
  /** How streaming text updates are batched. @default one per animation frame (16 ms without a browser) */
  scheduleUpdate?: UpdateScheduler;
  /**
   * The tools the model may call, by name. Calls of tools with `execute` run in parallel and their results go back to
   * the model by themselves; calls of tools without wait for `addToolResult`. @default none
   */
  tools?: ChatTools;
  /**
   * How many requests one answer may make while the model keeps calling tools; the answer then ends with a
   * `max_steps` error (the last calls' results are kept, and a new message lets the model go on). @default 5
   */
  maxSteps?: number;
}

/** A message to send: its text and the files it carries. */
export interface SendInput {
  text: string;
  /** `File`s (read into data URLs when sent) or parts read already (`toFilePart`). @default [] */
  files?: readonly (File | FilePart)[];
}

/** The framework-free chat: state, actions and a subscription, as `useSyncExternalStore` wants them. */
export interface ChatService {
  getSnapshot(): ChatSnapshot;
  subscribe(listener: () => void): () => void;
  /**
   * Sends a user message (text, or text and files) and streams the answer. While another answer streams, that one is
   * stopped first (kept as `stopped`), so a send is never lost. Returns `false`, sending nothing, for a blank message
   * or when a file breaks the `accept`, `maxFiles` or `maxFileSize` rules (`checkFiles` with `fileRules()` says which).
   * `File`s are read first (the message shows once they are); `FilePart`s go as they are.
   */
  send(message: string | SendInput): boolean;
  /** The rules files must meet, from the options. */
  fileRules(): FileRules;
  /** Stops the streaming answer; its text so far is kept with status `stopped`. */
  stop(): void;
  /** Asks again after a failed or interrupted answer, replacing it. */
  retry(): void;
  /**
   * Answers again: a new answer beside the given one (default: the last answer), shown in its place; the old one
   * stays, a branch away (`switchBranch`). Given a user message, a new answer to it.
   */
  regenerate(messageId?: string): void;
  /**
   * Edits a user message: the new text becomes a sibling of that message (the original stays, a branch away), keeps
   * its attachments, and is answered. Returns `false` for blank text or when the message is not the user's.
   */
  edit(messageId: string, text: string): boolean;
  /** Shows the sibling at `index` (0-based) of a message, and below it the branch last shown there. */
  switchBranch(messageId: string, index: number): void;
  /** Rates an answer (`null` takes the rating back); kept as `message.feedback` and reported to `onFeedback`. */
  rate(messageId: string, feedback: MessageFeedback | null): void;
  /**
   * Answers a tool call that waits in `awaiting-result` (a tool without `execute`: an approval, a form). Once every
   * call of the answer's step has its result, the answer goes on by itself. Returns `false` when no call waits
   * under that id.
   */
  addToolResult(toolCallId: string, result: unknown): boolean;
  dismissError(): void;
  /** Stops any answer and empties the transcript, insights and suggestions. */
  clear(): void;
  /** Replaces the options; the next request uses them. */
  setOptions(options: ChatServiceOptions): void;
  /** Follows the browser's online state until the returned function is called, which also stops any answer. */
  attach(): () => void;
}

interface Run {
  /** Aborts the request and the running tools. */
  controller: AbortController;
  /** The messages before the answer. */
  history: readonly ChatMessage[];
  /** The streaming message as last shown. */
  message: ChatMessage;
  parts: LiveParts;
  metrics: MetricsRecorder;
  /** The parts as they stood when the step's request went out: where a retry goes on from. */
  stepStart: readonly MessagePart[];
}

/** Where a failed answer that had finished tool steps goes on from, so that a retry runs no tool twice. */
interface Resumable {
  messageId: string;
  parts: readonly MessagePart[];
  step: number;
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
  let tree = new MessageTree(
    (options.initialMessages ?? []).map((input) => {
      const message = toChatMessage(input);
      // Saved while it streamed (the page closed mid-answer): what came is kept, as cut off.
      return message.status === 'streaming' ? { ...message, status: 'interrupted' as const } : message;
    }),
    options.initialHeadId,
  );
  let state = initialChatState(tree.path(), online.online);
  const listeners = new Set<() => void>();
  let run: Run | null = null;
  let resumable: Resumable | null = null;
  let cancelScheduled: (() => void) | null = null;

  /** The one way the state changes; listeners hear of it only when the snapshot did change. */
  function dispatch(action: ChatAction): void {
    const previous = state.snapshot;
    state = chatReducer(state, action);
    if (state.snapshot === previous) return;
    for (const listener of [...listeners]) listener();
  }

  /** Tells the host the tree changed, so that it can save it. */
  function saved(): void {
    try {
      options.onMessagesChange?.(tree.all(), tree.headId());
    } catch (error) {
      console.error('[chat-ui] onMessagesChange threw', error);
    }
  }

  /** A finished message changed (a rating, a tool result, a call closed): in the tree and, if shown, on screen. */
  function update(message: ChatMessage): void {
    tree.replace(message);
    dispatch({ type: 'update', message });
    saved();
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
    // A complete answer may pause with calls waiting for the UI; any other end leaves them without a result.
    current.parts.close(status === 'complete');
    const metrics = current.metrics.finish();
    const message: ChatMessage = { ...withLiveParts(current), status, metrics, ...(error ? { error } : {}) };
    run = null;
    resumable =
      (status === 'error' || status === 'interrupted') && current.parts.step > 0
        ? { messageId: message.id, parts: current.stepStart, step: current.parts.step }
        : null;
    tree.replace(message);
    dispatch({ type: 'finish', message, error, metrics });
    saved();
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

  /** Starts streaming into `message` (a new answer, or one that goes on with the parts it has). */
  function begin(history: readonly ChatMessage[], message: ChatMessage, parts: LiveParts): Run {
    const current: Run = {
      controller: new AbortController(),
      history,
      message,
      parts,
      metrics: new MetricsRecorder(clock),
      stepStart: parts.parts,
    };
    run = current;
    resumable = null;
    tree.replace(message);
    dispatch({ type: 'start', messages: [...history, message], messageId: message.id });
    saved();
    return current;
  }

  /** A new, empty answer under `parentId` (it becomes the shown one among its siblings). */
  function start(parentId: string | null): void {
    tree.add({
      id: (options.generateId ?? defaultId)(),
      parentId,
      role: 'assistant',
      parts: [],
      content: '',
      status: 'streaming',
      createdAt: Date.now(),
    });
    const path = tree.path();
    void answer(begin(path.slice(0, -1), path.at(-1) as ChatMessage, new LiveParts(clock)), false);
  }

  /** An answer that already has parts goes on streaming into the same message. */
  function goOn(history: readonly ChatMessage[], message: ChatMessage, parts: LiveParts, afterTools: boolean): void {
    const live = toChatMessage({ ...message, parts: parts.parts, content: undefined, reasoning: undefined });
    void answer(begin(history, { ...live, status: 'streaming' }, parts), afterTools);
  }

  /** Streams one request of the answer. */
  async function request(current: Run): Promise<void> {
    const { model = 'deepseek-chat', temperature = 0.7, maxTokens = 4096, tools } = options;
    const definitions = toolDefinitions(tools);
    const request = {
      messages: toRequestMessages([...current.history, withLiveParts(current)]),
      model,
      temperature,
      max_tokens: maxTokens,
      ...(definitions && { tools: definitions }),
    };
    for await (const event of streamChatCompletion(request, {
      ...options,
      signal: current.controller.signal,
      whenOnline: online.whenOnline,
    })) {
      if (run !== current) return;
      handle(current, event);
    }
  }

  /**
   * Settles the calls the last request made: unknown tools become errors, tools with `execute` run in parallel.
   * Says whether the answer goes on (every call has its outcome) or waits for the UI.
   */
  async function runTools(current: Run): Promise<'none' | 'go-on' | 'wait'> {
    const calls = current.parts.stepCalls();
    if (calls.length === 0) return 'none';
    const tools = options.tools ?? {};
    const running: Promise<void>[] = [];
    for (const call of calls) {
      if (call.state !== 'awaiting-result') continue;
      // Own properties only: a model that calls "constructor" must not reach Object.prototype.
      const tool = Object.hasOwn(tools, call.toolName) ? tools[call.toolName] : undefined;
      if (!tool) {
        current.parts.updateToolCall(withError(call, `There is no tool named "${call.toolName}".`));
      } else if (tool.execute) {
        const started: ToolCallPart = { ...call, state: 'running' };
        current.parts.updateToolCall(started);
        const execute = tool.execute;
        running.push(
          executeToolCall(started, { ...tool, execute }, current.controller.signal).then((settled) => {
            if (run !== current) return;
            current.parts.updateToolCall(settled);
            progress(current);
          }),
        );
      }
    }
    progress(current);
    await Promise.all(running);
    return current.parts.stepCalls().some((call) => call.state === 'awaiting-result') ? 'wait' : 'go-on';
  }

  /**
   * The answer's loop: a request, then its tool calls, then the next request with their results, until an answer
   * makes no call, a call waits for the UI, or `maxSteps` requests were made.
   */
  async function answer(current: Run, afterTools: boolean): Promise<void> {
    try {
      for (;;) {
        if (afterTools) {
          const maxSteps = Math.max(1, options.maxSteps ?? 5);
          if (current.parts.step + 1 >= maxSteps) {
            const error = new ChatError(
              'max_steps',
              `The model was still calling tools after ${maxSteps} requests, so the answer stopped there. Send a message to let it go on.`,
            );
            return finish(current, 'error', error);
          }
          current.parts.step += 1;
          current.stepStart = current.parts.parts;
          dispatch({ type: 'next-request' });
        }
        await request(current);
        if (run !== current) return;
        const next = await runTools(current);
        if (run !== current) return;
        if (next !== 'go-on') return finish(current, 'complete', null);
        afterTools = true;
      }
    } catch (caught) {
      if (run !== current) return;
      const error = caught instanceof ChatError ? caught : new ChatError('network', String(caught), { cause: caught });
      if (error.kind === 'aborted') return finish(current, 'stopped', null);
      const cut = error.kind === 'network' || error.kind === 'timeout';
      finish(current, current.parts.parts.length > 0 && cut ? 'interrupted' : 'error', error);
    }
  }

  /** The last message, when it is an answer that waits for tool results; its live parts at its last step. */
  function waitingAnswer(): { message: ChatMessage; parts: LiveParts } | null {
    const message = state.snapshot.messages.at(-1);
    if (run || message?.role !== 'assistant') return null;
    let step = 0;
    for (const part of message.parts) if (part.type === 'tool-call') step = Math.max(step, part.step ?? 0);
    const parts = new LiveParts(clock, message.parts, step);
    return parts.stepCalls().some((call) => call.state === 'awaiting-result') ? { message, parts } : null;
  }

  function stop(): void {
    const current = run;
    if (!current) return;
    current.controller.abort();
    finish(current, 'stopped', null);
  }

  function fileRules(): FileRules {
    const { accept, maxFiles = defaultFileRules.maxFiles, maxFileSize = defaultFileRules.maxFileSize } = options;
    return { accept, maxFiles, maxFileSize };
  }

  /** The shown path, on screen: after a change of structure while nothing streams. */
  function showPath(): void {
    dispatch({ type: 'path', messages: tree.path() });
    saved();
  }

  return {
    getSnapshot: () => state.snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(message) {
      const { text, files = [] } = typeof message === 'string' ? { text: message } : message;
      if (text.trim() === '' && files.length === 0) return false;
      if (checkFiles(files, fileRules()).rejected.length > 0) return false;
      stop();
      // Calls left waiting will get no answer now; the model is told so with the next request.
      const waiting = waitingAnswer();
      if (waiting) {
        waiting.parts.close(false);
        update({ ...waiting.message, parts: waiting.parts.parts });
      }
      const post = (parts: readonly FilePart[]) => {
        const user = toChatMessage({
          id: (options.generateId ?? defaultId)(),
          parentId: tree.headId(),
          role: 'user',
          parts: [...parts, ...(text === '' ? [] : [{ type: 'text' as const, text }])],
          status: 'complete',
          createdAt: Date.now(),
        });
        tree.add(user);
        start(user.id);
      };
      if (files.every((file) => !(file instanceof Blob))) post(files as readonly FilePart[]);
      else
        Promise.all(files.map((file) => (file instanceof Blob ? toFilePart(file) : file))).then(post, (cause) =>
          dispatch({
            type: 'error',
            error: new ChatError('client', `A file could not be read, so nothing was sent: ${String(cause)}`, {
              cause,
            }),
          }),
        );
      return true;
    },
    fileRules,
    stop,
    retry() {
      const last = state.snapshot.messages.at(-1);
      if (run || !last || (last.role === 'assistant' && last.status !== 'error' && last.status !== 'interrupted'))
        return;
      if (last.role !== 'assistant') return start(last.id);
      if (last.parentId == null) return;
      // An answer that failed after tool steps goes on from its last step: its tools ran already.
      if (resumable && resumable.messageId === last.id)
        return goOn(
          state.snapshot.messages.slice(0, -1),
          last,
          new LiveParts(clock, resumable.parts, resumable.step),
          false,
        );
      tree.remove(last.id);
      start(last.parentId);
    },
    regenerate(messageId) {
      stop();
      const target =
        messageId === undefined ? state.snapshot.messages.findLast((m) => m.role === 'assistant') : tree.get(messageId);
      if (!target) return;
      if (target.role !== 'assistant') return start(target.id);
      // An answer to nothing (a greeting the host put first) has nothing to answer again.
      if (target.parentId != null) start(target.parentId);
    },
    edit(messageId, text) {
      const target = tree.get(messageId);
      if (text.trim() === '' || target?.role !== 'user') return false;
      stop();
      const user = toChatMessage({
        id: (options.generateId ?? defaultId)(),
        parentId: target.parentId ?? null,
        role: 'user',
        parts: [...target.parts.filter((part) => part.type === 'file'), { type: 'text', text }],
        status: 'complete',
        createdAt: Date.now(),
      });
      tree.add(user);
      start(user.id);
      return true;
    },
    switchBranch(messageId, index) {
      stop();
      if (tree.choose(messageId, index)) showPath();
    },
    rate(messageId, feedback) {
      const message = tree.get(messageId);
      if (!message || (message.feedback ?? null) === feedback) return;
      const { feedback: _, ...rest } = message;
      const rated: ChatMessage = feedback === null ? rest : { ...rest, feedback };
      update(rated);
      try {
        options.onFeedback?.(rated, feedback);
      } catch (error) {
        console.error('[chat-ui] onFeedback threw', error);
      }
    },
    addToolResult(toolCallId, result) {
      const current = run;
      if (current) {
        // Some calls of the step still run: the loop goes on once they settle.
        const call = current.parts.stepCalls().find((c) => c.toolCallId === toolCallId);
        if (call?.state !== 'awaiting-result') return false;
        current.parts.updateToolCall(withResult(call, result));
        progress(current);
        return true;
      }
      const waiting = waitingAnswer();
      const call = waiting?.parts.stepCalls().find((c) => c.toolCallId === toolCallId);
      if (!waiting || call?.state !== 'awaiting-result') return false;
      waiting.parts.updateToolCall(withResult(call, result));
      if (waiting.parts.stepCalls().some((c) => c.state === 'awaiting-result'))
        update({ ...waiting.message, parts: waiting.parts.parts });
      else goOn(state.snapshot.messages.slice(0, -1), waiting.message, waiting.parts, true);
      return true;
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
      tree = new MessageTree();
      dispatch({ type: 'clear' });
      saved();
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
