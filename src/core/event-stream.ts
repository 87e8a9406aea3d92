import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** What an SSE body reports besides its events. */
export interface EventStreamCallbacks {
  onEvent: (event: EventSourceMessage) => void;
  /** A block carried an `id:` field (called before that block's event). */
  onId: (id: string) => void;
  /** The server set the reconnection delay (`retry:`). */
  onRetry: (ms: number) => void;
}

/**
 * Decodes SSE bytes as they arrive: UTF-8 split anywhere, any line ending, an optional BOM. `undefined`: the
 * body ended, which releases what the decoders held back; an unterminated last event is dropped (WHATWG).
 */
export type EventStreamDecoder = (bytes: Uint8Array | undefined) => void;

export function createEventStreamDecoder(callbacks: EventStreamCallbacks): EventStreamDecoder {
  const parser = createParser(callbacks);
  const text = new TextDecoder();
  let endsWithCr = false;
  const feed = (chunk: string) => {
    if (chunk === '') return;
    parser.feed(chunk);
    endsWithCr = chunk.charCodeAt(chunk.length - 1) === 13;
  };
  return (bytes) => {
    if (bytes) return feed(text.decode(bytes, { stream: true }));
    feed(text.decode());
    // A final CR may be held back as half of a CRLF; completing the pair releases a CR-only stream's
    // last event. Only after a CR: after an LF the extra line end would invent a blank line.
    if (endsWithCr) parser.feed('\n');
  };
}
