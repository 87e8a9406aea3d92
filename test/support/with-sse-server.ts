import { afterEach, beforeEach, expect, vi } from 'vitest';
import { streamChatCompletion, type StreamOptions } from '../../src/core/stream.js';
import { drain, FAST_RETRY, REQUEST, startSseServer, type SseServer } from './sse-server.js';

/**
 * A fresh loopback SSE server for every test of the calling file, closed after it (and every handler
 * must have run without throwing). `run` streams the standard request against it and collects the events.
 */
export function withSseServer() {
  let current: SseServer | undefined;
  beforeEach(async () => {
    current = await startSseServer();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await current?.close();
    expect(current?.handlerErrors).toEqual([]);
  });
  const server = (): SseServer => {
    if (!current) throw new Error('withSseServer: the server only exists inside a test');
    return current;
  };
  const options = (extra: StreamOptions = {}): StreamOptions => ({
    endpoint: server().url,
    retry: FAST_RETRY,
    idleTimeoutMs: 2000,
    ...extra,
  });
  return { server, options, run: (extra: StreamOptions = {}) => drain(streamChatCompletion(REQUEST, options(extra))) };
}
