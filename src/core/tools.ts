import type { MessagePart, ToolCallPart } from './messages.js';
import type { JsonSchema } from './types.js';

/** What a tool's `execute` receives beside the arguments. */
export interface ToolExecutionContext {
  /** Aborted when the user stops the answer: a long tool should give up. */
  signal: AbortSignal;
  toolCallId: string;
}

/**
 * A tool the model may call. With `execute` the service runs it and sends the result back by itself; without, the
 * call waits in `awaiting-result` until the UI answers it with `addToolResult` (an approval, a form).
 */
export interface ChatTool<Args = unknown, Result = unknown> {
  /** Tells the model what the tool does and when to use it. */
  description?: string;
  /** JSON Schema of the arguments. @default { type: "object", properties: {} } */
  parameters?: JsonSchema;
  /** Runs the call; a throw becomes the call's error, which the model is told so that it can recover. */
  execute?(args: Args, context: ToolExecutionContext): Result | Promise<Result>;
}

/** The host's tools by name, as the model calls them. */
export type ChatTools = { readonly [name: string]: ChatTool };

/** The message of anything thrown, for the model and the user. */
const messageOf = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown));

/** A call that ended with a result. */
export function withResult(call: ToolCallPart, result: unknown): ToolCallPart {
  // The result travels as JSON text: what cannot become one is an error now, not a broken request later.
  try {
    JSON.stringify(result ?? null);
  } catch (thrown) {
    return withError(call, `The result could not be sent to the model: ${messageOf(thrown)}`);
  }
  const { errorText: _, ...rest } = call;
  return { ...rest, state: 'result', result: result ?? null };
}

/** A call that ended with an error. */
export function withError(call: ToolCallPart, errorText: string): ToolCallPart {
  return { ...call, state: 'error', errorText };
}

/** Runs one call of a tool that has `execute`: its result, or its error as a value. */
export async function executeToolCall(
  call: ToolCallPart,
  tool: ChatTool & Required<Pick<ChatTool, 'execute'>>,
  signal: AbortSignal,
): Promise<ToolCallPart> {
  try {
    return withResult(call, await tool.execute(call.args, { signal, toolCallId: call.toolCallId }));
  } catch (thrown) {
    return withError(call, messageOf(thrown));
  }
}

/** Which request of its answer made a call (0 for the first). */
export const stepOf = (call: ToolCallPart): number => call.step ?? 0;

/** The calls of one step of an answer. */
export function callsOfStep(parts: readonly MessagePart[], step: number): ToolCallPart[] {
  return parts.filter((part): part is ToolCallPart => part.type === 'tool-call' && stepOf(part) === step);
}

/** The last step that made calls; `-1` when the answer made none. */
export function lastStep(parts: readonly MessagePart[]): number {
  let step = -1;
  for (const part of parts) if (part.type === 'tool-call') step = Math.max(step, stepOf(part));
  return step;
}
