import 'fake-indexeddb/auto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isChatError } from '../../src/core/errors.js';
import { httpThreadStore } from '../../src/core/http-thread-store.js';
import { indexedDbThreadStore } from '../../src/core/indexeddb-thread-store.js';
import type { ChatMessage } from '../../src/core/messages.js';
import { memoryThreadStore } from '../../src/core/memory-thread-store.js';
import type { Thread, ThreadStore } from '../../src/core/thread-store.js';
import { refusedUrl } from '../support/sse-server.js';

const message = (id: string, parentId: string | null, role: 'user' | 'assistant', text: string): ChatMessage => ({
  id,
  parentId,
  role,
  content: text,
  parts: [{ type: 'text', text }],
  status: 'complete',
  createdAt: 1,
});

/** A thread with two branches under its first question, its path on the second answer. */
const thread = (id: string, title: string, updatedAt: number): Thread => ({
  id,
  title,
  createdAt: updatedAt - 10,
  updatedAt,
  messages: [
    message(`${id}-u`, null, 'user', `About ${title}`),
    message(`${id}-a1`, `${id}-u`, 'assistant', 'First answer'),
    message(`${id}-a2`, `${id}-u`, 'assistant', 'Second answer'),
  ],
  headId: `${id}-a2`,
});

/**
 * The README's REST shape, served over loopback HTTP by a memory store: what a host's backend does. Only the
 * `Authorization: Bearer ok` caller is let in.
 */
async function startThreadApi(): Promise<{ baseUrl: string; server: Server }> {
  const store = memoryThreadStore();
  const body = async (req: IncomingMessage) => {
    let text = '';
    for await (const piece of req) text += String(piece);
    return JSON.parse(text) as unknown;
  };
  const server = createServer((req, res) => {
    const send = (status: number, value?: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(value === undefined ? undefined : JSON.stringify(value));
    };
    if (req.headers.authorization !== 'Bearer ok') return send(401, { error: { message: 'Sign in.' } });
    const url = new URL(req.url ?? '', 'http://localhost');
    const id = decodeURIComponent(url.pathname.replace(/^\/api\/threads\/?/, ''));
    void (async () => {
      if (!id && req.method === 'GET') {
        const limit = url.searchParams.get('limit');
        return send(
          200,
          await store.list({
            cursor: url.searchParams.get('cursor'),
            filter: url.searchParams.get('filter') ?? '',
            ...(limit && { limit: Number(limit) }),
          }),
        );
      }
      if (req.method === 'GET') {
        const found = await store.load(id);
        return found ? send(200, found) : send(404, { error: { message: 'No such thread.' } });
      }
      if (req.method === 'PUT') return send(204, await store.save((await body(req)) as Thread));
      if (req.method === 'PATCH')
        return send(204, await store.rename(id, ((await body(req)) as { title: string }).title));
      if (req.method === 'DELETE') return send(204, await store.delete(id));
      send(405);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, server };
}

let api: { baseUrl: string; server: Server };
beforeAll(async () => {
  api = await startThreadApi();
});
afterAll(() => new Promise<void>((resolve) => api.server.close(() => resolve())));

const stores: [string, () => ThreadStore][] = [
  ['memoryThreadStore', () => memoryThreadStore()],
  // fake-indexeddb: IndexedDB as the spec says it, in Node; the same database for the file, as a browser's would be.
  ['indexedDbThreadStore', () => indexedDbThreadStore({ name: 'thread-stores-test' })],
  ['httpThreadStore', () => httpThreadStore({ baseUrl: `${api.baseUrl}/`, getToken: () => 'ok' })],
];

describe.each(stores)('%s', (_, create) => {
  // Each store of this suite starts from threads of its own (the HTTP API is shared by the file's tests).
  const fresh = async (...threads: Thread[]) => {
    const store = create();
    const existing = await store.list({ limit: 1000 });
    for (const { id } of existing.threads) await store.delete(id);
    for (const saved of threads) await store.save(saved);
    return store;
  };

  it('gives back a saved thread whole: its branches and where its path ends', async () => {
    const saved = thread('t1', 'Rivers', 100);
    const store = await fresh(saved);
    expect(await store.load('t1')).toEqual(saved);
    expect(await store.load('nope')).toBeNull();
  });

  it('lists newest first, page by page, each thread once even when one is saved between pages', async () => {
    const store = await fresh(...Array.from({ length: 7 }, (_, i) => thread(`t${i}`, `Thread ${i}`, 100 + i)));
    const first = await store.list({ limit: 3 });
    expect(first.threads.map((t) => t.id)).toEqual(['t6', 't5', 't4']);
    expect(first.threads[0]).toEqual({ id: 't6', title: 'Thread 6', createdAt: 96, updatedAt: 106 });
    // A thread further down is saved again: it moves to the top, and the pages after the first skip nothing.
    await store.save(thread('t1', 'Thread 1', 200));
    const seen = [...first.threads.map((t) => t.id)];
    for (let cursor = first.cursor; cursor !== null;) {
      const page = await store.list({ limit: 3, cursor });
      seen.push(...page.threads.map((t) => t.id));
      cursor = page.cursor;
    }
    expect(seen).toEqual(['t6', 't5', 't4', 't3', 't2', 't0']);
    expect((await store.list()).threads.map((t) => t.id)).toEqual(['t1', 't6', 't5', 't4', 't3', 't2', 't0']);
  });

  it('filters by title, ignoring case; renames; deletes', async () => {
    const store = await fresh(
      thread('a', 'Trip to Lisbon', 1),
      thread('b', 'Tax return', 2),
      thread('c', 'LISBON hotels', 3),
    );
    expect((await store.list({ filter: 'lisbon' })).threads.map((t) => t.id)).toEqual(['c', 'a']);
    await store.rename('b', 'Taxes 2026');
    expect((await store.load('b'))?.title).toBe('Taxes 2026');
    await store.delete('a');
    expect(await store.load('a')).toBeNull();
    expect((await store.list()).threads.map((t) => t.id)).toEqual(['c', 'b']);
  });
});

describe('httpThreadStore failures', () => {
  it('a refused session is an auth ChatError', async () => {
    const store = httpThreadStore({ baseUrl: api.baseUrl, getToken: () => 'expired' });
    const error: unknown = await store.list().catch((caught: unknown) => caught);
    expect(isChatError(error) && error.kind).toBe('auth');
  });

  it('an unreachable backend is a network ChatError', async () => {
    const store = httpThreadStore({ baseUrl: await refusedUrl() });
    const error: unknown = await store.save(thread('x', 'x', 1)).catch((caught: unknown) => caught);
    expect(isChatError(error) && error.kind).toBe('network');
  });
});

describe('memoryThreadStore', () => {
  it('keeps a copy: changing a saved or loaded thread changes nothing stored', async () => {
    const saved = thread('t', 'Copy', 1);
    const store = memoryThreadStore([saved]);
    (saved.messages as ChatMessage[]).pop();
    const loaded = await store.load('t');
    expect(loaded?.messages).toHaveLength(3);
    (loaded?.messages as ChatMessage[]).pop();
    expect((await store.load('t'))?.messages).toHaveLength(3);
  });
});

describe('indexedDbThreadStore', () => {
  it('keeps threads across store instances on the same database, as across page loads', async () => {
    const saved = thread('kept', 'Across loads', 5);
    await indexedDbThreadStore({ name: 'reload-test' }).save(saved);
    const next = indexedDbThreadStore({ name: 'reload-test' });
    expect(await next.load('kept')).toEqual(saved);
    expect((await next.list()).threads.map((t) => t.id)).toEqual(['kept']);
    expect((await indexedDbThreadStore({ name: 'another-app' }).list()).threads).toEqual([]);
  });
});
