// The bench's seeded generator (mulberry32): one implementation for every seeded draw of test data.
import { random } from '../../bench/content.js';

/** A seeded pseudo-random source: the same seed gives the same run. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/**
 * A source of its own for each `keys` (an answer's text, one response's faults, its chunking): a draw for one
 * response never shifts the draws of another, so a run replays the same whatever the timing of the others.
 */
export function randomFor(seed: number, ...keys: (string | number)[]): Random {
  // FNV-1a over the seed and the keys.
  let hash = 0x811c9dc5 ^ seed;
  for (const char of [seed, ...keys].join('\u0000')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  const next = random(hash);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
}
