/**
 * What went wrong, in terms a UI can act on. See the recovery table in DESIGN.md.
 *
 * - `auth`: 401/403 — the session expired or the token is wrong.
 * - `rate_limit`: 429 — too many requests; `retryAfterMs` says how long to wait.
 * - `server`: 5xx or an error chunk — the provider failed.
 * - `client`: another 4xx — the request itself was refused; the message is the server's own.
 * - `network`: the connection failed or was cut.
 * - `timeout`: no byte arrived for `idleTimeoutMs`.
 * - `protocol`: the reply was not SSE/JSON, or a chunk could not be read.
 * - `max_steps`: the model kept calling tools for `maxSteps` requests in one answer and was stopped there.
 * - `aborted`: the user stopped the answer; not an error to show.
 */
export type ChatErrorKind =
  'auth' | 'rate_limit' | 'server' | 'client' | 'network' | 'timeout' | 'protocol' | 'max_steps' | 'aborted';

const RETRYABLE: ReadonlySet<ChatErrorKind> = new Set(['network', 'timeout', 'server', 'rate_limit']);

/** Options of the {@link ChatError} constructor. */
export interface ChatErrorOptions {
  /** HTTP status of the response that failed, when there was one. */
  status?: number;
  /** How long the server asked us to wait before retrying (from `Retry-After`), in milliseconds. */
  retryAfterMs?: number;
  /** The underlying error (a `TypeError` from `fetch`, a `SyntaxError` from `JSON.parse`, ...). */
  cause?: unknown;
}

/** The one error type the library throws and exposes in state. */
export class ChatError extends Error {
  override readonly name = 'ChatError';
  /** What kind of failure this is; decides how the library recovers and how the UI explains it. */
  readonly kind: ChatErrorKind;
  /** HTTP status, when the failure came from a response. */
  readonly status: number | undefined;
  /** Whether trying again may succeed: true for `network`, `timeout`, `server` and `rate_limit`. */
  readonly retryable: boolean;
  /** Milliseconds the server asked us to wait before retrying, when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(kind: ChatErrorKind, message: string, options: ChatErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.retryable = RETRYABLE.has(kind);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * The connection was lost (`network`) or went silent (`timeout`): the server may still have had more to say, so what
 * came is kept as `interrupted`, and the chat's connection is in doubt until a byte arrives again.
 */
export function isCutOff(error: ChatError | null | undefined): boolean {
  return error?.kind === 'network' || error?.kind === 'timeout';
}

/** Narrows an unknown thrown value to a {@link ChatError}. */
export function isChatError(value: unknown): value is ChatError {
  return value instanceof ChatError;
}
