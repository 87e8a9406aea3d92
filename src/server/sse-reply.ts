import { formatEventId } from './event-ids.js';
import type { LogEntry, RelayEvent, StreamEnd } from './relay-store.js';
import { EXPOSE_HEADERS } from './replies.js';

/** The chunk a reader gets when the answer did not end as the upstream meant it; `done` adds nothing. */
const END_CHUNKS: Record<Exclude<StreamEnd, 'done'>, string> = {
  stopped: JSON.stringify({ error: { code: 'stream_stopped', message: 'The answer was stopped.' } }),
  interrupted: JSON.stringify({
    error: { code: 'stream_interrupted', message: 'The answer was cut off before it finished.' },
  }),
};

/** One event in SSE framing; a data with line breaks takes one `data:` line each. */
function frame(event: RelayEvent, id: string): string {
  const name = event.event ? `event: ${event.event}\n` : '';
  return `id: ${id}\n${name}data: ${event.data.replace(/\r\n|\r|\n/g, '\ndata: ')}\n\n`;
}

/** Where a reader starts: the first entry it reads and how many of that entry's events it already has. */
export interface ReadStart {
  entryId: string;
  /** Events of that entry up to and including this index are skipped. */
  index: number;
}

export interface SseReplyOptions {
  streamId: string;
  entries: AsyncIterable<LogEntry>;
  /** Stops reading the log: the caller went away. */
  stop: AbortController;
  /** What the reader already has (a resume). */
  start: ReadStart | null;
  keepAliveMs: number;
}

/**
 * The answer's log as an event stream: each event with its id, a comment every `keepAliveMs` while the model thinks,
 * and the end. A caller that goes away stops only its own reading.
 */
export function sseReply({ streamId, entries, stop, start, keepAliveMs }: SseReplyOptions): Response {
  const encoder = new TextEncoder();
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!stop.signal.aborted) controller.enqueue(encoder.encode(text));
      };
      // At once, before the model's first token: servers that hold the headers until the body's first bytes send
      // them now, so the client learns X-Chat-Stream (to stop or resume) while the model still thinks.
      send(': stream\n\n');
      keepAlive = setInterval(() => send(': keep-alive\n\n'), keepAliveMs);
      const read = async () => {
        for await (const entry of entries) {
          if ('end' in entry) {
            if (entry.end !== 'done') send(`data: ${END_CHUNKS[entry.end]}\n\n`);
            break;
          }
          const skip = start && entry.id === start.entryId ? start.index : -1;
          let text = '';
          entry.events.forEach((event, index) => {
            if (index > skip) text += frame(event, formatEventId({ streamId, entryId: entry.id, index }));
          });
          if (text) send(text);
        }
      };
      read()
        .catch(() => send(`data: ${END_CHUNKS.interrupted}\n\n`))
        .finally(() => {
          clearInterval(keepAlive);
          if (!stop.signal.aborted) controller.close();
        });
    },
    cancel() {
      clearInterval(keepAlive);
      stop.abort();
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
      'X-Chat-Stream': streamId,
      ...EXPOSE_HEADERS,
    },
  });
}
