/*
 * One relay instance as its own process, as a host would run it: `createChatRelay` on `redisStore`, served by
 * Node's http through `getRequestListener`. Reads RELAY_UPSTREAM, REDIS_URL and RELAY_LEASE_MS; prints
 * `{"port":N}` once it listens.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createChatRelay, redisStore } from '../../../src/server/index.js';

const relay = createChatRelay({
  upstream: { url: process.env.RELAY_UPSTREAM ?? '' },
  store: redisStore({ url: process.env.REDIS_URL ?? '' }),
  leaseMs: Number(process.env.RELAY_LEASE_MS ?? 5000),
});
const server = createServer(getRequestListener(relay.handle));
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void relay.close().then(() => process.exit(0));
});
