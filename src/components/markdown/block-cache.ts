import type { Token } from 'marked';
import { closeOpenMarkdown } from './close-open-markdown.js';
import { safeLex } from './safe-lex.js';

/** A finished top-level block: its tokens never change, so its rendering can be reused. */
export interface StableBlock {
  id: number;
  tokens: Token[];
}

const lex = safeLex;

/**
 * Splits streaming markdown into finished blocks and the live last block, lexing only the text after the
 * last finished block. A block is finished once a later block has begun, so an update costs the size of
 * the live block, not of the whole answer.
 */
export class BlockCache {
  private prefix = '';
  private stable: StableBlock[] = [];
  private nextId = 0;

  update(text: string, streaming: boolean): { stable: readonly StableBlock[]; live: Token[] } {
    if (!text.startsWith(this.prefix)) {
      // A different text (regenerated, edited): start over.
      this.prefix = '';
      this.stable = [];
    }
    const tail = text.slice(this.prefix.length);
    const tokens = lex(tail);
    const finished = streaming ? tokens.slice(0, lastContentIndex(tokens)) : tokens;
    const raw = finished.map((t) => t.raw).join('');
    // Only trust the split when the tokens' raw text really is the start of the tail.
    if (finished.length > 0 && tail.startsWith(raw)) {
      // A token's strings are slices of the text it was lexed from, and a slice keeps its whole parent alive: kept,
      // the finished tokens would each pin the answer as it was when they finished, and memory would grow with the
      // square of its length. Lexed again from a copy of their own text, they hold only their own characters.
      const own = structuredClone(raw);
      this.stable = [...this.stable, ...lex(own).map((t) => ({ id: this.nextId++, tokens: [t] }))];
      this.prefix += own;
    } else if (!streaming) {
      return { stable: this.stable, live: tokens };
    }
    const live = text.slice(this.prefix.length);
    return { stable: this.stable, live: streaming && live !== '' ? lex(closeOpenMarkdown(live)) : [] };
  }
}

function lastContentIndex(tokens: Token[]): number {
  for (let i = tokens.length - 1; i >= 0; i -= 1) if (tokens[i]?.type !== 'space') return i;
  return 0;
}
