import type { Token } from 'marked';
import { describe, expect, it } from 'vitest';
import type { MathToken } from '../../../src/components/markdown/math-syntax.js';
import { safeLex } from '../../../src/components/markdown/safe-lex.js';

/** Every math token in the text, as `display:tex` or `inline:tex`, in order. */
function formulas(markdown: string): string[] {
  const found: string[] = [];
  const walk = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'math') {
        const math = token as unknown as MathToken;
        found.push(`${math.display ? 'display' : 'inline'}:${math.text}`);
      }
      const generic = token as { tokens?: Token[]; items?: { tokens: Token[] }[]; rows?: { tokens: Token[] }[][] };
      if (generic.tokens) walk(generic.tokens);
      for (const item of generic.items ?? []) walk(item.tokens);
      for (const row of generic.rows ?? []) for (const cell of row) walk(cell.tokens);
    }
  };
  walk(safeLex(markdown));
  return found;
}

describe('math in model text', () => {
  it.each([
    ['$$\\frac{a}{b}$$', ['display:\\frac{a}{b}']],
    ['$$\nx = 1\n$$\n\nafter', ['display:x = 1']],
    ['\\[\na+b\n\\]', ['display:a+b']],
    ['Inline $x^2$, \\(y\\) and $$z$$ here.', ['inline:x^2', 'inline:y', 'display:z']],
    ['Mid-paragraph:\n\\[ c \\]\nafter', ['display:c']],
    ['| a |\n|---|\n| $x$ |', ['inline:x']],
    ['- item $x$', ['inline:x']],
    ['the $n$-th term', ['inline:n']],
    ['$\\text{\\$5}$', ['inline:\\text{\\$5}']],
  ])('%j has %j', (markdown, expected) => {
    expect(formulas(markdown)).toEqual(expected);
  });

  it.each([
    'It costs $5 and $10 today.',
    'Between $5-$10, or $3,$4.',
    '$ 5 $ with spaces inside',
    'Escaped \\$x\\$ stays text',
    'In code: `$x$` and\n\n```\n$$y$$\n```',
    'array\\[0\\] is an index, not math',
    'Unclosed $$x and \\(y',
    'One line $x\nthen y$',
    '$$$$',
  ])('%j has none', (markdown) => {
    expect(formulas(markdown)).toEqual([]);
  });

  it('a formula after a line of text ends the paragraph, so its own lines stay TeX', () => {
    const tokens = safeLex('The formula:\n$$\nx^2\n- 2x + 1\n$$\nend');
    expect(tokens.map((t) => t.type)).toEqual(['paragraph', 'math', 'paragraph']);
    expect((tokens[1] as unknown as MathToken).text).toBe('x^2\n- 2x + 1');
  });

  it("the tokens' raw text is the input, which streaming relies on", () => {
    const text = 'A $x$ b\n\n$$\ny\n$$\n\nText:\n\\[ z \\]\n\n$$ w $$ tail';
    expect(
      safeLex(text)
        .map((t) => t.raw)
        .join(''),
    ).toBe(text);
  });

  it('math a text run longer than the lookahead window still finds', () => {
    expect(formulas(`${'word '.repeat(100)}$x$`)).toEqual(['inline:x']);
  });

  it('a block with thousands of formulas renders as written (bounded lexing)', () => {
    expect(formulas('$x$'.repeat(2000))).toEqual([]);
    expect(safeLex('$x$'.repeat(2000))[0]?.type).toBe('plain-block');
  });
});
