import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** What an SSE body reports besides its events. */
export interface EventStreamCallbacks {
  onEvent: (event: EventSourceMessage) => void;
  /** A block carried an `id:` field (called before that block's event). */
  onId: (id: string) => void;
  /** The server set the reconnection delay (`retry:`). */
  onRetry: (ms: number) => void;
}

/** Decodes SSE bytes as they arrive: UTF-8 split anywhere, any line ending, an optional BOM. */
export interface EventStreamDecoder {
  push(bytes: Uint8Array): void;
  /** The body ended: releases what the decoders held back. An unterminated last event is dropped (WHATWG). */
  end(): void;
}

export function createEventStreamDecoder(callbacks: EventStreamCallbacks): EventStreamDecoder {
  const parser = createParser(callbacks);
  const text = new TextDecoder();
  let endsWithCr = false;
  const feed = (chunk: string) => {
    if (chunk === '') return;
    parser.feed(chunk);
    endsWithCr = chunk.charCodeAt(chunk.length - 1) === 13;
  };
  return {
    push: (bytes) => feed(text.decode(bytes, { stream: true })),
    end() {
      feed(text.decode());
      // A final CR may be held back as half of a CRLF; completing the pair releases a CR-only stream's
      // last event. Only after a CR: after an LF the extra line end would invent a blank line.
      if (endsWithCr) parser.feed('\n');
    },
  };
}
