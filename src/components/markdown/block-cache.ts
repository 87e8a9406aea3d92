import type { Links, Token, Tokens } from 'marked';
import { closeOpenMarkdown } from './close-open-markdown.js';
import { hasDisplayMathOpener } from './math-syntax.js';
import { emptyLinks, safeLex, safeLexBlocks } from './safe-lex.js';

/**
 * A finished top-level block: its text never changes, so its rendering can be reused. It keeps its markdown, not its
 * tokens: lexed again when it renders (once), the tokens are garbage after, and a long answer's memory is its text and
 * its DOM instead of several times its text in token objects.
 */
export interface StableBlock {
  id: number;
  raw: string;
}

/** The finished blocks, the reference definitions they hold, and the live blocks' tokens. */
export interface Blocks {
  stable: readonly StableBlock[];
  /** `[1]: https://…` definitions of the finished blocks: a new object only when one is added. */
  links: Links;
  live: Token[];
}

/**
 * Splits streaming markdown into finished blocks and the live last block, lexing only the text after the
 * last finished block. A block is finished once a later block has begun, so an update costs the size of
 * the live block, not of the whole answer.
 */
export class BlockCache {
  /** The text last seen; its first `finishedLength` characters are the finished blocks'. */
  private source = '';
  private finishedLength = 0;
  private stable: StableBlock[] = [];
  private links: Links = emptyLinks();
  private nextId = 0;

  update(text: string, streaming: boolean): Blocks {
    // Not `startsWith`: V8 compares it a character at a time, 0.3 ms a token on a 100 kB answer; `===` on the slice
    // compares whole memory blocks, about 40 times faster, and is as exact.
    const length = this.finishedLength;
    if (text.slice(0, length) !== this.source.slice(0, length)) {
      // A different text (regenerated, edited): start over.
      this.finishedLength = 0;
      this.stable = [];
      this.links = emptyLinks();
    }
    // The text itself, not a copy of what is finished: the message holds it anyway.
    this.source = text;
    const tail = text.slice(this.finishedLength);
    // Where the blocks are, without lexing their text: only the live blocks' text is lexed, below.
    const blocks = safeLexBlocks(tail, this.links);
    const finished = streaming ? blocks.slice(0, finishedEnd(blocks)) : blocks;
    const raw = finished.map((t) => t.raw).join('');
    let liveBlocks = blocks;
    let liveText = tail;
    // Only trust the split when the tokens' raw text really is the start of the tail.
    if (finished.length > 0 && tail.startsWith(raw)) {
      // A slice keeps its whole parent string alive: the blocks would each pin the answer as it was when they
      // finished, and memory would grow with the square of its length. They are slices of a copy of their own text.
      const own = structuredClone(raw);
      const stable: StableBlock[] = [];
      let start = 0;
      let end = 0;
      for (const token of finished) {
        // The blank lines after a block go with it: half the blocks (and React components) to keep.
        if (token.type !== 'space' && end > start) {
          stable.push({ id: this.nextId++, raw: own.slice(start, end) });
          start = end;
        }
        end += token.raw.length;
      }
      if (end > start) stable.push({ id: this.nextId++, raw: own.slice(start, end) });
      this.stable = [...this.stable, ...stable];
      this.addDefinitions(finished);
      this.finishedLength += own.length;
      liveBlocks = blocks.slice(finished.length);
      liveText = tail.slice(raw.length);
    }
    const live = streaming
      ? closeLastBlock(liveBlocks, this.links)
      : liveText === ''
        ? []
        : safeLex(liveText, this.links);
    return { stable: this.stable, links: this.links, live };
  }

  /** Keeps the finished blocks' `[tag]: url` definitions (copied: their strings are slices of the answer). */
  private addDefinitions(finished: readonly Token[]): void {
    const added = finished.filter(
      (token): token is Tokens.Def => token.type === 'def' && !Object.hasOwn(this.links, token.tag),
    );
    if (added.length === 0) return;
    const links = emptyLinks(this.links);
    for (const { tag, href, title } of added) links[tag] = structuredClone({ href, title });
    this.links = links;
  }
}

/**
 * The live blocks lexed, their last one with its open syntax closed (`**bold` → `**bold**`). Only the last block is
 * still being written; the one before it, when it is still live too, is whole (a code block must not be "closed" again).
 */
function closeLastBlock(blocks: Token[], links: Links): Token[] {
  const last = lastContentIndex(blocks);
  const block = blocks[last];
  if (!block) return [];
  const before = blocks
    .slice(0, last)
    .map((t) => t.raw)
    .join('');
  return [...(before === '' ? [] : safeLex(before, links)), ...safeLex(closeOpenMarkdown(block.raw), links)];
}

/**
 * A first line (still coming) that can make its block part of the block above: a list marker or `>`, indented or not,
 * or only indentation so far. Indentation followed by a word is decided: the lexer has joined it above already or not.
 */
const MAY_JOIN_ABOVE = /^[ \t]*(?:[\d*+>-]|$)/;

/** The first of the blocks that run into the one at `index` with no blank line between. */
function groupStart(tokens: Token[], index: number): number {
  let start = index;
  while (start > 0 && tokens[start - 1]?.type !== 'space') start -= 1;
  return start;
}

/** The index of the last token before `end` that is not blank space; 0 when there is none. */
function lastContentIndex(tokens: Token[], end = tokens.length): number {
  for (let i = end - 1; i >= 0; i -= 1) if (tokens[i]?.type !== 'space') return i;
  return 0;
}

/**
 * Where the finished tokens end: before the live (last) block, and before the blocks it may yet turn out to belong to.
 * After a blank line, that is while its first line is still coming and begins as a line that can join the block above
 * ("3" may become "3. item" of a loose list, "  -" a nested item; a word joins nothing). Right under other blocks, it
 * is until its second line is complete: "#" interrupts a paragraph and "#x" does not, a table needs its delimiter row
 * ("|-" is one, "|-x" is not), an underline may turn out to be a list item. It costs re-lexing those blocks meanwhile.
 */
function finishedEnd(tokens: Token[]): number {
  const live = lastContentIndex(tokens);
  const raw = tokens[live]?.raw ?? '';
  const firstLineEnd = raw.indexOf('\n');
  const separated = tokens[live - 1]?.type === 'space';
  const undecided = separated
    ? firstLineEnd < 0 && MAY_JOIN_ABOVE.test(raw)
    : firstLineEnd < 0 || raw.indexOf('\n', firstLineEnd + 1) < 0;
  // Undecided, the blocks it may join stay live: those right above it with no blank line between (one can undo the
  // next: "x", "31) c", "  -" turn into one paragraph and a list), or after a blank line, the group above it.
  let end = undecided ? groupStart(tokens, separated ? lastContentIndex(tokens, live) : live) : live;
  // A display formula still open (`$$` opening a line, no closer yet): once it closes, everything from its line on
  // becomes one math block. It cannot span a blank line, so only the blocks since the last one can hold its opener.
  for (let i = end - 1; i >= 0 && tokens[i]?.type !== 'space'; i -= 1)
    if (tokens[i]?.type !== 'math' && hasDisplayMathOpener(tokens[i]?.raw ?? '')) end = i;
  return end;
}
