import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import { answerIndexOf, soakAnswer } from './answers.js';
import { faultKinds, planFault, type Fault, type FaultKind } from './faults.js';
import { randomFor, type Random } from './prng.js';
import {
  answerEvents,
  encodeStream,
  eventAfter,
  continuesCharacter,
  splitPoints,
  type AnswerEvent,
} from './sse-body.js';

/*
 * The soak's chat endpoint: a plain Node HTTP server on 127.0.0.1 that streams each answer as real SSE bytes, in
 * pieces at awkward places, honours `Last-Event-ID`, and strikes a share of its responses with a fault the client
 * must recover from (faults.ts). What it sends is drawn from the seed, the answer and the response's number within
 * that answer, so a run replays the same faults and bytes.
 */

export const CHAT_PATH = '/v1/chat/completions';

export interface FaultServerStats {
  /** Chat requests (POSTs), resumes and fallbacks included. */
  requests: number;
  /** Requests that carried `Last-Event-ID`. */
  resumes: number;
  /** Non-streaming requests (the client's fallback after 5xx). */
  fallbacks: number;
  faults: Record<FaultKind, number>;
  /** Writes of SSE bytes; of those, the ones that ended inside a UTF-8 character or between CR and LF. */
  writes: number;
  splitsInsideCharacter: number;
  splitsInsideCrlf: number;
  /** What the client did wrong: a resume from an unknown event, a question the server never asked for. */
  violations: string[];
}

export interface FaultServer {
  url: string;
  stats: FaultServerStats;
  close(): Promise<void>;
}

export interface FaultServerOptions {
  seed: number;
  /** The share of responses that carry a fault. */
  faultRate: number;
}

const cors = {
  'Access-Control-Allow-Origin': '*',
  // Cross-origin JavaScript reads only the headers listed here: the client needs Retry-After.
  'Access-Control-Expose-Headers': 'Retry-After',
  // Chromium re-sends by itself a request whose reused keep-alive socket is reset, which would hide a reset from
  // the client under test: every connection carries one exchange.
  Connection: 'close',
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of req as AsyncIterable<Buffer>) parts.push(part);
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The text of the last user message of a chat request body. */
function lastQuestion(body: unknown): string {
  const messages = (body as { messages?: { role?: string; content?: unknown }[] } | undefined)?.messages ?? [];
  const content = messages.findLast((m) => m.role === 'user')?.content;
  return typeof content === 'string' ? content : '';
}

/** A reset, a 5xx or a 429, before any byte of the answer. */
function failBeforeFirstByte(
  req: IncomingMessage,
  res: ServerResponse,
  fault: Extract<Fault, { kind: 'reset' | 'server-error' | 'rate-limit' }>,
): void {
  if (fault.kind === 'reset') {
    req.socket.resetAndDestroy();
  } else if (fault.kind === 'rate-limit') {
    res.writeHead(429, { ...cors, 'Content-Type': 'application/json', 'Retry-After': fault.retryAfter });
    res.end(JSON.stringify({ error: { message: 'Rate limit reached.', code: 'rate_limit_exceeded' } }));
  } else if (fault.status === 502) {
    res.writeHead(502, { ...cors, 'Content-Type': 'text/html' });
    res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
  } else {
    res.writeHead(fault.status, { ...cors, 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'The model is overloaded.', type: 'server_error' } }));
  }
}

export async function startFaultServer({ seed, faultRate }: FaultServerOptions): Promise<FaultServer> {
  const stats: FaultServerStats = {
    requests: 0,
    resumes: 0,
    fallbacks: 0,
    faults: Object.fromEntries(faultKinds.map((kind) => [kind, 0])) as Record<FaultKind, number>,
    writes: 0,
    splitsInsideCharacter: 0,
    splitsInsideCrlf: 0,
    violations: [],
  };
  const answers = new Map<number, AnswerEvent[]>();
  const responsesPerAnswer = new Map<number, number>();
  const sockets = new Set<Socket>();

  const eventsOf = (index: number): AnswerEvent[] => {
    let events = answers.get(index);
    if (!events) {
      events = answerEvents(index, soakAnswer(seed, index), randomFor(seed, 'deltas', index));
      answers.set(index, events);
    }
    return events;
  };

  const refuse = (res: ServerResponse, message: string) => {
    stats.violations.push(message);
    res.writeHead(400, { ...cors, 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: { message } }));
  };

  /** Writes `bytes` up to `end` in pieces, a few ms apart; false when the client went away first. */
  const writePaced = async (res: ServerResponse, bytes: Buffer, end: number, r: Random) => {
    let from = 0;
    for (const at of [...splitPoints(bytes, r).filter((p) => p < end), end]) {
      if (res.destroyed) return false;
      res.write(bytes.subarray(from, at));
      stats.writes += 1;
      if (continuesCharacter(bytes[at])) stats.splitsInsideCharacter += 1;
      if (bytes[at - 1] === 13 && bytes[at] === 10) stats.splitsInsideCrlf += 1;
      from = at;
      const pause = r.int(0, 3);
      await (pause === 0 ? nextTurn() : delay(pause));
    }
    return !res.destroyed;
  };

  /** Streams the response's bytes, whole or up to where a cut or stall strikes. */
  const stream = async (
    req: IncomingMessage,
    res: ServerResponse,
    { bytes, eventEnds }: ReturnType<typeof encodeStream>,
    fault: Extract<Fault, { kind: 'cut' | 'stall' }> | null,
    r: Random,
  ) => {
    res.writeHead(200, { ...cors, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.flushHeaders();
    if (!fault) {
      if (await writePaced(res, bytes, bytes.length, r)) res.end();
      return;
    }
    // Somewhere after the first complete event, up to the last byte but one: the stream is never whole.
    const first = eventEnds[0] ?? bytes.length;
    const stop = first + Math.floor(fault.position * (bytes.length - 1 - first));
    if (!(await writePaced(res, bytes, stop, r))) return;
    // A stall sends nothing more: the client's idle timeout ends it by closing the connection.
    if (fault.kind === 'stall') return;
    if (fault.how === 'destroy') req.socket.destroy();
    else res.end();
  };

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readJson(req);
    const question = lastQuestion(body);
    const index = answerIndexOf(question);
    if (index === undefined) return refuse(res, `not a soak question: ${JSON.stringify(question.slice(0, 80))}`);
    stats.requests += 1;
    const nth = responsesPerAnswer.get(index) ?? 0;
    responsesPerAnswer.set(index, nth + 1);
    const events = eventsOf(index);

    if ((body as { stream?: boolean }).stream === false) {
      stats.fallbacks += 1;
      const content = soakAnswer(seed, index);
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }),
      );
      return;
    }

    const lastEventId = req.headers['last-event-id'];
    let from = 0;
    if (typeof lastEventId === 'string') {
      stats.resumes += 1;
      const next = eventAfter(index, lastEventId);
      if (next === undefined || next > events.length)
        return refuse(res, `answer ${index + 1}: resume from an unknown event ${JSON.stringify(lastEventId)}`);
      from = next;
    }

    const r = randomFor(seed, 'response', index, nth);
    const fault = planFault(r, faultRate, events.length - from);
    if (fault) stats.faults[fault.kind] += 1;
    if (!fault || fault.kind === 'cut' || fault.kind === 'stall')
      await stream(req, res, encodeStream(events, from, r), fault, r);
    else failBeforeFirstByte(req, res, fault);
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Content-Type, Accept, Authorization, Last-Event-ID',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    if (req.method !== 'POST' || path !== CHAT_PATH) {
      res.writeHead(404, cors);
      res.end();
      return;
    }
    answer(req, res).catch((error: unknown) => {
      stats.violations.push(`server error: ${String(error)}`);
      res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${CHAT_PATH}`,
    stats,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
