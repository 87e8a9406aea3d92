import { ChatError } from './errors.js';
import { errorFromResponse } from './http-error.js';
import type { TokenResult } from './stream.js';
import type { StoredThread, ThreadPage, ThreadStore } from './thread-store.js';

/** Options of {@link httpThreadStore}. */
export interface HttpThreadStoreOptions {
  /** Where the host's thread API lives, e.g. `/api` (threads are at `/api/threads`). */
  baseUrl: string;
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Called before each request; its token is sent as `Authorization: Bearer …`. */
  getToken?: () => TokenResult;
}

/**
 * Keeps threads in a host's own backend, over a small REST shape (README "Threads"):
 * `GET {baseUrl}/threads?limit&cursor&filter` → `{threads, cursor}`, `GET /threads/:id` → the thread (404: none),
 * `PUT /threads/:id` saves it whole, `PATCH /threads/:id` with `{title}` renames, `DELETE /threads/:id` deletes.
 * A failed request rejects with a {@link ChatError} (`auth`, `rate_limit`, `server`, `client` or `network`).
 */
export function httpThreadStore(options: HttpThreadStoreOptions): ThreadStore {
  const base = `${options.baseUrl.replace(/\/+$/, '')}/threads`;
  const url = (id: string) => `${base}/${encodeURIComponent(id)}`;

  const request = async (target: string, method: string, body?: unknown): Promise<Response> => {
    const headers = new Headers(options.headers);
    const token = await options.getToken?.();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    let response: Response;
    try {
      response = await (options.fetch ?? globalThis.fetch)(target, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new ChatError('network', 'The conversations could not be reached.', { cause });
    }
    // A thread that is not there is an answer, not a failure: `load` gives null and `delete` has nothing to do.
    if (!response.ok && response.status !== 404) throw await errorFromResponse(response);
    return response;
  };

  return {
    async list({ cursor = null, limit, filter } = {}) {
      const query = new URLSearchParams();
      if (limit !== undefined) query.set('limit', String(limit));
      if (cursor) query.set('cursor', cursor);
      if (filter) query.set('filter', filter);
      const search = query.size > 0 ? `?${query}` : '';
      const response = await request(`${base}${search}`, 'GET');
      if (response.status === 404) return { threads: [], cursor: null };
      return (await response.json()) as ThreadPage;
    },
    async load(id) {
      const response = await request(url(id), 'GET');
      return response.status === 404 ? null : ((await response.json()) as StoredThread);
    },
    async save(thread) {
      await request(url(thread.id), 'PUT', thread);
    },
    async rename(id, title) {
      await request(url(id), 'PATCH', { title });
    },
    async delete(id) {
      await request(url(id), 'DELETE');
    },
  };
}
