/** Small browser helpers of the benchmark page: a controllable `fetch`, frames, tasks, long tasks. */

/** One SSE response the page feeds by hand. */
export interface PushableStream {
  push(text: string): void;
  end(): void;
}

/**
 * A `fetch` whose every call answers 200 `text/event-stream` with a body the benchmark writes into:
 * bytes reach the page's code with no network in between. `next()` resolves with the next call's body.
 */
export function createStreamFetch(): { fetch: typeof globalThis.fetch; next: () => Promise<PushableStream> } {
  const encoder = new TextEncoder();
  const waiting: ((stream: PushableStream) => void)[] = [];
  const ready: PushableStream[] = [];
  const fetch = async (_input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    let open = true;
    init.signal?.addEventListener('abort', () => {
      if (open) controller.error(new DOMException('aborted', 'AbortError'));
      open = false;
    });
    const stream: PushableStream = {
      push: (text) => {
        if (open) controller.enqueue(encoder.encode(text));
      },
      end: () => {
        if (open) controller.close();
        open = false;
      },
    };
    const waiter = waiting.shift();
    if (waiter) waiter(stream);
    else ready.push(stream);
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
  const next = () =>
    new Promise<PushableStream>((resolve) => {
      const stream = ready.shift();
      if (stream) resolve(stream);
      else waiting.push(resolve);
    });
  return { fetch: fetch as typeof globalThis.fetch, next };
}

export const frame = (): Promise<number> =>
  new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** Resolves in a new task, after the microtasks (React's sync renders) of the current one. */
export const task = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves after the next frame has run and painted (a task queued from its rAF runs after the rendering). */
export const painted = (): Promise<number> =>
  new Promise((resolve) => {
    requestAnimationFrame(() => {
      void task().then(() => resolve(performance.now()));
    });
  });

/** Every long task (> 50 ms) since the page loaded. */
const longTasks: PerformanceEntry[] = [];
const longTaskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
longTaskObserver.observe({ type: 'longtask' });

/** Durations of the long tasks that started at or after `since` (entries not yet delivered included). */
export function longTasksSince(since: number): number[] {
  longTasks.push(...longTaskObserver.takeRecords());
  return longTasks.filter((entry) => entry.startTime >= since).map((entry) => entry.duration);
}

/** Counts animation frames until stopped. */
export function countFrames(): () => number {
  let frames = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    frames += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    running = false;
    return frames;
  };
}

/** A garbage collection when Chromium runs with `--js-flags=--expose-gc`. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
