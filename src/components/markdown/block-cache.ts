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
    // Not `startsWith`: V8 compares it a character at a time, 0.3 ms a token on a 100 kB answer; `===` on the slice
    // compares whole memory blocks, about 40 times faster, and is as exact.
    if (text.slice(0, this.prefix.length) !== this.prefix) {
      // A different text (regenerated, edited): start over.
      this.prefix = '';
      this.stable = [];
    }
    const tail = text.slice(this.prefix.length);
    const tokens = lex(tail);
    const finished = streaming ? tokens.slice(0, finishedEnd(tokens)) : tokens;
    const raw = finished.map((t) => t.raw).join('');
    let live = tokens;
    // Only trust the split when the tokens' raw text really is the start of the tail.
    if (finished.length > 0 && tail.startsWith(raw)) {
      // A token's strings are slices of the text it was lexed from, and a slice keeps its whole parent alive: kept,
      // the finished tokens would each pin the answer as it was when they finished, and memory would grow with the
      // square of its length. Lexed again from a copy of their own text, they hold only their own characters.
      const own = structuredClone(raw);
      this.stable = [...this.stable, ...lex(own).map((t) => ({ id: this.nextId++, tokens: [t] }))];
      this.prefix += own;
      live = tokens.slice(finished.length);
    } else if (!streaming) {
      return { stable: this.stable, live: tokens };
    }
    return { stable: this.stable, live: streaming ? closeLastBlock(live) : [] };
  }
}

/**
 * The live tokens with their last block's open syntax closed (`**bold` → `**bold**`). Only the last block is still
 * being written; the one before it, when it is still live too, is whole (a code block must not be "closed" again).
 */
function closeLastBlock(tokens: Token[]): Token[] {
  const last = lastContentIndex(tokens);
  const block = tokens[last];
  return block ? [...tokens.slice(0, last), ...lex(closeOpenMarkdown(block.raw))] : [];
}

/** The index of the last token before `end` that is not blank space; 0 when there is none. */
function lastContentIndex(tokens: Token[], end = tokens.length): number {
  for (let i = end - 1; i >= 0; i -= 1) if (tokens[i]?.type !== 'space') return i;
  return 0;
}

/**
 * Where the finished tokens end: before the live (last) block, and before the block ahead of it too while the live
 * block's first line is still coming — that line may yet join it ("3" becomes "3. item" of a loose list above it).
 * It costs re-lexing one more block for the few frames of that line.
 */
function finishedEnd(tokens: Token[]): number {
  const live = lastContentIndex(tokens);
  return tokens[live]?.raw.includes('\n') ? live : lastContentIndex(tokens, live);
}
