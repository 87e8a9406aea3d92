import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChatLabelsProvider } from '../../src/components/labels.js';
import { EgyptianLoadingAnimation } from '../../src/components/EgyptianLoadingAnimation.js';

const classesOf = (root: Element) => [root, ...root.querySelectorAll('*')].flatMap((el) => [...el.classList]);

describe('EgyptianLoadingAnimation', () => {
  it('is a polite status region named "Thinking…", medium by default', () => {
    render(<EgyptianLoadingAnimation />);
    const status = screen.getByRole('status', { name: 'Thinking…' });
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveAttribute('data-slot', 'egyptian-loader');
    expect(status).toHaveAttribute('data-size', 'md');
    expect(status.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
  });

  // Its size in pixels at each size is measured in the browser: the Sizes story (24, 48 and 96 px).

  it('draws glyphs no thinner than a pixel at 48 and 96 px, and at 24 px a one-colour silhouette with no glyphs', () => {
    const stroke = (size: 'md' | 'lg') => {
      const { unmount } = render(<EgyptianLoadingAnimation size={size} />);
      const width = Number(
        screen.getByRole('status').querySelector('[data-slot="egyptian-loader-glyph"]')!.getAttribute('stroke-width'),
      );
      unmount();
      return width;
    };
    // Drawing units are 48 to the full size: at 48 px one unit is one pixel.
    expect(stroke('md')).toBeGreaterThanOrEqual(1);
    expect(stroke('lg') * 2).toBeGreaterThan(stroke('md'));
    render(<EgyptianLoadingAnimation size="sm" />);
    const small = screen.getByRole('status');
    expect(small.querySelector('[data-slot="egyptian-loader-glyph"]')).toBeNull();
    expect(small.querySelector('[class*="pc:fill-accent"], [class*="pc:fill-warning"]')).toBeNull();
    expect(small.querySelector('[data-slot="egyptian-loader-graphic"]')).toHaveClass('pc:fill-current');
  });

  it('keeps the label for screen readers unless asked to show it', () => {
    const { rerender } = render(<EgyptianLoadingAnimation />);
    expect(screen.getByText('Thinking…')).toHaveClass('pc:sr-only');
    rerender(<EgyptianLoadingAnimation showLabel />);
    expect(screen.getByText('Thinking…')).not.toHaveClass('pc:sr-only');
    expect(screen.getByRole('status', { name: 'Thinking…' })).toBeInTheDocument();
  });

  it('takes its text from `label`, then `labels`, then a provider', () => {
    const { rerender } = render(<EgyptianLoadingAnimation labels={{ thinking: 'Réflexion…' }} />);
    expect(screen.getByRole('status', { name: 'Réflexion…' })).toBeInTheDocument();
    rerender(<EgyptianLoadingAnimation label="Planning the answer…" labels={{ thinking: 'Réflexion…' }} />);
    expect(screen.getByRole('status', { name: 'Planning the answer…' })).toBeInTheDocument();
    rerender(
      <ChatLabelsProvider labels={{ loader: { thinking: 'Denkt nach…' } }}>
        <EgyptianLoadingAnimation />
      </ChatLabelsProvider>,
    );
    expect(screen.getByRole('status', { name: 'Denkt nach…' })).toBeInTheDocument();
  });

  it('animates only through motion-safe classes, so it stands still under reduced motion', () => {
    render(<EgyptianLoadingAnimation />);
    const animationClasses = classesOf(screen.getByRole('status')).filter((c) => c.includes('animat'));
    expect(animationClasses.length).toBeGreaterThanOrEqual(4); // the sun, three glyphs
    for (const c of animationClasses) expect(c).toMatch(/^pc:motion-safe:/);
    expect(animationClasses).toContain('pc:motion-safe:animate-sun-arc');
    expect(animationClasses).toContain('pc:motion-safe:animate-glyph-glow');
  });

  it('joins the caller className last, after its own classes', () => {
    render(<EgyptianLoadingAnimation className="host-class" />);
    const status = screen.getByRole('status');
    expect(status.className.split(' ').at(-1)).toBe('host-class');
    expect(status.className).toMatch(/^pc:/);
  });
});
