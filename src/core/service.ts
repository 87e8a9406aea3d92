import { AnswerRun, type RunHost, type RunStart } from './answer-run.js';
import { checkFiles, defaultFileRules, readFiles, type FileRules } from './attachments.js';
import { ChatStore } from './chat-store.js';
import { ChatError } from './errors.js';
import { MessageTree } from './message-tree.js';
import { toChatMessage, withParts, type ChatMessage, type ChatMessageInput, type FilePart } from './messages.js';
import { OnlineTracker } from './online.js';
import { buildRequest, CONTINUE_PROMPT } from './request.js';
import { defaultRetryOptions } from './retry.js';
import type { ChatService, ChatServiceOptions } from './service-api.js';
import {
  answerCall,
  awaitsResults,
  resumableAfter,
  runSteps,
  waitingCalls,
  type Resumable,
  type RunEnd,
  type StepsContext,
} from './tool-loop.js';
import { emptyAnswer, userTurn, type TurnMaker } from './turns.js';

export type { ChatSnapshot } from './chat-reducer.js';
export type { ChatService, ChatServiceOptions, SendInput } from './service-api.js';

/** Calls a host's callback: one that throws must not leave the chat half-updated. */
function callHost<Args extends unknown[]>(
  name: string,
  callback: ((...args: Args) => void) | undefined,
  ...args: Args
) {
  try {
    callback?.(...args);
  } catch (error) {
    console.error(`[chat-ui] ${name} threw`, error);
  }
}

/** A message the host gave back; one saved while it streamed (the page closed mid-answer) is kept as cut off. */
function restored(input: ChatMessageInput): ChatMessage {
  const message = toChatMessage(input);
  return message.status === 'streaming' ? { ...message, status: 'interrupted' } : message;
}

/**
 * The answer a restored chat reads again from the relay when it attaches: the last of the shown path, saved while it
 * streamed, with the relay's stream id. One with tool calls is left cut off: its earlier steps' requests are not the
 * relay's to replay.
 */
function replayable(inputs: readonly ChatMessageInput[], path: readonly ChatMessage[]): ChatMessage | null {
  const last = path.at(-1);
  const saved = inputs.find((input) => input.id === last?.id);
  if (!last?.streamId || saved?.status !== 'streaming') return null;
  return last.parts.some((part) => part.type === 'tool-call') ? null : last;
}

/** How a run goes on from a message it streams into. */
interface StreamFrom extends RunStart {
  /** The message's calls have their results: the run starts with the next step. */
  afterTools?: boolean;
}

/**
 * Creates the chat service that `useSSEChat` binds to React; usable on its own in any JavaScript runtime. It holds
 * the message tree and the store, and wires the actions to answer runs (`answer-run.ts`) and their tool loop
 * (`tool-loop.ts`).
 */
export function createChatService(initialOptions: ChatServiceOptions = {}): ChatService {
  let options = initialOptions;
  const now = () => (options.now ?? Date.now)();
  const maker = (): TurnMaker => ({ generateId: options.generateId, now });
  const online = new OnlineTracker(() => store.dispatch({ type: 'online', online: online.online }));
  let tree = new MessageTree((options.initialMessages ?? []).map(restored), options.initialHeadId);
  const store = new ChatStore(tree.path(), online.online);
  let run: AnswerRun | null = null;
  let resumable: Resumable | null = null;
  let replay = replayable(options.initialMessages ?? [], tree.path());

  const host: RunHost = {
    dispatch: (action) => store.dispatch(action),
    save(message) {
      tree.replace(message);
      reportTree();
    },
    awaitsFirstByte: () => store.getSnapshot().isConnecting || store.getSnapshot().retryState !== null,
    settings: () => ({
      scheduleUpdate: options.scheduleUpdate,
      enableOptimization: options.enableOptimization,
      maxRetries: options.retry?.maxRetries ?? defaultRetryOptions.maxRetries,
    }),
    now,
  };
  const steps: StepsContext = {
    request: (current, first) =>
      current.stream(
        buildRequest(
          [...current.history, current.message],
          options,
          first && current.continues ? [{ role: 'user', content: CONTINUE_PROMPT }] : [],
        ),
        { ...options, whenOnline: online.whenOnline, resumeStream: first ? current.replayOf : undefined },
      ),
    tools: () => options.tools ?? {},
    maxSteps: () => options.maxSteps,
  };

  /** Hands the host the whole tree to save: at each change of structure, never per token. */
  function reportTree(): void {
    callHost('onMessagesChange', options.onMessagesChange, tree.all(), tree.headId());
  }

  /** A finished message changed (a rating, a tool result, a call closed): in the tree and, if shown, on screen. */
  function update(message: ChatMessage): void {
    tree.replace(message);
    store.dispatch({ type: 'update', message });
    reportTree();
  }

  /** Streams into `message`, the last of the shown path: a new answer, or one that goes on. */
  function streamInto(history: readonly ChatMessage[], message: ChatMessage, from: StreamFrom = {}): void {
    const current = new AnswerRun(history, message, host, from);
    run = current;
    resumable = null;
    tree.replace(current.message);
    store.dispatch({ type: 'start', messages: [...history, current.message], messageId: message.id });
    reportTree();
    void runSteps(current, steps, from.afterTools ?? false).then((end) => end && finish(current, end));
  }

  /** A new answer under `parentId`, shown in place of its siblings. */
  function answerUnder(parentId: string | null): void {
    tree.add(emptyAnswer(maker(), parentId));
    const path = tree.path();
    streamInto(path.slice(0, -1), path.at(-1)!);
  }

  function finish(current: AnswerRun, { status, error }: RunEnd): void {
    const message = current.end(status, error);
    run = null;
    resumable = resumableAfter(current, message);
    tree.replace(message);
    store.dispatch({ type: 'finish', message });
    reportTree();
    callHost('onMetrics', options.onMetrics, message.metrics, message);
  }

  function stop(): void {
    const current = run;
    if (!current) return;
    current.controller.abort();
    finish(current, { status: 'stopped', error: null });
  }

  /** Calls left waiting for the UI will get no result now; the model is told so with the next request. */
  function closeWaitingCalls(): void {
    const last = store.getSnapshot().messages.at(-1);
    const parts = waitingCalls(last, now);
    if (!last || !parts) return;
    parts.close(false);
    update(withParts(last, parts.parts));
  }

  function fileRules(): FileRules {
    const { accept, maxFiles = defaultFileRules.maxFiles, maxFileSize = defaultFileRules.maxFileSize } = options;
    return { accept, maxFiles, maxFileSize };
  }

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    send(input) {
      const { text, files = [] } = typeof input === 'string' ? { text: input } : input;
      if (text.trim() === '' && files.length === 0) return false;
      if (checkFiles(files, fileRules()).rejected.length > 0) return false;
      stop();
      closeWaitingCalls();
      const post = (parts: readonly FilePart[]) => {
        const user = userTurn(maker(), tree.headId(), text, parts);
        tree.add(user);
        answerUnder(user.id);
      };
      // Parts read already go at once, so the message shows in the same tick.
      if (files.every((file) => !(file instanceof Blob))) post(files as readonly FilePart[]);
      else
        void readFiles(files).then((read) => {
          if ('parts' in read) return post(read.parts);
          const message = `"${read.unreadable.name}" could not be read, so nothing was sent.`;
          store.dispatch({ type: 'error', error: new ChatError('client', message, { cause: read.cause }) });
        });
      return true;
    },
    fileRules,
    stop,
    retry() {
      const messages = store.getSnapshot().messages;
      const last = messages.at(-1);
      if (run || !last || (last.role === 'assistant' && last.status !== 'error' && last.status !== 'interrupted'))
        return;
      if (last.role !== 'assistant') return answerUnder(last.id);
      if (last.parentId == null) return;
      if (resumable?.messageId === last.id)
        return streamInto(messages.slice(0, -1), last, { parts: resumable.parts, continues: resumable.continues });
      tree.remove(last.id);
      answerUnder(last.parentId);
    },
    continueAnswer() {
      const messages = store.getSnapshot().messages;
      const last = messages.at(-1);
      if (run || last?.role !== 'assistant' || (last.status !== 'complete' && last.status !== 'stopped')) return false;
      if (waitingCalls(last, now)) return false;
      streamInto(messages.slice(0, -1), last, { continues: true });
      return true;
    },
    regenerate(messageId) {
      stop();
      const target =
        messageId === undefined
          ? store.getSnapshot().messages.findLast((m) => m.role === 'assistant')
          : tree.get(messageId);
      if (!target) return;
      if (target.role !== 'assistant') return answerUnder(target.id);
      // An answer to nothing (a greeting the host put first) has nothing to answer again.
      if (target.parentId != null) answerUnder(target.parentId);
    },
    edit(messageId, text) {
      const target = tree.get(messageId);
      if (text.trim() === '' || target?.role !== 'user') return false;
      stop();
      const files = target.parts.filter((part) => part.type === 'file');
      const user = userTurn(maker(), target.parentId ?? null, text, files);
      tree.add(user);
      answerUnder(user.id);
      return true;
    },
    switchBranch(messageId, index) {
      stop();
      if (!tree.choose(messageId, index)) return;
      store.dispatch({ type: 'path', messages: tree.path() });
      reportTree();
    },
    rate(messageId, feedback) {
      const message = tree.get(messageId);
      if (!message || (message.feedback ?? null) === feedback) return;
      const { feedback: _, ...rest } = message;
      const rated: ChatMessage = feedback === null ? rest : { ...rest, feedback };
      update(rated);
      callHost('onFeedback', options.onFeedback, rated, feedback);
    },
    addToolResult(toolCallId, result) {
      if (run) {
        // Some calls of the step still run: the loop goes on once they settle.
        if (!answerCall(run.parts, toolCallId, result)) return false;
        run.show();
        return true;
      }
      const messages = store.getSnapshot().messages;
      const waiting = messages.at(-1);
      const parts = waitingCalls(waiting, now);
      if (!waiting || !parts || !answerCall(parts, toolCallId, result)) return false;
      if (awaitsResults(parts)) update(withParts(waiting, parts.parts));
      else streamInto(messages.slice(0, -1), waiting, { parts: parts.parts, afterTools: true });
      return true;
    },
    dismissError() {
      store.dispatch({ type: 'dismiss-error' });
    },
    clear() {
      run?.cancel();
      run = null;
      resumable = null;
      tree = new MessageTree();
      store.dispatch({ type: 'clear' });
      reportTree();
    },
    setOptions(next) {
      options = next;
    },
    attach() {
      const detach = online.attach();
      let attached = true;
      // Mounted: an answer the page was reloaded in the middle of is read again from the relay, and finished. A tick
      // later: StrictMode detaches and attaches again at once, and a detach stops the run.
      queueMicrotask(() => {
        const shown = store.getSnapshot().messages;
        if (!attached || !replay || run || shown.at(-1)?.id !== replay.id) return;
        const message = replay;
        replay = null;
        streamInto(shown.slice(0, -1), message, { replays: true });
      });
      return () => {
        attached = false;
        detach();
        stop();
      };
    },
  };
}
