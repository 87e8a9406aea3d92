import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChatLabelsProvider } from '../../src/components/labels.js';
import { SkeletonLoader } from '../../src/components/SkeletonLoader.js';

const lines = (root: HTMLElement) => [...root.querySelectorAll('[data-slot="skeleton-line"]')];
const classesOf = (root: HTMLElement) => [root, ...root.querySelectorAll('*')].flatMap((el) => [...el.classList]);

// Measured in the browser, where the CSS applies (stories/components/SkeletonLoader.stories.tsx): line widths, the
// label out of sight, and no motion under reduced motion.
describe('SkeletonLoader', () => {
  it('is a busy, polite status region named "Loading…"', () => {
    render(<SkeletonLoader />);
    const status = screen.getByRole('status', { name: 'Loading…' });
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveAttribute('aria-busy', 'true');
    expect(status).toHaveAttribute('data-slot', 'skeleton');
    expect(status).toHaveAttribute('data-variant', 'message');
  });

  it('hides the shapes from screen readers', () => {
    render(<SkeletonLoader variant="list" />);
    const status = screen.getByRole('status');
    for (const child of status.children) {
      if (child.getAttribute('data-slot') !== 'skeleton-label') expect(child).toHaveAttribute('aria-hidden', 'true');
    }
  });

  it('draws a message as three lines of text, or as many as asked, with no avatar or box the answer lacks', () => {
    const { rerender } = render(<SkeletonLoader />);
    const status = screen.getByRole('status');
    expect(status.querySelector('[data-slot="skeleton-avatar"], [data-slot="skeleton-bubble"]')).toBeNull();
    expect(lines(status)).toHaveLength(3);
    rerender(<SkeletonLoader lines={5} />);
    expect(lines(status)).toHaveLength(5);
    rerender(<SkeletonLoader lines={0} />);
    expect(lines(status)).toHaveLength(1);
  });

  it('draws a list of `count` rows', () => {
    const { rerender } = render(<SkeletonLoader variant="list" />);
    const status = screen.getByRole('status');
    expect(status.querySelectorAll('[data-slot="skeleton-row"]')).toHaveLength(3);
    rerender(<SkeletonLoader variant="list" count={6} />);
    expect(status.querySelectorAll('[data-slot="skeleton-row"]')).toHaveLength(6);
    rerender(<SkeletonLoader variant="list" count={-2} />);
    expect(status.querySelectorAll('[data-slot="skeleton-row"]')).toHaveLength(1);
  });

  it('draws a card as a title, two lines and a button-shaped bar', () => {
    render(<SkeletonLoader variant="card" />);
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('data-variant', 'card');
    expect(status.querySelectorAll('[data-slot="skeleton-title"]')).toHaveLength(1);
    expect(lines(status)).toHaveLength(2);
    expect(status.querySelectorAll('[data-slot="skeleton-button"]')).toHaveLength(1);
  });

  it('renders the same widths on every render (no randomness), so snapshots are stable', () => {
    const first = render(<SkeletonLoader variant="list" count={5} />);
    const a = classesOf(first.container);
    first.unmount();
    const b = classesOf(render(<SkeletonLoader variant="list" count={5} />).container);
    expect(a).toEqual(b);
  });

  it('lets its label be translated by prop or provider', () => {
    const { rerender } = render(<SkeletonLoader labels={{ loading: 'Chargement…' }} />);
    expect(screen.getByRole('status', { name: 'Chargement…' })).toBeInTheDocument();
    rerender(
      <ChatLabelsProvider labels={{ loader: { loading: 'Wird geladen…' } }}>
        <SkeletonLoader />
      </ChatLabelsProvider>,
    );
    expect(screen.getByRole('status', { name: 'Wird geladen…' })).toBeInTheDocument();
  });

  it('joins the caller className last, after its own classes', () => {
    render(<SkeletonLoader variant="card" className="host-class" />);
    const status = screen.getByRole('status');
    expect(status.className.split(' ').at(-1)).toBe('host-class');
    expect(status.className).toMatch(/^pc:/);
  });
});
