import { render, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { Markdown } from '../../../src/components/markdown/Markdown.js';
import { MAX_TEX_CHARS } from '../../../src/components/markdown/MathView.js';

beforeAll(() => {
  // jsdom's MathML elements have no `style` (browsers' MathMLElement does); Temml sets it on display math.
  const math = document.createElementNS('http://www.w3.org/1998/Math/MathML', 'math');
  if (!('style' in math)) {
    const styles = new WeakMap<Element, Record<string, string>>();
    Object.defineProperty(Element.prototype, 'style', {
      configurable: true,
      get(this: Element) {
        if (!styles.has(this)) styles.set(this, {});
        return styles.get(this);
      },
    });
  }
});

const mathViews = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('[data-slot="math"]')];

const settled = (container: HTMLElement) =>
  waitFor(
    () => {
      expect(mathViews(container).length).toBeGreaterThan(0);
      for (const view of mathViews(container)) expect(view).not.toHaveAttribute('data-state', 'loading');
    },
    { timeout: 5000 },
  );

describe('math', () => {
  it('shows the TeX until the renderer has loaded, then MathML', async () => {
    const { container } = render(<Markdown>{'The ratio:\n\n$$\\frac{a}{b}$$'}</Markdown>);
    const [view] = mathViews(container);
    expect(view).toHaveAttribute('data-state', 'loading');
    expect(view?.querySelector('code')).toHaveTextContent('\\frac{a}{b}');
    await settled(container);
    expect(view).toHaveAttribute('data-state', 'rendered');
    expect(view).toHaveAttribute('data-display');
    const math = view?.querySelector('math');
    expect(math?.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
    expect(math?.querySelector('mfrac')?.textContent).toBe('ab');
    expect(view?.querySelector('code')).toBeNull();
  });

  it('renders inline math in the line, and leaves prices as text', async () => {
    const { container } = render(<Markdown>{'Energy is $E = mc^2$. It costs $5 and $10.'}</Markdown>);
    await settled(container);
    expect(mathViews(container)).toHaveLength(1);
    expect(mathViews(container)[0]).not.toHaveAttribute('data-display');
    expect(container.querySelector('p')?.textContent).toContain('It costs $5 and $10.');
    // One <math> per row TeX could break after ("E =", "mc²"), so a narrow message breaks the formula like words.
    expect(mathViews(container)[0]?.querySelectorAll('math')).toHaveLength(2);
  });

  it('shows TeX that does not parse as its source', async () => {
    const { container } = render(<Markdown>{'$$\\frac{a}{$$ and $\\notacommand{x}$'}</Markdown>);
    await settled(container);
    for (const view of mathViews(container)) {
      expect(view).toHaveAttribute('data-state', 'source');
      expect(view.querySelector('math')).toBeNull();
    }
    expect(mathViews(container)[0]?.querySelector('code')).toHaveTextContent('\\frac{a}{');
  });

  it('trusts no TeX: links, images, classes and styles are refused, shown as source', async () => {
    const { container } = render(
      <Markdown>
        {
          '$\\href{javascript:alert(1)}{x}$ $\\url{https://attacker.example}$ $\\includegraphics{https://attacker.example/p.png}$ $\\htmlClass{x}{y}$ $\\style{color:red}{z}$'
        }
      </Markdown>,
    );
    await settled(container);
    expect(mathViews(container)).toHaveLength(5);
    for (const view of mathViews(container)) expect(view).toHaveAttribute('data-state', 'source');
    expect(container.querySelector('a, img, [href], [src]')).toBeNull();
  });

  it(`keeps TeX over ${MAX_TEX_CHARS} characters as code, without loading anything for it`, () => {
    const tex = 'x+'.repeat(MAX_TEX_CHARS);
    const { container } = render(<Markdown>{`$$${tex}$$`}</Markdown>);
    expect(mathViews(container)[0]).toHaveAttribute('data-state', 'source');
    expect(mathViews(container)[0]?.querySelector('code')).toHaveTextContent(tex);
  });

  it('shows no raw TeX while a formula streams in, then the formula once it is closed', async () => {
    const { container, rerender } = render(<Markdown streaming>{'The ratio:\n\n$$\n\\frac{a}{'}</Markdown>);
    expect(container.textContent).toBe('The ratio:');
    rerender(<Markdown streaming>{'The ratio:\n\n$$\n\\frac{a}{b}\n$'}</Markdown>);
    expect(container.textContent).toBe('The ratio:');
    rerender(<Markdown streaming>{'The ratio:\n\n$$\n\\frac{a}{b}\n$$'}</Markdown>);
    await settled(container);
    expect(container.querySelector('math mfrac')).not.toBeNull();
    expect(container.textContent).not.toContain('$');
  });
});
