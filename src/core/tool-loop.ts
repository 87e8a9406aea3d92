import type { AnswerRun } from './answer-run.js';
import { ChatError, isCutOff } from './errors.js';
import { LiveParts } from './live-parts.js';
import type { ChatMessage, MessagePart, MessageStatus, ToolCallPart } from './messages.js';
import { executeToolCall, lastStep, withError, withResult, type ChatTools } from './tools.js';

/** What the loop needs from the chat. */
export interface StepsContext {
  /** Streams one request of the run; `first` for its first. */
  request(run: AnswerRun, first: boolean): Promise<void>;
  tools(): ChatTools;
  /** @default 5 */
  maxSteps(): number | undefined;
}

/** How an answer's run ended. */
export interface RunEnd {
  status: MessageStatus;
  error: ChatError | null;
}

/**
 * Where a failed answer goes on from, so that a retry repeats nothing: its parts when its last request went out
 * (the tool steps before it ran already), and whether that request continued a cut answer.
 */
export interface Resumable {
  messageId: string;
  parts: readonly MessagePart[];
  continues: boolean;
}

/**
 * The answer's loop: a request, then its tool calls, then the next request with their results, until an answer
 * makes no call, a call waits for the UI, or `maxSteps` requests were made. `afterTools`: the run starts with the
 * results of the calls its message made. Returns how the answer ended, or `null` when it was ended elsewhere
 * (stopped, cleared, replaced).
 */
export async function runSteps(run: AnswerRun, context: StepsContext, afterTools: boolean): Promise<RunEnd | null> {
  try {
    for (let first = true; ; first = false) {
      const step = run.nextRequest();
      const maxSteps = Math.max(1, context.maxSteps() ?? 5);
      if ((afterTools || !first) && step >= maxSteps) {
        const error = new ChatError(
          'max_steps',
          `The model was still calling tools after ${maxSteps} requests, so the answer stopped there. Send a message to let it go on.`,
        );
        return { status: 'error', error };
      }
      await context.request(run, first);
      if (run.isOver) return null;
      const next = await settleCalls(run, context.tools());
      if (run.isOver) return null;
      if (next !== 'go-on') return { status: 'complete', error: null };
    }
  } catch (caught) {
    if (run.isOver) return null;
    const error = caught instanceof ChatError ? caught : new ChatError('network', String(caught), { cause: caught });
    if (error.kind === 'aborted') return { status: 'stopped', error: null };
    return { status: run.message.parts.length > 0 && isCutOff(error) ? 'interrupted' : 'error', error };
  }
}

/**
 * Settles the calls the last request made: unknown tools become errors, tools with `execute` run in parallel.
 * Says whether the answer goes on (every call has its outcome) or waits for the UI.
 */
async function settleCalls(run: AnswerRun, tools: ChatTools): Promise<'none' | 'go-on' | 'wait'> {
  const calls = run.parts.stepCalls();
  if (calls.length === 0) return 'none';
  const running: Promise<void>[] = [];
  for (const call of calls) {
    if (call.state !== 'awaiting-result') continue;
    // Own properties only: a model that calls "constructor" must not reach Object.prototype.
    const tool = Object.hasOwn(tools, call.toolName) ? tools[call.toolName] : undefined;
    if (!tool) {
      run.parts.updateToolCall(withError(call, `There is no tool named "${call.toolName}".`));
    } else if (tool.execute) {
      const started: ToolCallPart = { ...call, state: 'running' };
      run.parts.updateToolCall(started);
      const execute = tool.execute;
      running.push(
        executeToolCall(started, { ...tool, execute }, run.controller.signal).then((settled) => {
          if (run.isOver) return;
          run.parts.updateToolCall(settled);
          run.show();
        }),
      );
    }
  }
  run.show();
  await Promise.all(running);
  return awaitsResults(run.parts) ? 'wait' : 'go-on';
}

/** Where `message`, just ended by `run`, goes on from when retried; `null` when a retry starts it afresh. */
export function resumableAfter(run: AnswerRun, message: ChatMessage): Resumable | null {
  if (message.status !== 'error' && message.status !== 'interrupted') return null;
  // Only the request that asked the model to continue asks again; after a tool step the calls say enough.
  const continues = run.continues && run.onFirstRequest;
  if (!continues && lastStep(run.stepStart) < 0) return null;
  return { messageId: message.id, parts: run.stepStart, continues };
}

/** A call of the step waits for the UI. */
export const awaitsResults = (parts: LiveParts): boolean =>
  parts.stepCalls().some((call) => call.state === 'awaiting-result');

/** An answer's parts at its last step, when a call of that step waits for the UI; else `null`. */
export function waitingCalls(message: ChatMessage | undefined, now: () => number): LiveParts | null {
  if (message?.role !== 'assistant' || message.status === 'streaming') return null;
  const parts = new LiveParts(now, message.parts);
  return awaitsResults(parts) ? parts : null;
}

/** Gives a waiting call of the step its result; `false` when no call of the step waits under that id. */
export function answerCall(parts: LiveParts, toolCallId: string, result: unknown): boolean {
  const call = parts.stepCalls().find((c) => c.toolCallId === toolCallId);
  if (call?.state !== 'awaiting-result') return false;
  parts.updateToolCall(withResult(call, result));
  return true;
}
