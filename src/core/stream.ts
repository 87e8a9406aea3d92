import { abortable, abortedError, sleep } from './abort.js';
import { ChatError } from './errors.js';
import { createEventStreamDecoder } from './event-stream.js';
import { errorFromResponse } from './http-error.js';
import { interpretCompletion, interpretEvent, type ProtocolStep } from './protocol.js';
import { backoffDelay, defaultRetryOptions, type RetryOptions } from './retry.js';
import type { ChatCompletionRequest, ChatStreamEvent, TokenUsage } from './types.js';

/** A token, or a promise of one; `null`/`undefined`/`''` means "send no `Authorization` header". */
export type TokenResult = string | null | undefined | Promise<string | null | undefined>;

/** Options of {@link streamChatCompletion}. */
export interface StreamOptions {
  /** Where to POST. @default "/api/v2/chat/completions/" */
  endpoint?: string;
  /** The `fetch` to use (a test double, a proxy-aware one). @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Called before each request; its token is sent as `Authorization: Bearer …`. */
  getToken?: () => TokenResult;
  /** Called once after a 401/403; resolves to the new token, and the request is re-sent once. */
  refreshToken?: () => TokenResult;
  /** Aborting it stops the answer: the generator throws an `aborted` {@link ChatError}. */
  signal?: AbortSignal;
  /** Automatic retries. @default { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 10000, maxRetryAfterMs: 60000 } */
  retry?: RetryOptions;
  /** A request that receives no byte for this long fails with `timeout`. @default 30000 */
  idleTimeoutMs?: number;
  /** After the retries for a `server` error, try once more without streaming. @default true */
  fallbackToNonStreaming?: boolean;
  /** Awaited before every automatic re-request, e.g. to hold retries while the browser is offline. */
  whenOnline?: (signal: AbortSignal) => Promise<void>;
  /** Log the lifecycle (request, status, retries, finish) to `console.debug`; never tokens or headers. @default false */
  debug?: boolean;
}

export const DEFAULT_ENDPOINT = '/api/v2/chat/completions/';

/** What one try learned that later tries need. */
interface Progress {
  /** Answer or reasoning text was yielded: a plain retry would repeat it. */
  textSeen: boolean;
  /** The id of the last completed event (WHATWG "last event ID"); `''` when none. */
  lastEventId: string;
  /** The server's `retry:` field. */
  serverRetryMs: number | undefined;
  finishReason: string | null | undefined;
  usage: TokenUsage | null;
}

/** An error chunk after text: it ends the answer with no automatic retry. */
const terminal = new WeakSet<ChatError>();

function toChatError(error: unknown, signal: AbortSignal | undefined, timedOut: boolean, idleMs: number): ChatError {
  if (signal?.aborted) return abortedError();
  if (timedOut) return new ChatError('timeout', `The server sent nothing for ${idleMs} ms.`, { cause: error });
  if (error instanceof ChatError) return error;
  return new ChatError('network', 'The connection to the chat server failed.', { cause: error });
}

/** Adds a step's text to this read's events, merging with the previous event of the same type. */
function collect(events: ChatStreamEvent[], step: Extract<ProtocolStep, { kind: 'chunk' }>, progress: Progress): void {
  for (const [type, content] of [
    ['reasoning', step.reasoning],
    ['delta', step.content],
  ] as const) {
    if (content === '') continue;
    progress.textSeen = true;
    const last = events[events.length - 1];
    if (last?.type === type) last.content += content;
    else events.push({ type, content });
  }
  if (step.finishReason !== null) progress.finishReason = step.finishReason;
  if (step.usage) progress.usage = step.usage;
}

/** What every try of one answer shares. */
interface Context {
  request: ChatCompletionRequest;
  options: StreamOptions;
  progress: Progress;
  idleTimeoutMs: number;
  log: (...args: unknown[]) => void;
}

/**
 * One request: sends it and yields what its response carries. Returns whether the response said the
 * answer is complete; throws a classified {@link ChatError} on failure. Always closes its connection.
 */
async function* tryOnce(
  { request, options, progress, idleTimeoutMs, log }: Context,
  token: string | null | undefined,
  streaming: boolean,
): AsyncGenerator<ChatStreamEvent, boolean, undefined> {
  const { signal } = options;
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  // The idle clock runs only while we wait on the network, never while a slow consumer holds an event.
  const watch = async <T>(pending: Promise<T>): Promise<T> => {
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, idleTimeoutMs);
    try {
      return await pending;
    } finally {
      clearTimeout(timer);
    }
  };

  try {
    const headers = new Headers(options.headers);
    headers.set('Content-Type', 'application/json');
    headers.set('Accept', streaming ? 'text/event-stream' : 'application/json');
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const resumeFrom = streaming ? progress.lastEventId : '';
    if (resumeFrom) headers.set('Last-Event-ID', resumeFrom);
    const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
    log('request', {
      endpoint,
      model: request.model,
      messages: request.messages.length,
      stream: streaming,
      resumeFrom,
    });

    const init: RequestInit = {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...request, stream: streaming }),
      signal: controller.signal,
    };
    const response = await watch(options.fetch ? options.fetch(endpoint, init) : globalThis.fetch(endpoint, init));
    const type = response.headers.get('content-type') ?? '';
    log('response', { status: response.status, type });
    if (!response.ok) throw await watch(errorFromResponse(response));

    if (/^application\/([\w.+-]*\+)?json/i.test(type)) {
      const step = interpretCompletion(await watch(response.text()));
      if (step.kind === 'error') throw step.error;
      const events: ChatStreamEvent[] = [];
      if (step.kind === 'chunk') collect(events, step, progress);
      yield* untilAborted(events, controller.signal);
      return true;
    }
    if (/^text\/event-stream/i.test(type) && response.body) {
      return yield* readEventStream(response.body.getReader(), progress, watch, controller.signal);
    }
    throw new ChatError('protocol', `The server answered with ${type || 'no content type'}, not an event stream.`, {
      status: response.status,
    });
  } catch (caught) {
    throw toChatError(caught, signal, timedOut, idleTimeoutMs);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // Closes the connection whatever happened: finished, failed, or the consumer stopped iterating.
    controller.abort();
  }
}

/**
 * POSTs an OpenAI-compatible chat request and yields the answer as it streams, recovering from failures
 * as DESIGN.md's recovery table says: refresh on 401/403, honour `Retry-After`, back off on 5xx and network
 * failures, resume a cut stream with `Last-Event-ID`, fall back to one non-streaming request.
 * Throws a {@link ChatError} when it gives up. Stopping iteration cancels the request.
 */
export async function* streamChatCompletion(
  request: ChatCompletionRequest,
  options: StreamOptions = {},
): AsyncGenerator<ChatStreamEvent, void, undefined> {
  const { signal = new AbortController().signal, fallbackToNonStreaming = true } = options;
  const retry = { ...defaultRetryOptions, ...options.retry };
  const log = options.debug ? (...args: unknown[]) => console.debug('[chat-ui]', ...args) : () => {};
  const progress: Progress = {
    textSeen: false,
    lastEventId: '',
    serverRetryMs: undefined,
    finishReason: undefined,
    usage: null,
  };
  const context: Context = { request, options, progress, idleTimeoutMs: options.idleTimeoutMs ?? 30_000, log };

  let retries = 0;
  let refreshed: { token: string | null | undefined } | undefined;
  let streaming = true;

  for (;;) {
    // Before every request, not just the first: a stop during a `fallback` event or after a token refresh
    // must not send another request (nothing awaits the signal on those paths).
    if (signal.aborted) throw abortedError();
    let error: ChatError;
    try {
      const token = refreshed ? refreshed.token : await abortable(options.getToken?.(), signal);
      const complete = yield* tryOnce(context, token, streaming);
      // A finish_reason without [DONE] is complete; only a stream with neither was cut.
      if (complete || progress.finishReason !== undefined) break;
      error = new ChatError('network', 'The stream ended before the answer was complete.');
    } catch (caught) {
      error = caught instanceof ChatError ? caught : toChatError(caught, signal, false, 0);
      if (error.kind === 'aborted') throw error;
      if ((error.kind === 'network' || error.kind === 'timeout') && progress.finishReason !== undefined) break;
    }

    if (error.kind === 'auth' && options.refreshToken && !refreshed && streaming) {
      log('refreshing the token after', error.status);
      try {
        refreshed = { token: await abortable(Promise.resolve().then(options.refreshToken), signal) };
      } catch (caught) {
        // A failed refresh still means "session expired": the generator only ever throws ChatErrors.
        if (signal.aborted) throw abortedError();
        throw new ChatError('auth', error.message, { status: error.status, cause: caught });
      }
      continue;
    }

    const resumable = progress.lastEventId !== '' && !terminal.has(error);
    const canRetry = streaming && error.retryable && (!progress.textSeen || resumable) && retries < retry.maxRetries;
    if (!canRetry) {
      if (streaming && error.kind === 'server' && fallbackToNonStreaming && !progress.textSeen) {
        log('falling back to a non-streaming request after', error.message);
        streaming = false;
        yield { type: 'fallback' };
        continue;
      }
      throw error;
    }

    retries += 1;
    const delayMs =
      error.kind === 'rate_limit' && error.retryAfterMs !== undefined
        ? Math.min(error.retryAfterMs, retry.maxRetryAfterMs)
        : resumable && progress.serverRetryMs !== undefined
          ? Math.min(progress.serverRetryMs, retry.maxRetryAfterMs)
          : backoffDelay(retries, retry);
    log('retry', {
      attempt: retries,
      delayMs,
      kind: error.kind,
      status: error.status,
      resumeFrom: progress.lastEventId,
    });
    yield { type: 'retry', attempt: retries, delayMs, error };
    await sleep(delayMs, signal);
    await options.whenOnline?.(signal);
  }

  log('finish', { reason: progress.finishReason ?? null, usage: progress.usage });
  const last: ChatStreamEvent[] = progress.usage ? [{ type: 'usage', usage: progress.usage }] : [];
  last.push({ type: 'finish', reason: progress.finishReason ?? null });
  yield* untilAborted(last, signal);
}

/** Yields `events` one by one, but none once `signal` has aborted: no event follows a stop. */
function* untilAborted(events: ChatStreamEvent[], signal: AbortSignal): Generator<ChatStreamEvent, void, undefined> {
  for (const event of events) {
    if (signal.aborted) throw abortedError();
    yield event;
  }
}

/**
 * Reads one SSE body, yielding the events of each network read together (adjacent text merged).
 * Returns whether it ended with `data: [DONE]`.
 */
async function* readEventStream(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  progress: Progress,
  watch: <T>(pending: Promise<T>) => Promise<T>,
  signal: AbortSignal,
): AsyncGenerator<ChatStreamEvent, boolean, undefined> {
  let events: ChatStreamEvent[] = [];
  let failure: ChatError | undefined;
  let done = false;
  const handle = (step: ProtocolStep) => {
    switch (step.kind) {
      case 'chunk':
        return collect(events, step, progress);
      case 'done':
        done = true;
        return;
      case 'error':
        if (progress.textSeen) terminal.add(step.error);
        failure = step.error;
        return;
      case 'insight':
        events.push({ type: 'insight', insight: step.insight });
        return;
      case 'suggestion':
        events.push({ type: 'suggestion', suggestion: step.suggestion });
        return;
    }
  };
  const decoder = createEventStreamDecoder({
    onEvent: (event) => {
      if (done || failure) return;
      try {
        handle(interpretEvent(event));
      } catch (error) {
        failure = error as ChatError;
      }
    },
    onId: (id) => {
      if (!done && !failure) progress.lastEventId = id;
    },
    onRetry: (ms) => {
      progress.serverRetryMs = ms;
    },
  });

  try {
    for (;;) {
      const { value, done: ended } = await watch(reader.read());
      if (ended) decoder.end();
      else decoder.push(value);
      // Text that arrived before a failure stands: yield it, then fail.
      if (events.length > 0) {
        const batch = events;
        events = [];
        yield* untilAborted(batch, signal);
      }
      if (failure) throw failure;
      if (done || ended) return done;
    }
  } finally {
    reader.releaseLock();
  }
}
