import { createParser } from 'eventsource-parser';
import { idleClock } from '../core/idle-clock.js';
import type { RelayEvent, StreamEnd, StreamWriter } from './relay-store.js';

// A chunk that carries a finish reason or an error ends the answer as the upstream meant it, even without [DONE].
// A text test, not a parse: the relay passes chunks on as they are and parsing each would double its cost.
const ENDS_ANSWER = /"finish_reason"\s*:\s*"|^\s*\{\s*"error"\s*:/;

/**
 * Reads the upstream's event stream into the answer's log until it ends, is stopped or fails, whether or not anyone
 * is reading: the answer belongs to the stream, not to the connection that asked for it. `stop` aborts the upstream
 * and ends the log `stopped`; an upstream silent for `idleMs` is given up (`interrupted`). Never rejects.
 */
export async function produceAnswer(
  body: ReadableStream<Uint8Array>,
  writer: StreamWriter,
  stop: AbortSignal,
  idleMs: number,
): Promise<void> {
  const upstream = new AbortController();
  const onStop = () => upstream.abort();
  stop.addEventListener('abort', onStop, { once: true });
  const batches = new AppendBatches(writer, () => upstream.abort());

  let done = false;
  let finished = false;
  const parser = createParser({
    onEvent({ event, data }) {
      if (done) return;
      batches.add(event ? { event, data } : { data });
      done = data === '[DONE]';
      finished ||= !event && ENDS_ANSWER.test(data);
    },
  });

  const reader = body.getReader();
  upstream.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  const decoder = new TextDecoder();
  // The client's own idle clock: one timer for the whole answer, not a setTimeout/clearTimeout pair per read.
  const idle = idleClock(idleMs, () => upstream.abort());
  let end: StreamEnd;
  let last = '';
  try {
    for (;;) {
      idle.start();
      const read = await reader.read();
      idle.stop();
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
    end = stop.aborted && !batches.failed ? 'stopped' : 'interrupted';
  } finally {
    idle.dispose();
    stop.removeEventListener('abort', onStop);
    upstream.abort();
  }
  try {
    if (await batches.flush()) await writer.end(end);
  } catch {
    // The store is gone: readers learn it from the store's own failure (an `interrupted` end).
  }
}

/**
 * Appends events as they come, one append at a time: the events that arrive while an append is in flight go out
 * together in the next. A failed append stops the answer (`onFailure`): a log that cannot grow cannot be kept.
 */
class AppendBatches {
  #pending: RelayEvent[] = [];
  #appending: Promise<void> | null = null;
  #failed = false;
  readonly #writer: StreamWriter;
  readonly #onFailure: () => void;

  constructor(writer: StreamWriter, onFailure: () => void) {
    this.#writer = writer;
    this.#onFailure = onFailure;
  }

  get failed(): boolean {
    return this.#failed;
  }

  add(event: RelayEvent): void {
    this.#pending.push(event);
    this.#appending ??= this.#drain();
  }

  /** Waits for what is pending to be appended; says whether the log still takes appends. */
  async flush(): Promise<boolean> {
    await this.#appending;
    return !this.#failed;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#pending.length > 0 && !this.#failed) {
        const batch = this.#pending;
        this.#pending = [];
        await this.#writer.append(batch);
      }
    } catch {
      this.#failed = true;
      this.#onFailure();
    } finally {
      // In the same turn as the empty check above: an event added after it starts the next drain.
      this.#appending = null;
    }
  }
}
