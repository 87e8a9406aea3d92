/**
 * An in-memory `fetch` for state-machine tests: each call takes the next scripted reply, and a test
 * controls exactly when each SSE byte arrives. (Transport behaviour over real sockets is tested
 * against test/support/sse-server.ts.)
 */
export interface ControlledStream {
  /** Sends one SSE chunk (an OpenAI delta when given a string via {@link delta}). */
  push(text: string): void;
  /** Ends the body cleanly. */
  end(): void;
  /** Cuts the body with a network error. */
  fail(): void;
  /** Whether the client aborted the request. */
  readonly aborted: boolean;
}

export interface RecordedRequest {
  url: string;
  headers: Headers;
  body: Record<string, unknown>;
  signal: AbortSignal;
}

type Reply = (request: RecordedRequest) => Response | Promise<Response>;

export function delta(content: string, finishReason: string | null = null): string {
  return `data: ${JSON.stringify({ choices: [{ delta: { content }, finish_reason: finishReason }] })}\n\n`;
}

export function sse(...chunks: string[]): Response {
  return new Response(chunks.join(''), { headers: { 'content-type': 'text/event-stream' } });
}

export function answer(text: string): Response {
  return sse(delta(text, 'stop'), 'data: [DONE]\n\n');
}

export function createScriptedFetch() {
  const replies: Reply[] = [];
  const requests: RecordedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request: RecordedRequest = {
      url: String(input),
      headers: new Headers(init.headers),
      body: JSON.parse(String(init.body)) as Record<string, unknown>,
      signal: init.signal as AbortSignal,
    };
    requests.push(request);
    const reply = replies.shift();
    if (!reply) throw new Error(`no scripted reply for request ${requests.length}`);
    return reply(request);
  };

  /** Scripts the next reply as a stream the test feeds by hand. */
  function stream(): ControlledStream {
    const encoder = new TextEncoder();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let signal: AbortSignal | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    replies.push((request) => {
      signal = request.signal;
      request.signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    return {
      push: (text) => controller.enqueue(encoder.encode(text)),
      end: () => controller.close(),
      fail: () => controller.error(new TypeError('terminated')),
      get aborted() {
        return signal?.aborted ?? false;
      },
    };
  }

  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    reply: (reply: Reply) => replies.push(reply),
    stream,
  };
}

/** Lets pending promise callbacks (stream reads, generator steps) run. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}
