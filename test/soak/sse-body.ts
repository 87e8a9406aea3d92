import type { Random } from './prng.js';

/*
 * An answer as an OpenAI-style SSE stream: every event carries an id, so a cut stream can resume after the last
 * event the client completed. Each response also varies what real servers vary — line endings, `data:` with or
 * without its space, comments, non-ASCII characters raw or as `\u` escapes — and its bytes are written in pieces
 * that split lines, CRLF pairs and UTF-8 characters.
 */

/** One event of an answer: its id and its `data` (a chunk object, or `[DONE]`). */
export interface AnswerEvent {
  id: string;
  payload: unknown;
}

/** The reconnection delay every stream announces (`retry:`), so a resume waits this long, not a backoff. */
export const SERVER_RETRY_MS = 100;

const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
  id: 'chatcmpl-soak',
  object: 'chat.completion.chunk',
  model: 'soak',
  choices: [{ index: 0, delta, finish_reason: finishReason }],
});

/** The answer's text in deltas of one to eight code points (a piece may end inside a grapheme), then its end. */
export function answerEvents(index: number, text: string, r: Random): AnswerEvent[] {
  const points = Array.from(text);
  const deltas: string[] = [];
  for (let at = 0; at < points.length;) {
    const size = r.int(1, 8);
    deltas.push(points.slice(at, at + size).join(''));
    at += size;
  }
  const payloads: unknown[] = [
    chunk({ role: 'assistant', content: '' }),
    ...deltas.map((content) => chunk({ content })),
    chunk({}, 'stop'),
    {
      ...chunk({}),
      choices: [],
      usage: { prompt_tokens: 12, completion_tokens: deltas.length, total_tokens: 12 + deltas.length },
    },
    '[DONE]',
  ];
  // Ids name the answer too: a resume that reached the wrong answer is caught, not served.
  return payloads.map((payload, n) => ({ id: `${index + 1}:${n}`, payload }));
}

/** The event after which a resume with `Last-Event-ID: id` continues, for answer `index`; `undefined` if not ours. */
export function eventAfter(index: number, lastEventId: string): number | undefined {
  const match = /^(\d+):(\d+)$/.exec(lastEventId);
  if (!match || Number(match[1]) !== index + 1) return undefined;
  return Number(match[2]) + 1;
}

const asciiOnly = (json: string) =>
  json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The bytes of one response from event `from` on, and where each of its events ends. */
export function encodeStream(
  events: readonly AnswerEvent[],
  from: number,
  r: Random,
): { bytes: Buffer; eventEnds: number[] } {
  const eol = r.chance(0.25) ? '\r\n' : '\n';
  const dataField = r.chance(0.2) ? 'data:' : 'data: ';
  const escape = r.chance(0.3);
  const parts: Buffer[] = [Buffer.from(`retry: ${SERVER_RETRY_MS}${eol}${eol}`)];
  let length = parts[0]?.length ?? 0;
  const eventEnds: number[] = [];
  for (const { id, payload } of events.slice(from)) {
    const json = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const lines = [
      ...(r.chance(0.05) ? [': keep-alive'] : []),
      `id: ${id}`,
      ...(r.chance(0.1) ? ['event: message'] : []),
      `${dataField}${escape ? asciiOnly(json) : json}`,
    ];
    const part = Buffer.from(`${lines.join(eol)}${eol}${eol}`, 'utf8');
    parts.push(part);
    length += part.length;
    eventEnds.push(length);
  }
  return { bytes: Buffer.concat(parts), eventEnds };
}

/**
 * Where to split `bytes` into writes: mostly small pieces, some of a few hundred bytes, now and then a large one; a
 * third of the splits move on to the next byte inside a multi-byte character, which the JSON around the text makes
 * rare by chance alone.
 */
export function splitPoints(bytes: Buffer, r: Random): number[] {
  const points: number[] = [];
  for (let at = 0; ;) {
    const roll = r.next();
    at += roll < 0.45 ? r.int(1, 8) : roll < 0.9 ? r.int(9, 300) : r.int(300, 3000);
    if (r.chance(1 / 3)) {
      const inside = bytes.subarray(at, at + 200).findIndex(continuesCharacter);
      if (inside >= 0) at += inside;
    }
    if (at >= bytes.length) return points;
    points.push(at);
  }
}

/** A UTF-8 continuation byte: a split before it falls inside a character. */
export const continuesCharacter = (byte: number | undefined): boolean => ((byte ?? 0) & 0xc0) === 0x80;
