import { createParser } from 'eventsource-parser';
import type { RelayEvent, StreamEnd, StreamWriter } from './relay-store.js';

// A chunk that carries a finish reason or an error ends the answer as the upstream meant it, even without [DONE].
// A text test, not a parse: the relay passes chunks on as they are and parsing each would double its cost.
const ENDS_ANSWER = /"finish_reason"\s*:\s*"|^\s*\{\s*"error"\s*:/;

/**
 * Reads the upstream's event stream into the answer's log until it ends, is stopped or fails, whether or not anyone
 * is reading: the answer belongs to the stream, not to the connection that asked for it. Events that arrive while an
 * append is in flight go out together in the next one. `stop` aborts the upstream and ends the log `stopped`.
 * Never rejects.
 */
export async function produceAnswer(
  body: ReadableStream<Uint8Array>,
  writer: StreamWriter,
  stop: AbortSignal,
): Promise<void> {
  const upstream = new AbortController();
  const onStop = () => upstream.abort();
  stop.addEventListener('abort', onStop, { once: true });

  let pending: RelayEvent[] = [];
  let appending: Promise<void> | null = null;
  let storeFailed = false;
  let done = false;
  let finished = false;
  const drain = async () => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      await writer.append(batch);
    }
  };
  const append = () => {
    appending ??= drain()
      .catch(() => {
        // The log cannot grow: the answer cannot be kept, so the upstream is not paid for any longer.
        storeFailed = true;
        upstream.abort();
      })
      .finally(() => {
        appending = null;
      });
  };
  const parser = createParser({
    onEvent({ event, data }) {
      if (done) return;
      pending.push(event ? { event, data } : { data });
      done = data === '[DONE]';
      finished ||= !event && ENDS_ANSWER.test(data);
      append();
    },
  });

  const reader = body.getReader();
  upstream.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  const decoder = new TextDecoder();
  let end: StreamEnd;
  let last = '';
  try {
    for (;;) {
      const read = await reader.read();
      if (upstream.signal.aborted) throw new Error('aborted');
      if (read.done) break;
      const text = decoder.decode(read.value, { stream: true });
      parser.feed(text);
      last = text.at(-1) ?? last;
    }
    // The parser holds back a trailing CR (it may be half of a CRLF); at the end it is a whole line break.
    if (last === '\r') parser.feed('\n');
    end = done || finished ? 'done' : 'interrupted';
  } catch {
    end = stop.aborted && !storeFailed ? 'stopped' : 'interrupted';
  } finally {
    stop.removeEventListener('abort', onStop);
    upstream.abort();
  }
  try {
    await appending;
    if (!storeFailed) await drain();
    await writer.end(end);
  } catch {
    // The store is gone: readers learn it from the store's own failure (an `interrupted` end).
  }
}
