import type { FilePart, MessagePart, SourcePart, ToolCallPart } from '../../core/messages.js';

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
  const segments: MessageSegment[] = [];
  const sources: SourcePart[] = [];
  const files: FilePart[] = [];
  for (const part of parts) {
    if (part.type === 'source') sources.push(part);
    else if (part.type === 'file') files.push(part);
    else if (part.type === 'tool-call') segments.push({ kind: 'tool-call', call: part });
    else if (part.type === 'reasoning' && part.text !== '') {
      const last = segments.at(-1);
      const text = last?.kind === 'reasoning' ? last.text + part.text : part.text;
      const durationMs =
        part.durationMs === undefined
          ? undefined
          : part.durationMs + (last?.kind === 'reasoning' ? (last.durationMs ?? 0) : 0);
      const segment = { kind: 'reasoning' as const, text, ...(durationMs !== undefined && { durationMs }) };
      if (last?.kind === 'reasoning') segments[segments.length - 1] = segment;
      else segments.push(segment);
    } else if (part.type === 'text' && part.text !== '') {
      const last = segments.at(-1);
      if (last?.kind === 'text') segments[segments.length - 1] = { kind: 'text', text: last.text + part.text };
      else segments.push({ kind: 'text', text: part.text });
    }
  }
  return { segments, sources, files };
}
