import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChatLabelsProvider } from '../../src/components/labels.js';
import { EgyptianLoadingAnimation } from '../../src/components/EgyptianLoadingAnimation.js';

describe('EgyptianLoadingAnimation', () => {
  it('is a polite status region named "Thinking…", medium by default', () => {
    render(<EgyptianLoadingAnimation />);
    const status = screen.getByRole('status', { name: 'Thinking…' });
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveAttribute('data-slot', 'egyptian-loader');
    expect(status).toHaveAttribute('data-size', 'md');
    expect(status.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
  });

  // Measured in the browser, where the CSS applies (stories/components/EgyptianLoadingAnimation.stories.tsx): its size in
  // pixels at each size, the one-colour silhouette at 24 px, the label out of sight unless shown, and no motion under
  // reduced motion.

  it('draws glyphs no thinner than a pixel at 48 and 96 px, and none at 24 px', () => {
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
  });

  it('is named by its label whether it shows it or not', () => {
    const { rerender } = render(<EgyptianLoadingAnimation />);
    expect(screen.getByRole('status', { name: 'Thinking…' })).toHaveTextContent('Thinking…');
    rerender(<EgyptianLoadingAnimation showLabel />);
    expect(screen.getByRole('status', { name: 'Thinking…' })).toHaveTextContent('Thinking…');
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

  it('joins the caller className last, after its own classes', () => {
    render(<EgyptianLoadingAnimation className="host-class" />);
    const status = screen.getByRole('status');
    expect(status.className.split(' ').at(-1)).toBe('host-class');
    expect(status.className).toMatch(/^pc:/);
  });
});
