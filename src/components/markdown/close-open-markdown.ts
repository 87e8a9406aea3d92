/**
 * Completes the markdown of a block that is still streaming, so half-written syntax renders as what it
 * will become instead of flashing as raw characters: an open `**bold`, `*em`, `~~del` or `` `code`` is
 * closed, a marker with nothing after it yet is held back, a link whose URL is still arriving shows
 * as its text, and math still arriving (`$$`, `\[`, `\(` without its closer) is held back until it is whole.
 * Only the live last block is passed here; an open code fence already renders as code.
 */
export function closeOpenMarkdown(block: string): string {
  if (/^ {0,3}(```|~~~)/.test(block)) return block;
  let text = dropOpenLink(dropOpenMath(block)).replace(/(^|\s)(\*{1,3}|_{1,3}|~~|`)$/, '$1');

  if ((text.match(/`/g) ?? []).length % 2 === 1) return `${text}\``;
  const outsideCode = text.replace(/`[^`]*`/g, '');
  const closers: string[] = [];
  // Single markers first: they open inside the doubles ("**bold *it" → "**bold *it***").
  const singles = outsideCode.replace(/\*\*|__/g, '').replace(/^\s*[*-]\s/gm, '');
  if ((singles.match(/\*/g) ?? []).length % 2 === 1) closers.push('*');
  if ((singles.match(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu) ?? []).length % 2 === 1) closers.push('_');
  for (const marker of ['**', '__', '~~']) {
    if (outsideCode.split(marker).length % 2 === 0) closers.push(marker);
  }
  text = closers.length > 0 ? text.trimEnd() : text;
  return text + closers.join('');
}

/**
 * `[text](url-still-arriving` becomes `text`, and a `[` not closed yet on the last line is dropped. With string
 * searches, not a regular expression: `\[[^\]\n]*\]\(` retried at each of 100,000 `[` scans the text each time.
 */
function dropOpenLink(text: string): string {
  // The URL runs to the end without `)` or a space; its `](` opens that run.
  let urlStart = text.length;
  while (urlStart > 0 && !/[)\s]/.test(text[urlStart - 1] as string)) urlStart -= 1;
  const close = text.indexOf('](', urlStart);
  if (close >= 0) {
    const open = text.lastIndexOf('[', close);
    if (open >= 0 && !/[\]\n]/.test(text.slice(open + 1, close)))
      return text.slice(0, open) + text.slice(open + 1, close);
  }
  const lineStart = Math.max(text.lastIndexOf(']'), text.lastIndexOf('\n')) + 1;
  const open = text.indexOf('[', lineStart);
  return open < 0 ? text : text.slice(0, open) + text.slice(open + 1);
}

/**
 * The text before math that is still open: its TeX would flash as raw `$$\frac{a}{` and then turn into a formula. A
 * single `$` is left alone, since it may be a price ("$5"). One pass; code spans are skipped.
 */
function dropOpenMath(text: string): string {
  if (!text.includes('$$') && !text.includes('\\')) return text;
  let open = -1;
  let closer = '';
  let inCode = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '`' && open < 0) inCode = !inCode;
    if (inCode || (char !== '$' && char !== '\\')) continue;
    const pair = char + (text[i + 1] ?? '');
    if (open >= 0 && pair === closer) {
      open = -1;
    } else if (open < 0 && (pair === '$$' || pair === '\\(' || (pair === '\\[' && (i === 0 || text[i - 1] === '\n')))) {
      open = i;
      closer = pair === '$$' ? '$$' : pair === '\\(' ? '\\)' : '\\]';
    } else if (char === '$') {
      continue;
    }
    i += 1; // past the pair; an escaped character opens and closes nothing
  }
  return open < 0 ? text : text.slice(0, open).trimEnd();
}
