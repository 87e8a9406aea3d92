import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { refractor } from 'refractor/core';
import { describe, expect, it, vi } from 'vitest';
import { grammarFor, grammarNames } from '../../../src/components/markdown/code-languages.js';
import { Markdown } from '../../../src/components/markdown/Markdown.js';

const codeBlock = (container: HTMLElement, index = 0) =>
  container.querySelectorAll<HTMLElement>('[data-slot="code-block"]')[index] as HTMLElement;

const highlighted = (block: HTMLElement) =>
  waitFor(() => expect(block).toHaveAttribute('data-state', 'highlighted'), { timeout: 5000 });

describe('CodeBlock highlighting', () => {
  it('shows the code as plain text at once, then coloured tokens once the highlighter has loaded', async () => {
    const { container } = render(<Markdown>{'```ts\nconst answer: number = 42; // why\n```'}</Markdown>);
    const block = codeBlock(container);
    // The first render, before any chunk can have arrived: the whole code, as text.
    expect(block.querySelector('code')).toHaveTextContent('const answer: number = 42; // why');
    await highlighted(block);
    const code = block.querySelector('code') as HTMLElement;
    expect(code.textContent).toBe('const answer: number = 42; // why');
    expect(code.querySelector('.pc\\:text-code-keyword')).toHaveTextContent('const');
    expect(code.querySelector('.pc\\:text-code-number')).toHaveTextContent('42');
    expect(code.querySelector('.pc\\:text-code-comment')).toHaveTextContent('// why');
  });

  it('renders hostile code as text: tokens are elements, never parsed markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>\n<script>alert(2)</script>';
    const { container } = render(<Markdown>{`\`\`\`html\n${hostile}\n\`\`\``}</Markdown>);
    const block = codeBlock(container);
    await highlighted(block);
    expect(container.querySelector('img, script')).toBeNull();
    expect(block.querySelector('code')?.textContent).toBe(hostile);
    expect(block.querySelector('.pc\\:text-code-tag')).not.toBeNull();
    // Only spans with our colour classes inside the code.
    for (const element of block.querySelectorAll('code *')) {
      expect(element.tagName).toBe('SPAN');
      expect(element.getAttributeNames()).toEqual(['class']);
      expect(element.className).toMatch(/^pc:text-code-[a-z]+$/);
    }
  });

  it('leaves an unknown language, and none, plain', () => {
    const { container } = render(<Markdown>{'```klingon\nqapla!\n```\n\n```\nno language\n```'}</Markdown>);
    for (const index of [0, 1]) {
      expect(codeBlock(container, index)).toHaveAttribute('data-state', 'plain');
      expect(codeBlock(container, index).querySelector('code *')).toBeNull();
    }
  });

  it('keeps the block still streaming plain, and colours it once finished', async () => {
    const text = 'Run:\n\n```python\nprint("hi")\n```';
    const { container, rerender } = render(<Markdown streaming>{text}</Markdown>);
    expect(codeBlock(container)).toHaveAttribute('data-state', 'plain');
    rerender(<Markdown streaming>{`${text}\n\nAnd then it prints hi.\n`}</Markdown>);
    await highlighted(codeBlock(container));
  });

  it('highlights the same code once, however often it mounts', async () => {
    const code = '```rust\nfn once() -> u8 { 1 }\n```';
    const first = render(<Markdown>{code}</Markdown>);
    await highlighted(codeBlock(first.container));
    first.unmount();
    const spy = vi.spyOn(refractor, 'highlight');
    const again = render(<Markdown>{`${code}\n\n${code}`}</Markdown>);
    await highlighted(codeBlock(again.container, 1));
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('knows the common languages by their usual names, each one registered in the chunk', async () => {
    await import('../../../src/components/markdown/highlighter.js');
    for (const name of grammarNames()) expect(refractor.registered(name), name).toBe(true);
    for (const fence of ['js', 'TSX', 'json', 'sh', 'py', 'html', 'xml', 'css', 'sql', 'go', 'rs', 'java', 'c', 'cpp'])
      expect(grammarFor(fence), fence).not.toBeNull();
    for (const fence of ['yaml', 'md', 'diff', 'bash', 'shell', 'typescript', 'jsx'])
      expect(grammarFor(fence), fence).not.toBeNull();
    expect(grammarFor('text')).toBeNull();
  });
});

describe('CodeBlock text', () => {
  it('holds long plain code in text nodes of whole lines, so a streaming block lays out only its last one again', () => {
    const lines = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => `line ${from + i}\n`).join('');
    const { container, rerender } = render(<Markdown streaming>{`\`\`\`\n${lines(0, 250)}`}</Markdown>);
    const code = () => container.querySelector('code') as HTMLElement;
    const before = [...code().childNodes];
    const texts = before.map((node) => node.textContent);
    expect(before.length).toBeGreaterThan(1);
    expect(before.every((node) => node.nodeType === Node.TEXT_NODE)).toBe(true);
    expect(texts.slice(0, -1).every((text) => text?.endsWith('\n'))).toBe(true);
    // A few more lines stream in: the earlier nodes are the same nodes, unchanged; only the last one grew.
    rerender(<Markdown streaming>{`\`\`\`\n${lines(0, 253)}`}</Markdown>);
    const after = [...code().childNodes];
    before.slice(0, -1).forEach((node, i) => {
      expect(after[i]).toBe(node);
      expect(node.textContent).toBe(texts[i]);
    });
    expect(code().textContent).toBe(lines(0, 253).trimEnd());
  });
});

describe('CodeBlock scrolling', () => {
  it('fades its end while a line wider than the block has more to scroll to', () => {
    // jsdom lays nothing out: the code is 800 px wide in a 300 px block with a 12 px scrollbar, scrolled to `left`.
    let left = 0;
    const size = (name: string, wide: number, other: number) =>
      vi.spyOn(HTMLElement.prototype, name as 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
        return this.tagName === 'PRE' ? wide : other;
      });
    const spies = [
      size('scrollWidth', 800, 0),
      size('clientWidth', 300, 0),
      size('offsetHeight', 112, 0),
      size('clientHeight', 100, 0),
      vi.spyOn(Element.prototype, 'scrollLeft', 'get').mockImplementation(() => left),
    ];
    const { container } = render(<Markdown>{`\`\`\`\n${'wide '.repeat(60)}\n\`\`\``}</Markdown>);
    const more = () => container.querySelector<HTMLElement>('[data-slot="code-block-more"]');
    expect(more()).toHaveAttribute('aria-hidden', 'true');
    expect(more()?.style.bottom).toBe('12px');
    left = 500;
    fireEvent.scroll(container.querySelector('pre') as HTMLElement);
    expect(more()).toBeNull();
    left = 200;
    fireEvent.scroll(container.querySelector('pre') as HTMLElement);
    expect(more()).not.toBeNull();
    for (const spy of spies) spy.mockRestore();
  });

  it('measures a code block that grows while it streams once a frame, however many tokens came, and fades when it overflows', async () => {
    let wide = 300;
    const measured = vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.tagName === 'PRE' ? wide : 0;
    });
    const client = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.tagName === 'PRE' ? 300 : 0;
    });
    let code = '```\nconst a = 1;';
    const { container, rerender } = render(<Markdown streaming>{code}</Markdown>);
    const more = () => container.querySelector('[data-slot="code-block-more"]');
    expect(more()).toBeNull();
    const before = measured.mock.calls.length;
    wide = 800;
    for (let i = 0; i < 20; i += 1) {
      code += ' + a';
      rerender(<Markdown streaming>{code}</Markdown>);
    }
    expect(measured.mock.calls.length).toBe(before);
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    expect(measured.mock.calls.length).toBe(before + 1);
    expect(more()).not.toBeNull();
    measured.mockRestore();
    client.mockRestore();
  });

  it('shows no fade when the code fits', () => {
    const { container } = render(<Markdown>{'```\nshort\n```'}</Markdown>);
    expect(container.querySelector('[data-slot="code-block-more"]')).toBeNull();
    expect(container.querySelector('pre')).toHaveAttribute('tabindex', '0');
  });
});
