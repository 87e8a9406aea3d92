/** One Server-Sent Event, as a server would write it. */
export interface SseEvent {
  /** The payload; a string is sent as is, anything else as JSON. Multi-line strings become several `data:` lines. */
  data: unknown;
  /** The `event:` field; omitted means an unnamed (`message`) event. */
  event?: string;
  /** The `id:` field, remembered by the client for `Last-Event-ID`. */
  id?: string;
  /** The `retry:` field, the reconnect delay in milliseconds. */
  retry?: number;
}

/** Encodes one event in the SSE wire format, ending with the blank line that dispatches it. */
export function encodeSseEvent({ data, event, id, retry }: SseEvent): string {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  let out = '';
  if (event !== undefined) out += `event: ${event}\n`;
  if (id !== undefined) out += `id: ${id}\n`;
  if (retry !== undefined) out += `retry: ${retry}\n`;
  for (const line of payload.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}

/**
 * A streaming `text/event-stream` response whose body is written as `source` yields its chunks,
 * so a mock can pace them, wait between them, or stop. Works as the return value of an MSW resolver.
 */
export function sseResponse(source: AsyncIterable<string> | Iterable<string>, init: ResponseInit = {}): Response {
  const encoder = new TextEncoder();
  const chunks = (async function* () {
    yield* source;
  })();
  // Pull-based, so a client that disconnects stops the source instead of erroring on enqueue.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'text/event-stream; charset=utf-8');
  headers.set('Cache-Control', 'no-cache');
  return new Response(body, { status: 200, ...init, headers });
}
