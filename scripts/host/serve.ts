import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/*
 * What a host app's server does in production: serves the built `dist/` and answers the chat endpoint
 * with real SSE bytes over HTTP, played by the library's own scenario responder (the `streaming` scenario).
 */

export const CHAT_PATH = '/v1/chat/completions';

/** A `Request` in, a streaming `Response` out: the shape of `createScenarioResponder`. */
export type Responder = (request: Request) => Promise<Response>;

export interface HostServer {
  url: string;
  /** The JSON bodies of the chat requests received, in order. */
  chatRequests: unknown[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};
// Framing headers belong to the connection Node writes, not to the Response being copied.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export async function serveHost(root: string, createResponder: () => Responder): Promise<HostServer> {
  const chatRequests: unknown[] = [];
  const server = createServer((req, res) => {
    const handle = req.method === 'POST' && req.url === CHAT_PATH ? answerChat : serveFile;
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      res.destroy();
    });
  });

  async function answerChat(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parts: Buffer[] = [];
    for await (const part of req as AsyncIterable<Buffer>) parts.push(part);
    const body = Buffer.concat(parts).toString('utf8');
    chatRequests.push(JSON.parse(body));
    const aborted = new AbortController();
    res.on('close', () => aborted.abort());
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    // One responder per request: each question gets the whole scenario from its start.
    const response = await createResponder()(
      new Request(`http://${req.headers.host}${CHAT_PATH}`, { method: 'POST', headers, body, signal: aborted.signal }),
    );
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name)) out[name] = value;
    });
    res.writeHead(response.status, out);
    res.flushHeaders();
    const reader = response.body?.getReader();
    for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
      if (!res.write(next.value)) await once(res, 'drain');
    }
    res.end();
  }

  async function serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    const file = normalize(join(root, path === '/' ? 'index.html' : decodeURIComponent(path)));
    const type = TYPES[extname(file)];
    if (req.method !== 'GET' || !file.startsWith(root + sep) || !type) {
      res.writeHead(404).end();
      return;
    }
    try {
      const content = await readFile(file);
      res.writeHead(200, { 'Content-Type': type }).end(content);
    } catch {
      res.writeHead(404).end();
    }
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    chatRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
