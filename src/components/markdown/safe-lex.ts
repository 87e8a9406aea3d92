import { Lexer, type Links, type MarkedOptions, type Token } from 'marked';
import { mathExtensions } from './math-syntax.js';

/**
 * Markers opening a line (quote `>`, list bullets and numbers) or columns of indentation beyond which nesting is no
 * longer structure a reader can follow but an attack on the parser: marked's block lexer recurses per level (20,000
 * `>` overflow the stack) and its list lexer grows superlinearly with depth.
 */
const MAX_NESTING = 16;
const MAX_INDENT_COLUMNS = 64;
/**
 * Inline markers (`*`, `_`, `` ` ``, `~`, `[`, `]`, `!`, and math's `$` and `\`) in one block beyond which marked's
 * delimiter and link matching grow superlinearly (`*a` × 20,000 took 0.9 s; `!a` × 20,000 0.45 s, each `!` ending a
 * text run whose look-ahead for an email address reads the rest of the run), or a block would hold thousands of
 * formulas (`$x$` × 30,000 took 0.6 s); a real paragraph has a few dozen.
 */
const MAX_INLINE_MARKERS = 1000;
/** List items in one block beyond which marked's list lexer grows superlinearly (found by the fuzz test). */
const MAX_LIST_ITEMS = 500;

/** A block of model text shown as it was written, because parsing it as markdown would cost too much. */
export interface PlainBlockToken {
  type: 'plain-block';
  raw: string;
  text: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LEADING_MARKERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;

function indentColumns(line: string): number {
  let columns = 0;
  for (const char of line) {
    if (char === ' ') columns += 1;
    else if (char === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

function countMarkers(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // * _ ` ~ [ ] ! $ \
    if (c === 42 || c === 95 || c === 96 || c === 126 || c === 91 || c === 93 || c === 33 || c === 36 || c === 92)
      count += 1;
  }
  return count;
}

function nesting(line: string): number {
  const run = LEADING_MARKERS.exec(line)?.[0] ?? '';
  let depth = 0;
  for (const token of run.matchAll(/>|[-*+]|\d{1,9}[.)]/g)) if (token[0] !== undefined) depth += 1;
  return depth;
}

/** Where the line closing a fence opened by `opening` ends, searching from `from`; the text's end when none does. */
function afterClosingFence(markdown: string, from: number, opening: string): number {
  const closer = new RegExp(`^ {0,3}${opening[0] === '`' ? '`' : '~'}{${opening.length},}`, 'gm');
  closer.lastIndex = from;
  const found = closer.exec(markdown);
  if (!found) return markdown.length;
  const lineEnd = markdown.indexOf('\n', found.index);
  return lineEnd < 0 ? markdown.length : lineEnd + 1;
}

/**
 * The text cut into blocks (at blank lines outside code fences, each keeping the blank lines after it), each marked
 * when it is pathological. One linear pass; a fence's lines are passed over by one search for its closer.
 */
function blocksOf(markdown: string): { text: string; pathological: boolean }[] {
  const blocks: { text: string; pathological: boolean }[] = [];
  let start = 0;
  let markers = 0;
  let items = 0;
  let pathological = false;
  let blank = false;
  for (let at = 0; at < markdown.length;) {
    const newline = markdown.indexOf('\n', at);
    const end = newline < 0 ? markdown.length : newline + 1;
    const line = markdown.slice(at, end);
    const isBlank = line.trim() === '';
    if (!isBlank && blank && at > start) {
      blocks.push({ text: markdown.slice(start, at), pathological });
      start = at;
      markers = 0;
      items = 0;
      pathological = false;
    }
    blank = isBlank;
    const opening = FENCE.exec(line)?.[1];
    if (opening) {
      at = afterClosingFence(markdown, end, opening);
      blank = false;
      continue;
    }
    at = end;
    markers += countMarkers(line);
    const depth = nesting(line);
    if (depth > 0) items += 1;
    if (
      markers > MAX_INLINE_MARKERS ||
      items > MAX_LIST_ITEMS ||
      depth > MAX_NESTING ||
      indentColumns(line) > MAX_INDENT_COLUMNS
    )
      pathological = true;
  }
  if (start < markdown.length) blocks.push({ text: markdown.slice(start), pathological });
  return blocks;
}

/** GFM with TeX math (math-syntax.ts). */
const OPTIONS: MarkedOptions = { gfm: true, extensions: mathExtensions };

/** Reference definitions keyed by the model's tags: no prototype, so a tag such as `__proto__` is just a tag. */
export const emptyLinks = (from?: Links): Links => Object.assign(Object.create(null) as Links, from);

/**
 * Lexes GFM, with `links` known beforehand and every definition the text adds written into it. `inline` false: the
 * blocks alone (their type and raw text; their inline tokens are not read), as marked's block pass finds them.
 */
function lexGfm(markdown: string, links: Links, inline: boolean): Token[] {
  const lexer = new Lexer(OPTIONS);
  Object.assign(lexer.tokens.links, links);
  const tokens = inline ? lexer.lex(markdown) : lexer.blockTokens(markdown.replace(/\r\n|\r/g, '\n'), lexer.tokens);
  Object.assign(links, lexer.tokens.links);
  return tokens;
}

/** Text no longer than this holds neither more inline markers nor more list items than a block may. */
const SHORT = Math.min(MAX_INLINE_MARKERS, 2 * MAX_LIST_ITEMS);
/** A line opening with more markers than `MAX_NESTING` (a loose superset of `nesting`'s count). */
const DEEP_LINE = new RegExp(`^(?:[ \\t]*(?:>|[-*+]|\\d{1,9}[.)])){${MAX_NESTING + 1}}`, 'm');
/** A line whose indentation may pass `MAX_INDENT_COLUMNS` (a tab is at most 4 columns). */
const DEEP_INDENT = new RegExp(`^[ \\t]{${MAX_INDENT_COLUMNS / 4 + 1},}`, 'm');

/** Short text with no deep line: none of its blocks can be pathological (the live block of an answer, mostly). */
const isShallow = (markdown: string): boolean =>
  markdown.length <= SHORT && !DEEP_LINE.test(markdown) && !DEEP_INDENT.test(markdown);

function lexBounded(markdown: string, links: Links | undefined, inline: boolean): Token[] {
  const known = emptyLinks(links);
  const blocks = isShallow(markdown) ? [] : blocksOf(markdown);
  if (!blocks.some((block) => block.pathological)) return lexGfm(markdown, known, inline);
  const tokens: Token[] = [];
  let normal = '';
  const flush = () => {
    if (normal !== '') tokens.push(...lexGfm(normal, known, inline));
    normal = '';
  };
  for (const block of blocks) {
    if (!block.pathological) {
      normal += block.text;
      continue;
    }
    flush();
    const plain: PlainBlockToken = { type: 'plain-block', raw: block.text, text: block.text.trimEnd() };
    tokens.push(plain as unknown as Token);
  }
  flush();
  return tokens;
}

/**
 * Lexes model text as GFM with math, bounded: the work is linear in the text whatever it holds. Text without a pathological
 * block is lexed as a whole, exactly as marked would; a pathological block (nesting too deep, too many inline
 * markers or list items) becomes a `plain-block` token shown as written, and the text around it is lexed as usual. The tokens' raw
 * text still joins into the input. `links`: reference definitions (`[1]: https://…`) from text lexed before, so a
 * block lexed alone still resolves `[1]`.
 */
export const safeLex = (markdown: string, links?: Links): Token[] => lexBounded(markdown, links, true);

/** The top-level blocks `safeLex` would find, without lexing their text: for where blocks begin and end. */
export const safeLexBlocks = (markdown: string, links?: Links): Token[] => lexBounded(markdown, links, false);
