/** One SSE event of an answer as the upstream sent it: its name (none for a chunk) and its data. */
export interface RelayEvent {
  event?: string;
  data: string;
}

/**
 * How an answer's log ends: `done` (the upstream finished), `stopped` (someone asked to stop it) or `interrupted`
 * (the upstream was cut, or its producer or the store was lost).
 */
export type StreamEnd = 'done' | 'stopped' | 'interrupted';

/**
 * One entry of an answer's log, named by an id the store gives it (ordered within the answer). An entry holds the
 * events that arrived while the previous append was in flight, so a fast upstream costs fewer writes.
 */
export type LogEntry = { id: string; events: RelayEvent[] } | { id: string; end: StreamEnd };

/** How long an answer is kept and how often its producer proves it lives. */
export interface StreamLimits {
  /** How long a finished answer can still be resumed. */
  ttlMs: number;
  /** The producer renews its lease this often (twice a lease); a lease not renewed means the producer died. */
  leaseMs: number;
}

/** Where and how a reader reads an answer's log. */
export interface ReadOptions {
  /** The first entry to read (inclusive); `null`: from the first. */
  from: string | null;
  /** The producer's lease, as the relay set it: a lease older than this means the producer died. */
  leaseMs: number;
  /** Ends the reading (the caller went away). */
  signal: AbortSignal;
}

/** The producer's handle on the answer it writes. */
export interface StreamWriter {
  /** Appends events as one entry. */
  append(events: RelayEvent[]): Promise<void>;
  /** Appends the end and releases the lease. Nothing is appended after it. */
  end(end: StreamEnd): Promise<void>;
  /** Removes an answer that never started (the upstream refused the request). */
  discard(): Promise<void>;
  /** Aborts when a stop was asked for this answer, on any instance. */
  readonly stopped: AbortSignal;
}

/**
 * Where the relay keeps answers: one log per answer that any instance can read while it is written. Implemented by
 * {@link memoryStore} (one process) and {@link redisStore} (any number of instances).
 */
export interface RelayStore {
  /** Starts the log of a new answer owned by `owner`; rejects when the store cannot take it. */
  open(streamId: string, owner: string, limits: StreamLimits): Promise<StreamWriter>;
  /** The answer's owner; `null` when it is unknown or expired, or has no entry `entryId` (when one is given). */
  ownerOf(streamId: string, entryId?: string): Promise<string | null>;
  /**
   * The answer's entries from entry `from` (inclusive; `null`: from the first), then each new one as it is appended,
   * up to and including its end. A producer that stopped renewing its lease (`leaseMs`), or a store that failed,
   * yields an `interrupted` end. Aborting `signal` ends the iteration.
   */
  read(streamId: string, options: ReadOptions): AsyncIterable<LogEntry>;
  /** Asks the answer's producer, wherever it runs, to stop. */
  stop(streamId: string): Promise<void>;
  /** Releases the store's connections and timers. */
  close(): Promise<void>;
}
