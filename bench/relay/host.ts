import '../resolve-ts.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { HostReply, HostRequest } from './protocol.ts';

/*
 * The process under measurement, started by bench/relay.ts with an IPC channel: one HTTP server (Node `http` +
 * `getRequestListener`, as the README serves the relay) with three handlers side by side, `/pass` (a minimal
 * pass-through proxy), `/memory` (`createChatRelay` + `memoryStore()`) and `/redis` (`createChatRelay` +
 * `redisStore`). It answers the bench's questions about its own CPU time and memory; everything else (the upstream,
 * the callers) runs in the bench's process, so this process's CPU is the proxy's alone.
 */

// After the hook above: the relay's sources import their siblings as `.js`.
const { createChatRelay, memoryStore, redisStore } = await import('../../src/server/index.ts');
type ChatRelay = ReturnType<typeof createChatRelay>;

const upstreamUrl = process.env.BENCH_UPSTREAM ?? '';
const redisUrl = process.env.BENCH_REDIS ?? '';
const collect = () => (globalThis as { gc?: () => void }).gc?.();

/** The baseline: what any proxy in front of an SSE upstream does (forward the body, return the upstream's stream). */
async function passThrough(request: Request): Promise<Response> {
  const response = await fetch(upstreamUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: await request.text(),
  });
  return new Response(response.body, {
    status: response.status,
    headers: { 'Content-Type': response.headers.get('content-type') ?? 'text/event-stream' },
  });
}

const relays: Record<'memory' | 'redis', ChatRelay> = {
  memory: createChatRelay({ upstream: { url: upstreamUrl }, store: memoryStore() }),
  redis: createChatRelay({ upstream: { url: upstreamUrl }, store: redisStore({ url: redisUrl }) }),
};

const server = createServer(
  getRequestListener((request) => {
    const path = new URL(request.url).pathname;
    if (path === '/pass') return passThrough(request);
    const relay = path === '/memory' ? relays.memory : path === '/redis' ? relays.redis : undefined;
    return relay ? relay.handle(request) : Promise.resolve(new Response('not found', { status: 404 }));
  }),
);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

const reply = (message: HostReply) => process.send?.(message);

process.on('message', (message: HostRequest) => {
  void (async () => {
    switch (message.type) {
      case 'cpu': {
        const { user, system } = process.cpuUsage();
        reply({ type: 'cpu', id: message.id, micros: user + system });
        break;
      }
      case 'memory': {
        collect();
        collect();
        const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage();
        reply({ type: 'memory', id: message.id, heapUsed, rss, external, arrayBuffers });
        break;
      }
      case 'exit': {
        await Promise.all([relays.memory.close(), relays.redis.close()]);
        server.closeAllConnections();
        server.close();
        reply({ type: 'exit', id: message.id });
        process.disconnect();
        break;
      }
    }
  })();
});

reply({ type: 'ready', id: 0, url: `http://127.0.0.1:${port}` });
