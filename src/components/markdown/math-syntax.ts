import type { MarkedOptions, Token, TokenizerThis } from 'marked';

/** TeX in model text: `$$…$$` and `\[…\]` display math, `$…$` and `\(…\)` inline. */
export interface MathToken {
  type: 'math';
  raw: string;
  /** The TeX between the delimiters, trimmed. */
  text: string;
  /** Display math (its own centred line) rather than inline. */
  display: boolean;
}

const DOLLAR = 36;
const BACKSLASH = 92;

/** Whether the character at `index` is escaped by an odd run of backslashes before it. */
function escaped(src: string, index: number): boolean {
  let run = 0;
  while (index - run - 1 >= 0 && src.charCodeAt(index - run - 1) === BACKSLASH) run += 1;
  return run % 2 === 1;
}

/**
 * The first unescaped `$` at or after `from`, or -1. It always ends the math that a `$` or `$$` opened (as in TeX),
 * which keeps every search linear: a `$` that fails to close ends the search, and the next one starts there.
 */
function nextDollar(src: string, from: number): number {
  for (let i = src.indexOf('$', from); i >= 0; i = src.indexOf('$', i + 1)) if (!escaped(src, i)) return i;
  return -1;
}

/**
 * The `\)` (or `\]`) at or after `from` that closes a `\(` (or `\[`), or -1 when another opener comes first (math does
 * not nest, and stopping there keeps the search linear) or none does.
 */
function closingBracket(src: string, from: number, close: ')' | ']'): number {
  const open = close === ')' ? '(' : '[';
  for (let i = src.indexOf('\\', from); i >= 0; i = src.indexOf('\\', i + 2)) {
    const next = src[i + 1];
    if (next === close) return i;
    if (next === open) return -1;
  }
  return -1;
}

const math = (raw: string, tex: string, display: boolean): MathToken | undefined => {
  const text = tex.trim();
  return text === '' ? undefined : { type: 'math', raw, text, display };
};

/** Inline `$$…$$`: display math inside a paragraph. */
function doubleDollar(src: string): MathToken | undefined {
  const end = nextDollar(src, 2);
  if (end < 0 || src.charCodeAt(end + 1) !== DOLLAR) return undefined;
  return math(src.slice(0, end + 2), src.slice(2, end), true);
}

/**
 * Inline `$…$`, by pandoc's rule, so prices stay prose ("$5 and $10"): the opening `$` is followed by a non-space,
 * the closing one (the next `$`, on the same line) follows a non-space and is not followed by a digit.
 */
function singleDollar(src: string): MathToken | undefined {
  if (/^\$[\s$]/.test(src) || src.length < 3) return undefined;
  const end = nextDollar(src, 1);
  if (end < 0 || /\s/.test(src[end - 1] as string) || /\d/.test(src[end + 1] ?? '')) return undefined;
  const tex = src.slice(1, end);
  return tex.includes('\n') ? undefined : math(src.slice(0, end + 1), tex, false);
}

/** Whether the inline text so far ends a line: `\[` counts as display math only there, so `a\[0\]` stays text. */
function atLineStart(tokens: readonly Token[]): boolean {
  const last = tokens.at(-1);
  return last === undefined || last.raw.endsWith('\n');
}

function inlineMath(this: TokenizerThis, src: string, tokens: Token[]): MathToken | undefined {
  const first = src.charCodeAt(0);
  if (first === DOLLAR) return src.charCodeAt(1) === DOLLAR ? doubleDollar(src) : singleDollar(src);
  if (first !== BACKSLASH) return undefined;
  const kind = src[1];
  if (kind !== '(' && !(kind === '[' && atLineStart(tokens))) return undefined;
  const end = closingBracket(src, 2, kind === '(' ? ')' : ']');
  return end < 0 ? undefined : math(src.slice(0, end + 2), src.slice(2, end), kind === '[');
}

/** Text runs are cut at a word start at most this far on, so that a `$` further on is still seen (see `inlineStart`). */
const TEXT_WINDOW = 256;

/**
 * Where math may start in `src`, so marked's text tokenizer stops there (it does not know `$`). Looks only
 * `TEXT_WINDOW` characters ahead: searching the whole rest of the paragraph at every text run would cost the square
 * of its length. Without a `$` in reach, the run is cut after a space (never inside a URL, an address or a line
 * break's spaces), and the search goes on from there.
 */
function inlineStart(src: string): number | undefined {
  if (src.length <= TEXT_WINDOW) {
    const dollar = src.indexOf('$');
    return dollar < 0 ? undefined : dollar;
  }
  const window = src.slice(0, TEXT_WINDOW);
  const dollar = window.indexOf('$');
  if (dollar >= 0) return dollar;
  for (let space = window.lastIndexOf(' '); space >= 0; space = window.lastIndexOf(' ', space - 1)) {
    if (!/\s/.test(src[space + 1] as string)) return space + 1;
    if (space === 0) break;
  }
  return undefined;
}

const BLOCK_OPENER = /^ {0,3}(\$\$|\\\[)/;
const REST_OF_LINE = /^[ \t]*(?:\n|$)/;
const BLANK_LINE = /\n[ \t]*\n/;

/**
 * A block that is display math: `$$` or `\[` opening a line, the closer ending one, no blank line between. Inside a
 * paragraph the same math is inline `$$…$$` (or `\[…\]` at a line start), rendered alike.
 */
function blockMath(this: TokenizerThis, src: string): MathToken | undefined {
  const opener = BLOCK_OPENER.exec(src);
  if (!opener) return undefined;
  const start = opener[0].length;
  const dollars = opener[1] === '$$';
  const end = dollars ? nextDollar(src, start) : closingBracket(src, start, ']');
  if (end < 0 || (dollars && src.charCodeAt(end + 1) !== DOLLAR)) return undefined;
  const tex = src.slice(start, end);
  const rest = REST_OF_LINE.exec(src.slice(end + 2));
  if (!rest || BLANK_LINE.test(tex)) return undefined;
  return math(src.slice(0, end + 2 + rest[0].length), tex, true);
}

const INTERRUPTING_OPENER = /\n {0,3}(?:\$\$|\\\[)/g;

const OPENER_LINE = /(?:^|\n) {0,3}(?:\$\$|\\\[)/;

/** Whether `text` has a line that opens display math as `blockMath` reads one (closed or not). */
export const hasDisplayMathOpener = (text: string): boolean => OPENER_LINE.test(text);

/** How far into a paragraph a display-math line still ends it (see `blockStart`). */
const PARAGRAPH_WINDOW = 500;
/** How far past its opener a display formula ending a paragraph must close (a little over the TeX MathView renders). */
const FORMULA_WINDOW = 2100;

/**
 * Where display math may start, so a paragraph ends before a `$$` line instead of taking it in (where a line of the
 * TeX such as `- 2x` would start a list). Only for top-level paragraphs (in lists and quotes every line start is tried
 * anyway), only `PARAGRAPH_WINDOW` characters ahead, and only where `blockMath` will succeed: marked joins a paragraph
 * it was told to end with the next one when nothing else matches there, re-reading the whole joined text each time.
 */
function blockStart(this: TokenizerThis, src: string): number | undefined {
  if (!this.lexer.state.top) return undefined;
  const window = src.slice(0, PARAGRAPH_WINDOW);
  // Up to the paragraph's end, a blank line: openers in the paragraphs after it are theirs to find.
  const blank = window.search(BLANK_LINE);
  for (const opener of (blank < 0 ? window : window.slice(0, blank)).matchAll(INTERRUPTING_OPENER)) {
    const at = opener.index + 1;
    const formula = src.slice(at, at + FORMULA_WINDOW);
    const token = blockMath.call(this, formula);
    if (token && (token.raw.endsWith('\n') || at + formula.length === src.length)) return at;
  }
  return undefined;
}

/** The lexer options that add math to marked's GFM (for `Lexer.lex`). */
export const mathExtensions: NonNullable<MarkedOptions['extensions']> = {
  renderers: {},
  childTokens: {},
  block: [blockMath],
  startBlock: [blockStart],
  inline: [inlineMath],
  startInline: [inlineStart],
};
