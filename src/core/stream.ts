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
  serverRetryMs?: number;
  finishReason?: string | null;
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
  appendText(events, 'reasoning', step.reasoning, progress);
  appendText(events, 'delta', step.content, progress);
  if (step.finishReason !== null) progress.finishReason = step.finishReason;
  if (step.usage) progress.usage = step.usage;
}

function appendText(events: ChatStreamEvent[], type: 'reasoning' | 'delta', content: string, progress: Progress): void {
  if (content === '') return;
  progress.textSeen = true;
  const last = events[events.length - 1];
  if (last?.type === type) last.content += content;
  else events.push({ type, content });
}

/** What every try of one answer shares. */
interface Context {
  request: ChatCompletionRequest;
  options: StreamOptions;
  progress: Progress;
  log: (...args: unknown[]) => void;
}

/**
 * The idle clock of one try: calls `onIdle` once a single wait on the network has lasted `ms`. It runs only
 * while we wait, never while a slow consumer holds an event. One timer serves the whole try and is re-armed
 * for the remainder when it fires early: a setTimeout/clearTimeout pair per network read costs more than
 * the read itself on a fast stream.
 */
function idleClock(ms: number, onIdle: () => void) {
  let waitingSince: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    timer = undefined;
    if (waitingSince === undefined) return;
    const left = waitingSince + ms - performance.now();
    if (left > 0) timer = setTimeout(check, left);
    else onIdle();
  };
  return {
    start() {
      waitingSince = performance.now();
      // An armed timer fires at the latest `ms` after an earlier start, so before this wait's deadline.
      timer ??= setTimeout(check, ms);
    },
    stop() {
      waitingSince = undefined;
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}

/**
 * One request: sends it and yields what its response carries, reading the body in this same generator (a
 * generator layer per read costs as much as the parsing). Returns whether the response said the answer is
 * complete; throws a classified {@link ChatError} on failure. Always closes its connection.
 */
async function* tryOnce(
  { request, options, progress, log }: Context,
  token: string | null | undefined,
  streaming: boolean,
): AsyncGenerator<ChatStreamEvent, boolean, undefined> {
  const { signal } = options;
  const idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const idle = idleClock(idleTimeoutMs, () => {
    timedOut = true;
    controller.abort();
  });
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const watch = async <T>(pending: Promise<T>): Promise<T> => {
    idle.start();
    try {
      return await pending;
    } finally {
      idle.stop();
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
      collect(events, step, progress);
      for (const event of events) {
        if (controller.signal.aborted) throw abortedError();
        yield event;
      }
      return true;
    }
    if (!/^text\/event-stream/i.test(type) || !response.body) {
      throw new ChatError('protocol', `The server answered with ${type || 'no content type'}, not an event stream.`, {
        status: response.status,
      });
    }
    reader = response.body.getReader();
    const decode = eventStreamBatches(progress);
    for (;;) {
      // Not through `watch`: an extra promise per read is measurable here. A read that throws ends the try,
      // and `dispose` below stops the clock.
      idle.start();
      const { value, done: ended } = await reader.read();
      idle.stop();
      // `value` is undefined once the body ended, which tells the decoder to release what it held back.
      const { events, failure, done } = decode(value);
      // Text that arrived before a failure stands: yield it, then fail.
      for (const event of events) {
        if (controller.signal.aborted) throw abortedError();
        yield event;
      }
      if (failure) throw failure;
      if (done || ended) return done;
    }
  } catch (caught) {
    throw toChatError(caught, signal, timedOut, idleTimeoutMs);
  } finally {
    reader?.releaseLock();
    idle.dispose();
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
    usage: null,
  };
  const context: Context = { request, options, progress, log };

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
  if (progress.usage) {
    if (signal.aborted) throw abortedError();
    yield { type: 'usage', usage: progress.usage };
  }
  if (signal.aborted) throw abortedError();
  yield { type: 'finish', reason: progress.finishReason ?? null };
}

/**
 * Turns the bytes of one SSE body into one batch of events per network read (adjacent text merged), with
 * whether `data: [DONE]` came and the failure that ends the body, if any. `undefined` bytes: the body ended.
 */
function eventStreamBatches(progress: Progress) {
  let events: ChatStreamEvent[] = [];
  let failure: ChatError | undefined;
  let done = false;
  const decoder = createEventStreamDecoder({
    onEvent: (event) => {
      // Nothing after `[DONE]` or a failure counts.
      if (done || failure) return;
      let step: ProtocolStep;
      try {
        step = interpretEvent(event);
      } catch (error) {
        failure = error as ChatError;
        return;
      }
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
    },
    onId: (id) => {
      if (!done && !failure) progress.lastEventId = id;
    },
    onRetry: (ms) => {
      progress.serverRetryMs = ms;
    },
  });
  return (bytes: Uint8Array | undefined) => {
    decoder(bytes);
    const batch = { events, failure, done };
    events = [];
    return batch;
  };
}
