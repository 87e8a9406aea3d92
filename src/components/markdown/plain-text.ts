import type { Token, Tokens } from 'marked';
import { safeLex } from './safe-lex.js';

/** The words of markdown without its syntax, for a screen-reader announcement. */
export function markdownToPlainText(markdown: string): string {
  return collect(safeLex(markdown)).replace(/\s+/g, ' ').trim();
}

/** Blocks are separated by a space; inline parts of one block join as they are. */
function collect(tokens: readonly Token[], separator = ' '): string {
  return tokens.map(textOf).join(separator);
}

function textOf(token: Token): string {
  const t = token as Tokens.Generic;
  switch (token.type) {
    case 'list':
      return (t as Tokens.List).items.map((item) => collect(item.tokens)).join(' ');
    case 'table': {
      const table = t as Tokens.Table;
      return [table.header, ...table.rows].flatMap((row) => row.map((cell) => collect(cell.tokens, ''))).join(' ');
    }
    case 'space':
    case 'hr':
    case 'def':
      return '';
    default:
      if (Array.isArray(t.tokens)) return collect(t.tokens as Token[], token.type === 'blockquote' ? ' ' : '');
      return typeof t.text === 'string' ? t.text : '';
  }
}
