import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterEach, beforeEach, expect } from 'vitest';
import { createChatRelay, memoryStore, type ChatRelay } from '../../../src/server/index.js';
import { chunk, DONE, sse, startSseServer, textChunk, type Handler, type SseServer } from '../../support/sse-server.js';

export interface RelayServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a web-standard handler on a loopback port the way the README tells hosts to: `getRequestListener`. */
export async function serveHandler(handle: (request: Request) => Promise<Response>): Promise<RelayServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer(getRequestListener(handle));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/chat`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One SSE event as a reader of the relay sees it. */
export interface ReadEvent {
  id?: string;
  event?: string;
  data: string;
}

/** Parses a whole SSE text (the relay's own framing: `id:`, `event:`, `data:` lines, blank-line separated). */
export function parseEvents(text: string): ReadEvent[] {
  const events: ReadEvent[] = [];
  for (const block of text.split('\n\n')) {
    const event: ReadEvent = { data: '' };
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) event.id = line.slice(4);
      else if (line.startsWith('event: ')) event.event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length === 0) continue;
    event.data = data.join('\n');
    events.push(event);
  }
  return events;
}

/** The answer text of chunk events, joined. */
export function textOfEvents(events: ReadEvent[]): string {
  let text = '';
  for (const { event, data } of events) {
    if (event || data === '[DONE]') continue;
    const parsed = JSON.parse(data) as { choices?: { delta?: { content?: string } }[] };
    text += parsed.choices?.[0]?.delta?.content ?? '';
  }
  return text;
}

/** Reads a response body until it ends, or until `until(textSoFar)` holds (then cancels it). */
export async function readBody(response: Response, until?: (text: string) => boolean): Promise<string> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value, { stream: true });
    if (until?.(text)) {
      await reader.cancel();
      return text;
    }
  }
}

/** An upstream like a real provider's: no `id:` fields; one piece every `gapMs`, then the finish and `[DONE]`. */
export const pacedAnswer =
  (pieces: string[], gapMs = 5): Handler =>
  async (x) => {
    x.sseHead();
    for (const piece of pieces) {
      if (x.isClosed()) return;
      await x.write(textChunk(piece));
      await x.pause(gapMs);
    }
    await x.write(sse({ data: chunk({ finish_reason: 'stop' }) }));
    await x.end(DONE());
  };

/** `n` distinct words: a text in which a duplicate or a gap shows. */
export const pieces = (n: number): string[] => Array.from({ length: n }, (_, i) => `w${i} `);

/** What {@link withRelay} gives each test: the upstream, the relay, its server, and the requests it received. */
export interface RelayContext {
  upstream: SseServer;
  relay: ChatRelay;
  /** Replaceable within a test (to serve the relay through a fault); closed after it. */
  server: RelayServer;
  /** Every request the relay received, cloned, in order. */
  requests: Request[];
}

/**
 * For every test of the calling file: a loopback upstream, a relay on `memoryStore()` in front of it, served over
 * HTTP, all closed after the test (and every upstream handler must have run without throwing).
 */
export function withRelay(): RelayContext {
  const context = { requests: [] } as unknown as RelayContext;
  beforeEach(async () => {
    context.upstream = await startSseServer();
    context.relay = createChatRelay({ upstream: { url: context.upstream.url }, store: memoryStore() });
    context.requests = [];
    context.server = await serveHandler((request) => {
      context.requests.push(request.clone());
      return context.relay.handle(request);
    });
  });
  afterEach(async () => {
    await context.server.close();
    await context.relay.close();
    await context.upstream.close();
    expect(context.upstream.handlerErrors).toEqual([]);
  });
  return context;
}
