import type { ChatMessage, ChatMessageInput } from './messages.js';

/** One conversation in a thread list: what the list shows, without its messages. */
export interface ThreadSummary {
  id: string;
  title: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds of its last save: the list is newest first by this. */
  updatedAt: number;
}

/** A whole conversation: its summary, its message tree (every branch) and where its shown path ends. */
export interface Thread extends ThreadSummary {
  messages: readonly ChatMessage[];
  headId: string | null;
}

/** A thread as a store gives it back: messages as saved (`ChatMessageInput`, what `initialMessages` takes). */
export interface StoredThread extends ThreadSummary {
  messages: readonly ChatMessageInput[];
  headId: string | null;
}

/** Which threads to list. */
export interface ThreadQuery {
  /** Where the previous page ended (its `cursor`); none for the first page. */
  cursor?: string | null;
  /** @default 50 */
  limit?: number;
  /** Only threads whose title contains this, ignoring case. */
  filter?: string;
}

/** One page of the thread list, newest first. */
export interface ThreadPage {
  threads: ThreadSummary[];
  /** Where the next page starts; `null` when this was the last. */
  cursor: string | null;
}

/**
 * Where conversations are kept. The chat saves a thread's whole tree (branches included); a list shows summaries
 * page by page. Every method may reject (a network or quota failure): the caller shows it and retries.
 */
export interface ThreadStore {
  list(query?: ThreadQuery): Promise<ThreadPage>;
  /** The thread, or `null` when there is none with this id. */
  load(id: string): Promise<StoredThread | null>;
  /** Creates or replaces the thread. */
  save(thread: Thread): Promise<void>;
  rename(id: string, title: string): Promise<void>;
  delete(id: string): Promise<void>;
}

type Place = Pick<ThreadSummary, 'id' | 'updatedAt'>;

/** Newest first; ties by id, so a cursor names one place in the order. */
export function compareThreads(a: Place, b: Place): number {
  return b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * A cursor names the last thread of a page by its place in the order, not its index: threads saved or deleted
 * between two pages neither repeat nor go missing from the ones that follow.
 */
export const toCursor = ({ updatedAt, id }: Place): string => `${updatedAt}:${id}`;

/** The place a cursor names; `null` for none or one that is not a cursor. */
export function fromCursor(cursor: string | null | undefined): Place | null {
  const match = cursor ? /^(\d+):(.+)$/s.exec(cursor) : null;
  return match ? { updatedAt: Number(match[1]), id: match[2] as string } : null;
}

export const DEFAULT_THREAD_PAGE = 50;

/** One page of `threads` (any order) as the query asks: filtered by title, newest first, after the cursor. */
export function listPage(
  threads: readonly ThreadSummary[],
  { cursor = null, limit = DEFAULT_THREAD_PAGE, filter = '' }: ThreadQuery = {},
): ThreadPage {
  const needle = filter.toLocaleLowerCase();
  const after = fromCursor(cursor);
  const rest = threads
    .filter((thread) => thread.title.toLocaleLowerCase().includes(needle))
    .filter((thread) => !after || compareThreads(after, thread) < 0)
    .sort(compareThreads);
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  const summary = ({ id, title, createdAt, updatedAt }: ThreadSummary): ThreadSummary => ({
    id,
    title,
    createdAt,
    updatedAt,
  });
  return { threads: page.map(summary), cursor: last && rest.length > limit ? toCursor(last) : null };
}
