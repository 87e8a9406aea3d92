import { answerTokens } from '../content.ts';
import type { Content } from './protocol.ts';

/*
 * The answers the peers render: the bench's seeded words (bench/content.ts), as prose with a link and a list per
 * paragraph, one long code block, or a long table, each followed by the 4-character tokens that extend it.
 */

/** One paragraph of prose with a link, then a short list. */
export function proseParagraph(index: number): string {
  const words = answerTokens(45, index + 100)
    .join('')
    .trim();
  return `${words}, as [the guide](https://example.com/guide/${index}) says.\n\n- first point ${index}\n- second point with \`code\`\n- third point`;
}

const codeLine = (index: number): string => `const line${index} = await stream(request, ${index}); // step ${index}\n`;
const tableRow = (index: number): string => `| ${index} | token ${index} | ${index * 7} ms |\n`;

/** The answer before the measured tokens. A code block or a table is left open: the tokens extend it. */
export function answerSoFar(content: Content): string {
  if (content.kind === 'code')
    return `\`\`\`ts\n${Array.from({ length: content.lines }, (_, i) => codeLine(i)).join('')}`;
  if (content.kind === 'table')
    return `| # | name | time |\n| --- | --- | --- |\n${Array.from({ length: content.rows }, (_, i) => tableRow(i)).join('')}`;
  return `${Array.from({ length: content.paragraphs }, (_, i) => proseParagraph(i)).join('\n\n')}\n\n`;
}

/** What comes next, cut into `count` tokens of 4 characters (code points: an emoji is never split). */
export function nextTokens(content: Content, count: number): string[] {
  const next = (i: number): string =>
    content.kind === 'code'
      ? codeLine(100_000 + i)
      : content.kind === 'table'
        ? tableRow(100_000 + i)
        : answerTokens(40, 7 + i).join('');
  const chars: string[] = [];
  for (let i = 0; chars.length < count * 4; i += 1) chars.push(...Array.from(next(i)));
  return Array.from({ length: count }, (_, i) => chars.slice(i * 4, i * 4 + 4).join(''));
}

/** A short name for tables and logs: "prose 400", "code 2000 lines", "table 300 rows". */
export function contentName(content: Content): string {
  if (content.kind === 'code') return `code ${content.lines} lines`;
  if (content.kind === 'table') return `table ${content.rows} rows`;
  return `prose ${content.paragraphs}`;
}
