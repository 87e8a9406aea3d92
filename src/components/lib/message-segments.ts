import {
  appendText,
  type FilePart,
  type MessagePart,
  type SourcePart,
  type ToolCallPart,
} from '../../core/messages.js';

/** One block of a message as it is shown: a run of text, a run of reasoning, or one tool call. */
export type MessageSegment =
  | { kind: 'text'; text: string }
  /** `durationMs`: how long the model reasoned, once it is known. */
  | { kind: 'reasoning'; text: string; durationMs?: number }
  | { kind: 'tool-call'; call: ToolCallPart };

/**
 * A message's parts as blocks in the order they came: adjacent text (or reasoning) parts join into one block, each
 * tool call is its own; files are set apart to be shown with the text, and sources to be listed under the answer.
 */
export function segmentsOf(parts: readonly MessagePart[]): {
  segments: MessageSegment[];
  sources: SourcePart[];
  files: FilePart[];
} {
  const body: MessagePart[] = [];
  const sources: SourcePart[] = [];
  const files: FilePart[] = [];
  for (const part of parts) {
    if (part.type === 'source') sources.push(part);
    else if (part.type === 'file') files.push(part);
    else if (part.type === 'tool-call') body.push(part);
    else if (part.text !== '') appendText(body, part);
  }
  const segments = body.flatMap((part): MessageSegment[] => {
    if (part.type === 'tool-call') return [{ kind: 'tool-call', call: part }];
    if (part.type === 'text') return [{ kind: 'text', text: part.text }];
    if (part.type !== 'reasoning') return [];
    const { text, durationMs } = part;
    return [{ kind: 'reasoning', text, ...(durationMs !== undefined && { durationMs }) }];
  });
  return { segments, sources, files };
}
