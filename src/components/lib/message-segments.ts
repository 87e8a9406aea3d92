import type { FilePart, MessagePart, SourcePart, ToolCallPart } from '../../core/messages.js';

/** One block of a message as it is shown: a run of text, a run of reasoning, or one tool call. */
export type MessageSegment =
  { kind: 'text'; text: string } | { kind: 'reasoning'; text: string } | { kind: 'tool-call'; call: ToolCallPart };

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
    else if ((part.type === 'text' || part.type === 'reasoning') && part.text !== '') {
      const last = segments.at(-1);
      if (last?.kind === part.type) segments[segments.length - 1] = { kind: part.type, text: last.text + part.text };
      else segments.push({ kind: part.type, text: part.text });
    }
  }
  return { segments, sources, files };
}
