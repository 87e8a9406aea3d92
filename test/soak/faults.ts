import type { Random } from './prng.js';

/**
 * The faults the soak injects, each one the client must recover from by itself:
 * - `cut`: the connection drops mid-stream after at least one event with an id (the socket destroyed, or the body
 *   ended without `[DONE]`), anywhere in the bytes after it — inside a line, an event or a character;
 * - `server-error`: a 5xx before the first byte (JSON, or a proxy's HTML page for a 502);
 * - `rate-limit`: a 429 with `Retry-After: 0` or `1`;
 * - `stall`: after at least one event with an id, no byte more until the client's idle timeout gives up on it;
 * - `reset`: the TCP connection reset before the first byte.
 */
export const faultKinds = ['cut', 'server-error', 'rate-limit', 'stall', 'reset'] as const;
export type FaultKind = (typeof faultKinds)[number];

export type Fault =
  /** `position` in [0, 1): where between the end of the response's first event and its last byte it stops. */
  | { kind: 'cut'; position: number; how: 'destroy' | 'end' }
  | { kind: 'stall'; position: number }
  | { kind: 'server-error'; status: 500 | 502 | 503 | 504 }
  | { kind: 'rate-limit'; retryAfter: '0' | '1' }
  | { kind: 'reset' };

/**
 * The fault of one response, if any: with probability `rate`, one kind drawn evenly. A response of a single event
 * (a resume that only has `[DONE]` left) has no "after an event" to cut or stall in, so it draws a kind that strikes
 * before the first byte.
 */
export function planFault(r: Random, rate: number, events: number): Fault | null {
  if (!r.chance(rate)) return null;
  const kinds = events >= 2 ? faultKinds : faultKinds.filter((k) => k !== 'cut' && k !== 'stall');
  switch (r.pick(kinds)) {
    case 'cut':
      return { kind: 'cut', position: r.next(), how: r.chance(0.5) ? 'destroy' : 'end' };
    case 'stall':
      return { kind: 'stall', position: r.next() };
    case 'server-error':
      return { kind: 'server-error', status: r.pick([500, 502, 503, 504] as const) };
    case 'rate-limit':
      return { kind: 'rate-limit', retryAfter: r.pick(['0', '1'] as const) };
    case 'reset':
      return { kind: 'reset' };
  }
}
