import { render } from '@testing-library/react';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BlockCache } from '../../../src/components/markdown/block-cache.js';
import { closeOpenMarkdown } from '../../../src/components/markdown/close-open-markdown.js';
import { Markdown } from '../../../src/components/markdown/Markdown.js';
import { markdownToPlainText } from '../../../src/components/markdown/plain-text.js';
import { safeLex } from '../../../src/components/markdown/safe-lex.js';
import { webUrl } from '../../../src/components/markdown/safe-url.js';
import { loadLazyParts } from '../../support/lazy-parts.js';

// Code is coloured and formulas are MathML from their first render, as in a chat that has shown them before.
beforeAll(loadLazyParts);

describe('webUrl', () => {
  it.each([
    ['https://example.com/a?b=c', 'example.com'],
    ['http://x.test', 'x.test'],
    [' https://docs.example.org:8443/p ', 'docs.example.org:8443'],
  ])('keeps %s, whose host is %s', (url, host) => {
    expect(webUrl(url)).toMatchObject({ href: new URL(url.trim()).href, host });
  });
  it.each([
    'mailto:a@b.test',
    '/relative/path',
    '#anchor',
    'page.html',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '//evil.test/x',
  ])('refuses %j', (url) => {
    expect(webUrl(url)).toBeNull();
  });
});

describe('closeOpenMarkdown', () => {
  it.each([
    ['Some **bold', 'Some **bold**'],
    ['Some *em', 'Some *em*'],
    ['**bold *both', '**bold *both***'],
    ['~~gone', '~~gone~~'],
    ['run `npm', 'run `npm`'],
    ['see [the docs](https://exa', 'see the docs'],
    ['see [the do', 'see the do'],
    ['trailing **', 'trailing '],
    ['- item one\n- item *two', '- item one\n- item *two*'],
    ['snake_case_name stays', 'snake_case_name stays'],
    ['complete **bold** text', 'complete **bold** text'],
    ['```js\nconst a = "**"', '```js\nconst a = "**"'],
    ['The formula:\n\n$$\n\\frac{a}{', 'The formula:'],
    ['So $$x$$ and $$\\frac{', 'So $$x$$ and'],
    ['Inline \\(x^', 'Inline'],
    ['Done: $$x$$', 'Done: $$x$$'],
    ['Costs $5 and $', 'Costs $5 and $'],
    ['`$$` is a code span', '`$$` is a code span'],
    ['array\\[0\\] and \\[1', 'array\\[0\\] and \\1'],
  ])('%j → %j', (input, expected) => {
    expect(closeOpenMarkdown(input)).toBe(expected);
  });
});

describe('BlockCache', () => {
  it('keeps finished blocks as the same objects and lexes only the live block', () => {
    const cache = new BlockCache();
    // While the live block's first line is still coming and may join the block before it, that block stays live.
    expect(cache.update('# Title\n\n1', true).stable).toEqual([]);
    cache.update('# Title\n\nFirst', true);
    const first = cache.update('# Title\n\nFirst para\ngraph', true);
    expect(first.stable.map((b) => b.raw)).toEqual(['# Title\n\n']);
    expect(first.live.map((t) => t.type)).toEqual(['paragraph']);
    const second = cache.update('# Title\n\nFirst para\ngraph.\n\nSecond\nline', true);
    expect(second.stable[0]).toBe(first.stable[0]);
    expect(second.stable.map((b) => safeLex(b.raw).map((t) => t.type))).toEqual([
      ['heading', 'space'],
      ['paragraph', 'space'],
    ]);
    const done = cache.update('# Title\n\nFirst para\ngraph.\n\nSecond\nline one.', false);
    expect(done.live).toEqual([]);
    expect(done.stable.at(-1)?.raw).toBe('Second\nline one.');
  });

  it('resolves a reference link whose definition is in another block, before or after it, and a `__proto__` tag is a tag', () => {
    const text =
      'As [the guide][1] says.\n\nMore text.\n\n[1]: https://example.com/guide\n\nSee [the guide][1] and [odd][__proto__].\n\n[__proto__]: https://example.com/odd';
    const { container } = render(<Markdown>{text}</Markdown>);
    const links = [...container.querySelectorAll('a')].map((a) => [a.firstChild?.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['the guide', 'https://example.com/guide'],
      ['the guide', 'https://example.com/guide'],
      ['odd', 'https://example.com/odd'],
    ]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('while streaming, a finished block with a reference becomes a link once the definition has come', () => {
    const start = 'As [the guide][1] says.\n\nMore text.\n\n';
    const { container, rerender } = render(<Markdown streaming>{start}</Markdown>);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('[the guide][1]');
    rerender(<Markdown streaming>{`${start}[1]: https://example.com/guide\n\nNext line\nand`}</Markdown>);
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://example.com/guide');
    expect(container.textContent).not.toContain('[1]');
  });

  it('starts over when the text is replaced', () => {
    const cache = new BlockCache();
    cache.update('Old answer.\n\nMore', true);
    const fresh = cache.update('New', true);
    expect(fresh.stable).toEqual([]);
    expect(fresh.live[0]?.raw).toBe('New');
  });
});

describe('Markdown', () => {
  it('renders GFM: headings, lists, task items, tables, code with its language', () => {
    const { container } = render(
      <Markdown>
        {
          '## Plan\n\n- [x] done\n- [ ] todo\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```\n\n~~old~~ `inline`'
        }
      </Markdown>,
    );
    expect(container.querySelector('h3')).toHaveTextContent('Plan');
    expect(container.querySelectorAll('input[type="checkbox"]')).toHaveLength(2);
    // Its columns' alignment is CSS, measured in the browser: the MarkdownAnswer story of StreamingMessageBubble.
    expect([...container.querySelectorAll('th, td')].map((cell) => cell.textContent)).toEqual(['a', 'b', '1', '2']);
    expect(container.querySelector('[data-slot="code-block-language"]')).toHaveTextContent('ts');
    expect(container.querySelector('[data-slot="code-block"]')).toHaveAttribute('data-state', 'highlighted');
    expect(container.querySelector('pre code')).toHaveTextContent('const x = 1;');
    expect(container.querySelector('del')).toHaveTextContent('old');
  });

  it('never shows half-written syntax while streaming', () => {
    const { container, rerender } = render(<Markdown streaming>{'Use **bold'}</Markdown>);
    expect(container.querySelector('strong')).toHaveTextContent('bold');
    expect(container.textContent).not.toContain('**');
    rerender(<Markdown streaming>{'Code:\n\n```python\nprint("hi")'}</Markdown>);
    expect(container.querySelector('pre code')).toHaveTextContent('print("hi")');
    expect(container.textContent).not.toContain('```');
  });

  it('marks itself as streaming for the caret', () => {
    const { container, rerender } = render(<Markdown streaming>{'Hi'}</Markdown>);
    expect(container.firstElementChild).toHaveAttribute('data-streaming');
    rerender(<Markdown>{'Hi'}</Markdown>);
    expect(container.firstElementChild).not.toHaveAttribute('data-streaming');
  });

  // Found while building the soak's markup check: a list counted as finished as soon as a later block began, and "3"
  // alone is a paragraph, not yet an item, so a frame ending on the digit of a loose list's next item cached the list
  // and the answer showed two lists (1–2, then one from 3). A host that keeps one bubble per message kept it for good.
  it('renders a finished answer as its markdown rendered fresh, wherever the stream paused', () => {
    const text = 'Steps:\n\n1. Open the stream.\n2. Read each event.\n\n3. Resume after a cut.';
    const { container, rerender } = render(<Markdown streaming>{text.slice(0, text.indexOf('3') + 1)}</Markdown>);
    rerender(<Markdown>{text}</Markdown>);
    const fresh = render(<Markdown>{text}</Markdown>).container;
    expect(container.querySelectorAll('ol')).toHaveLength(1);
    expect(container.innerHTML).toBe(fresh.innerHTML);
  });

  it.each([
    ['a loose ordered list', 'Steps:\n\n1. Open.\n\n2. Read.\n\n10) Resume.\n\n11) Done.'],
    ['a loose bullet list', '- one\n\n- two\n\n* three\n\n+ four'],
    ['a quote and its lazy line', '> quoted\nlazy line\n\nAfter.'],
    ['a heading made by its underline', 'Intro.\n\nTitle\n---\n\nBody.'],
    ['a table after a paragraph', 'Plans:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nEnd.'],
    ['a list item going on after a blank line', '- item\n\n  more of the item\n\nAfter the list.'],
    ['indented code after a blank line', 'Intro.\n\n    code line\n\n    more code\n\nEnd.'],
    ['a paragraph after a list', '- one\n- two\n\nWords after the list.\n\n1. again'],
    ['two quotes', '> one\n\n> two\n\nEnd.'],
    ['list markers that turn out to go on a paragraph', 'x\n31) c\n  - n\n\nEnd.'],
    ['a table under a paragraph that turns out not to be one', 'Intro\n  indented\n|---|---|\nEnd.'],
  ])('renders %s streamed one character at a time as it renders fresh', (_, text) => {
    const { container, rerender } = render(<Markdown streaming>{''}</Markdown>);
    for (let end = 1; end <= text.length; end++) rerender(<Markdown streaming>{text.slice(0, end)}</Markdown>);
    rerender(<Markdown>{text}</Markdown>);
    expect(container.innerHTML).toBe(render(<Markdown>{text}</Markdown>).container.innerHTML);
  });
});

describe('Markdown streamed in pieces', () => {
  const pieces = fc.constantFrom(
    '- a\n',
    '1. b\n',
    '3',
    '.',
    '\n',
    '\n\n',
    'word ',
    'Word',
    '  indented\n',
    '    code\n',
    '> q\n',
    '# H\n',
    '---\n',
    '===\n',
    '```\n',
    '| a | b |\n',
    '|---|---|\n',
    '[1]: https://x.test\n',
    '[x][1] ',
    '`c`',
    '*e*',
    '**s',
    '$x$',
    '\\[',
    '\\]\n',
    '~~~\n',
    '1) c\n',
    '+ d\n',
    '#',
    'x\n',
    '<!--',
    '-->\n',
    ' word',
    '  - n\n',
    '   3',
    '  ',
    '$$\n',
    ' ',
  );
  it('renders every answer, wherever the stream paused, as it renders fresh once finished', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.array(fc.nat(250), { maxLength: 16 }), (parts, cuts) => {
        const text = parts.join('');
        const { container, rerender, unmount } = render(<Markdown streaming>{''}</Markdown>);
        for (const end of [...cuts].sort((a, b) => a - b))
          rerender(<Markdown streaming>{text.slice(0, end)}</Markdown>);
        rerender(<Markdown>{text}</Markdown>);
        const streamed = container.innerHTML;
        unmount();
        const fresh = render(<Markdown>{text}</Markdown>);
        expect(streamed).toBe(fresh.container.innerHTML);
        fresh.unmount();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  }, 120_000);
});

describe('markdownToPlainText', () => {
  it('keeps the words and drops the syntax', () => {
    expect(
      markdownToPlainText(
        '## Title\n\nUse **bold**, `code` and [a link](https://x.test).\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |',
      ),
    ).toBe('Title Use bold, code and a link. one two a b 1 2');
  });
});
