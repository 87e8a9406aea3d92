import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { chatEndpoint, type Upstream } from '../../demo/server/chat-endpoint.js';

const KEY = 'sk-test-secret-123';
const servers: Server[] = [];

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
  const middleware = chatEndpoint(upstream);
  return listen(
    createServer((req, res) =>
      middleware(req, res, () => {
        res.writeHead(404);
        res.end();
      }),
    ),
  );
}

const ask = (base: string) =>
  fetch(`${base}/api/v2/chat/completions/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Demo-Scenario': 'upstream' },
    body: JSON.stringify({ model: 'x', messages: [{ role: 'user', content: 'Hi' }], stream: true }),
  });

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
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
});
