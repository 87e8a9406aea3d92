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
  return new Response(body, { status: 200, ...init, headers: sseHeaders(init.headers) });
}

/**
 * The headers of an event-stream response: `Content-Type: text/event-stream; charset=utf-8`,
 * `Cache-Control: no-cache` and `Transfer-Encoding: chunked`, over any given in `init`.
 *
 * The explicit chunked framing matters under MSW's Node interceptor (MSW 3): a body without framing is
 * delimited by the end of the connection there, and a client that aborts such a response mid-body
 * (a stop, an idle timeout, or just closing after `[DONE]`) trips an assertion inside Node's fetch
 * (undici) and crashes the process. Browsers ignore the header on a mocked response.
 */
export function sseHeaders(init?: HeadersInit): Headers {
  const headers = new Headers(init);
  headers.set('Content-Type', 'text/event-stream; charset=utf-8');
  headers.set('Cache-Control', 'no-cache');
  headers.set('Transfer-Encoding', 'chunked');
  return headers;
}

/** One step of a paced event-stream body (see {@link eventStreamResponse}). */
export type StreamStep =
  /** Waits `delayMs` (none when 0), then writes `text` (SSE bytes: events, comments) as one chunk. */
  | { kind: 'write'; text: string; delayMs: number }
  /** The connection drops: the body errors after what was written has been flushed. */
  | { kind: 'cut' }
  /** The body ends here, cleanly, whatever a complete answer would have sent next. */
  | { kind: 'end' }
  /** Nothing more is sent and the body stays open, until the request is aborted or the body cancelled. */
  | { kind: 'stall' };

/** The reason an aborted wait rejects with. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The request was aborted.', 'AbortError');
}

/**
 * Resolves after `ms` milliseconds, or at once (no timer at all) when `ms` is 0 or less; rejects with the
 * signal's reason as soon as `signal` aborts.
 */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  if (ms <= 0) return Promise.resolve();
  return wait(ms, signal);
}

/** A real timer, even for 0 ms: lets the runtime flush bytes already written before the next step. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Never resolves; rejects with the signal's reason once `signal` aborts. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(abortReason(signal));
    else signal.addEventListener('abort', () => reject(abortReason(signal)), { once: true });
  });
}

/**
 * A `200 text/event-stream` response whose body plays `steps` in order: paced writes, then optionally a
 * cut, an early end or a stall. The body is pulled, so a slow reader slows the steps down; it stops (and
 * clears its timer) when `signal` aborts or the reader cancels. Headers: those of {@link sseHeaders}.
 */
export function eventStreamResponse(
  steps: Iterable<StreamStep>,
  signal?: AbortSignal,
  init: ResponseInit = {},
): Response {
  const encoder = new TextEncoder();
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal?.reason);
  if (signal?.aborted) stop.abort(signal.reason);
  else signal?.addEventListener('abort', onAbort, { once: true });
  const iterator = steps[Symbol.iterator]();
  let finished = false;
  const finish = () => {
    finished = true;
    signal?.removeEventListener('abort', onAbort);
  };

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (finished) return;
      try {
        const next = iterator.next();
        const step: StreamStep = next.done ? { kind: 'end' } : next.value;
        switch (step.kind) {
          case 'write':
            await pause(step.delayMs, stop.signal);
            controller.enqueue(encoder.encode(step.text));
            return;
          case 'end':
            finish();
            controller.close();
            return;
          case 'cut':
            // Erroring a stream discards what it still holds; one macrotask lets the written bytes leave first.
            await wait(0, stop.signal);
            finish();
            controller.error(new TypeError('The connection was reset.'));
            return;
          case 'stall':
            await untilAborted(stop.signal);
        }
      } catch (error) {
        // Aborted while waiting. A cancelled body is already closed; an aborted request ends it here.
        if (finished) return;
        finish();
        controller.error(error);
      }
    },
    cancel(reason) {
      finish();
      stop.abort(reason);
    },
  });
  return new Response(body, { status: 200, ...init, headers: sseHeaders(init.headers) });
}

/**
 * A JSON response with `Content-Type: application/json` and an exact `Content-Length` (a framed body,
 * which MSW's Node interceptor needs to end the response cleanly). @default status 200
 */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/json');
  headers.set('Content-Length', String(bytes.byteLength));
  return new Response(bytes, { status: 200, ...init, headers });
}
