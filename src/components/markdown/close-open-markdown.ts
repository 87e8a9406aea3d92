/**
 * Completes the markdown of a block that is still streaming, so half-written syntax renders as what it
 * will become instead of flashing as raw characters: an open `**bold`, `*em`, `~~del` or `` `code`` is
 * closed, a marker with nothing after it yet is held back, and a link whose URL is still arriving shows
 * as its text. Only the live last block is passed here; an open code fence already renders as code.
 */
export function closeOpenMarkdown(block: string): string {
  if (/^ {0,3}(```|~~~)/.test(block)) return block;
  let text = block
    .replace(/\[([^\]\n]*)\]\([^)\s]*$/, '$1')
    .replace(/\[([^\]\n]*)$/, '$1')
    .replace(/(^|\s)(\*{1,3}|_{1,3}|~~|`)$/, '$1');

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
