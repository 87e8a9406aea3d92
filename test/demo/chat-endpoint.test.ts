import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { chatEndpoint, type ChatEndpoint, type Upstream } from '../../demo/server/chat-endpoint.js';
import { memoryStore } from '../../src/server/index.js';

const KEY = 'sk-test-secret-123';
const servers: Server[] = [];
const endpoints: ChatEndpoint[] = [];

async function listen(server: Server): Promise<string> {
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A fake upstream that records what it was sent and answers with the given status, headers and body. */
async function fakeUpstream(status: number, headers: Record<string, string>, body: string) {
  const seen: IncomingHttpHeaders[] = [];
  const url = await listen(
    createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      req.on('end', () => {
        res.writeHead(status, headers);
        res.end(body);
      });
    }),
  );
  return { url: `${url}/v1/chat/completions`, seen };
}

async function demoServer(upstream: Upstream): Promise<string> {
  // The upstream goes through the demo's relay: its store is the memory one whatever REDIS_URL says.
  const middleware = chatEndpoint(upstream, { store: memoryStore() });
  endpoints.push(middleware);
  return listen(
    createServer((req, res) =>
      middleware(req, res, () => {
        res.writeHead(404);
        res.end();
      }),
    ),
  );
}

const ask = (base: string, scenario = 'upstream') =>
  fetch(`${base}/api/v2/chat/completions/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Demo-Scenario': scenario },
    body: JSON.stringify({ model: 'x', messages: [{ role: 'user', content: 'Hi' }], stream: true }),
  });

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  await Promise.all(endpoints.splice(0).map((endpoint) => endpoint.close()));
});

describe('the demo proxy to an upstream', () => {
  it('adds the key on the server and passes a 429 on with its Retry-After and a redacted body', async () => {
    const upstream = await fakeUpstream(
      429,
      { 'Content-Type': 'application/json', 'Retry-After': '7' },
      JSON.stringify({ error: { message: `Rate limit for key ${KEY}`, type: 'rate_limit_exceeded' } }),
    );
    const base = await demoServer({ url: upstream.url, model: 'up-model', apiKey: KEY });

    const response = await ask(base);
    const text = await response.text();

    expect(upstream.seen[0]?.authorization).toBe(`Bearer ${KEY}`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(text).not.toContain(KEY);
    expect(text).toContain('[redacted]');
  });

  it('sends no Retry-After when the upstream sent none', async () => {
    const upstream = await fakeUpstream(503, { 'Content-Type': 'application/json' }, '{"error":"busy"}');
    const base = await demoServer({ url: upstream.url, model: 'up-model', apiKey: KEY });

    const response = await ask(base);
    await response.text();

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBeNull();
  });

  it('streams an upstream answer through the relay: a stream id, the key on the server, one upstream request', async () => {
    const chunk = { choices: [{ index: 0, delta: { content: 'Hello' }, finish_reason: null }] };
    const upstream = await fakeUpstream(
      200,
      { 'Content-Type': 'text/event-stream' },
      `data: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n`,
    );
    const base = await demoServer({ url: upstream.url, model: 'up-model', apiKey: KEY });

    const response = await ask(base);
    const text = await response.text();

    expect(response.status).toBe(200);
    const streamId = response.headers.get('x-chat-stream');
    expect(streamId).toMatch(/^[\w-]{16,}$/);
    expect(text).toContain(`id: ${streamId}.`);
    expect(text).toContain('Hello');
    expect(upstream.seen).toHaveLength(1);
    expect(upstream.seen[0]?.authorization).toBe(`Bearer ${KEY}`);
    const stats = (await (await fetch(`${base}/api/demo/relay-stats`)).json()) as { upstreamRequests: number };
    expect(stats.upstreamRequests).toBe(1);
  });
});

describe('the demo scenarios', () => {
  it('answer a fault scenario directly, not through the relay', async () => {
    const upstream = await fakeUpstream(500, {}, '');
    const base = await demoServer({ url: upstream.url, model: 'up-model', apiKey: KEY });

    const response = await ask(base, 'rate-limit');
    await response.text();

    expect(response.status).toBe(429);
    expect(response.headers.get('x-chat-stream')).toBeNull();
    expect(response.headers.get('access-control-expose-headers')).toBeNull();
  });
});
