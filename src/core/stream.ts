import { abortable, abortedError, sleep } from './abort.js';
import { ChatError, isCutOff } from './errors.js';
import { collect, eventStreamBatches, newStreamState, type StreamState } from './event-batches.js';
import { errorFromResponse } from './http-error.js';
import { idleClock } from './idle-clock.js';
import { interpretCompletion } from './protocol.js';
import { decideRecovery } from './recovery.js';
import { defaultRetryOptions, type RetryOptions } from './retry.js';
import type { ChatCompletionRequest, ChatStreamEvent } from './types.js';

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
  /**
   * Reads the relay's answer with this stream id from its first event instead of asking anew (a page reloaded
   * mid-answer): the request carries `X-Chat-Stream` and no `Last-Event-ID`.
   */
  resumeStream?: string;
}

export const DEFAULT_ENDPOINT = '/api/v2/chat/completions/';

function toChatError(error: unknown, signal: AbortSignal | undefined, timedOut: boolean, idleMs: number): ChatError {
  if (signal?.aborted) return abortedError();
  if (timedOut) return new ChatError('timeout', `The server sent nothing for ${idleMs} ms.`, { cause: error });
  if (error instanceof ChatError) return error;
  return new ChatError('network', 'The connection to the chat server failed.', { cause: error });
}

/** What every try of one answer shares. */
interface Context {
  request: ChatCompletionRequest;
  options: StreamOptions;
  state: StreamState;
  log: (...args: unknown[]) => void;
  /** The relay's id of this answer (`X-Chat-Stream`), once a response named it; `''` when none, or it ended in error. */
  streamId: string;
  /** The token of the last request, for the stop request. */
  token: string | null | undefined;
}

/**
 * Tells the relay to stop the answer, wherever it runs (DESIGN.md "Server relay"). Fire and forget: the answer's own
 * request is already aborted, and a stop that fails leaves a finished answer the relay forgets after its TTL.
 */
function requestStop({ options, streamId, token }: Context): void {
  const headers = new Headers(options.headers);
  headers.set('X-Chat-Stream', streamId);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const init: RequestInit = { method: 'DELETE', headers, keepalive: true };
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
  Promise.resolve()
    .then(() => (options.fetch ?? globalThis.fetch)(endpoint, init))
    .catch(() => undefined);
}

/**
 * One request: sends it and yields what its response carries, reading the body in this same generator (a
 * generator layer per read costs as much as the parsing). Returns whether the response said the answer is
 * complete; throws a classified {@link ChatError} on failure. Always closes its connection.
 */
async function* tryOnce(
  context: Context,
  token: string | null | undefined,
  streaming: boolean,
  resumeFrom: string,
): AsyncGenerator<ChatStreamEvent, boolean, undefined> {
  const { request, options, state, log } = context;
  const { signal } = options;
  context.token = token;
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
    if (resumeFrom) headers.set('Last-Event-ID', resumeFrom);
    // A relayed answer cut before its first event is read again from its start, not asked anew (and paid twice).
    else if (context.streamId && streaming) headers.set('X-Chat-Stream', context.streamId);
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
    const streamId = response.headers.get('x-chat-stream');
    if (streamId && streamId !== context.streamId) {
      context.streamId = streamId;
      yield { type: 'stream', streamId };
    }

    if (/^application\/([\w.+-]*\+)?json/i.test(type)) {
      const step = interpretCompletion(await watch(response.text()));
      if (step.kind === 'error') throw step.error;
      const events: ChatStreamEvent[] = [];
      collect(events, step, state);
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
    const decode = eventStreamBatches(state);
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
      if (failure) {
        // An error chunk ends the relay's stream: resuming it would replay the same end, so a retry asks anew.
        if (context.streamId) {
          context.streamId = '';
          state.lastEventId = '';
        }
        throw failure;
      }
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
  const state = newStreamState();
  const context: Context = { request, options, state, log, streamId: options.resumeStream ?? '', token: undefined };
  // A relayed answer is stopped at the relay too, or it would go on (and be paid for) with nobody reading.
  const stopRelayed = () => {
    if (context.streamId) requestStop(context);
  };
  signal.addEventListener('abort', stopRelayed, { once: true });
  try {
    let retries = 0;
    let refreshed: { token: string | null | undefined } | undefined;
    let streaming = true;
    // The id the next request resumes from, as recovery decided it; a refreshed token resends the same request.
    let resumeFrom = '';

    for (;;) {
      // Before every request, not just the first: a stop during a `fallback` event or after a token refresh
      // must not send another request (nothing awaits the signal on those paths).
      if (signal.aborted) throw abortedError();
      let error: ChatError;
      try {
        const token = refreshed ? refreshed.token : await abortable(options.getToken?.(), signal);
        const complete = yield* tryOnce(context, token, streaming, resumeFrom);
        // A finish_reason without [DONE] is complete; only a stream with neither was cut.
        if (complete || state.finishReason !== undefined) break;
        error = new ChatError('network', 'The stream ended before the answer was complete.');
      } catch (caught) {
        error = caught instanceof ChatError ? caught : toChatError(caught, signal, false, 0);
        if (error.kind === 'aborted') throw error;
        if (isCutOff(error) && state.finishReason !== undefined) break;
      }

      const recovery = decideRecovery(
        error,
        state,
        { retries, streaming, refreshed: refreshed !== undefined },
        { retry, canRefresh: options.refreshToken !== undefined, fallbackToNonStreaming },
      );
      if (recovery.action === 'refresh') {
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
      if (recovery.action === 'fallback') {
        log('falling back to a non-streaming request after', error.message);
        streaming = false;
        resumeFrom = '';
        yield { type: 'fallback' };
        continue;
      }
      if (recovery.action === 'fail') throw error;

      retries += 1;
      const { delayMs } = recovery;
      resumeFrom = recovery.resume ? state.lastEventId : '';
      log('retry', {
        attempt: retries,
        delayMs,
        kind: error.kind,
        status: error.status,
        resumeFrom,
      });
      yield { type: 'retry', attempt: retries, delayMs, error };
      await sleep(delayMs, signal);
      await options.whenOnline?.(signal);
    }

    log('finish', { reason: state.finishReason ?? null, usage: state.usage });
    // Each call once, complete, in index order (finish_reason "tool_calls" or "stop": the calls count all the same).
    for (const call of [...state.toolCalls.values()].sort((a, b) => a.index - b.index)) {
      if (signal.aborted) throw abortedError();
      yield { type: 'tool-call', index: call.index, id: call.id, name: call.name, arguments: call.arguments };
    }
    if (state.usage) {
      if (signal.aborted) throw abortedError();
      yield { type: 'usage', usage: state.usage };
    }
    if (signal.aborted) throw abortedError();
    yield { type: 'finish', reason: state.finishReason ?? null };
  } finally {
    signal.removeEventListener('abort', stopRelayed);
  }
}
