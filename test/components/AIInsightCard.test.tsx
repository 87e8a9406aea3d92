import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AIInsight } from '../../src/core/types.js';
import { AIInsightCard } from '../../src/components/AIInsightCard.js';

const tip: AIInsight = {
  id: 'i1',
  kind: 'tip',
  title: 'Name the audience',
  description: 'Saying who the answer is for makes its level of detail fit.',
  confidence: 0.824,
  suggestedPrompt: 'Explain it for a new team member.',
};

describe('AIInsightCard', () => {
  it('is an article named by its title, with its kind in words and as data-kind', () => {
    render(<AIInsightCard insight={tip} />);
    const card = screen.getByRole('article', { name: 'Name the audience' });
    expect(card).toHaveAttribute('data-kind', 'tip');
    expect(card).toHaveTextContent('Tip');
    expect(card).toHaveTextContent('Saying who the answer is for');
    expect(screen.getByRole('heading', { level: 4, name: 'Name the audience' })).toBeInTheDocument();
  });

  it.each([
    ['tip', 'Tip'],
    ['warning', 'Warning'],
    ['optimization', 'Optimization'],
    ['info', 'Info'],
  ] as const)('shows a %s by its own icon and name, in the one card style (no coloured stripe)', (kind, name) => {
    render(<AIInsightCard insight={{ ...tip, kind }} />);
    const card = screen.getByRole('article');
    expect(card).toHaveTextContent(name);
    expect(card.className).not.toMatch(/border-s-/);
    expect(card.querySelector('[data-slot="insight-card-icon"]')).toHaveAttribute('aria-hidden', 'true');
  });

  it('shows the confidence, as a rounded percentage, only on demand and only when it is known', () => {
    const { rerender } = render(<AIInsightCard insight={tip} />);
    expect(screen.getByRole('article')).not.toHaveTextContent('confidence');
    rerender(<AIInsightCard insight={tip} showConfidence />);
    expect(screen.getByRole('article')).toHaveTextContent('82% confidence');
    rerender(<AIInsightCard insight={{ ...tip, confidence: undefined }} showConfidence />);
    expect(screen.getByRole('article')).not.toHaveTextContent('confidence');
    rerender(<AIInsightCard insight={{ ...tip, confidence: 0 }} showConfidence />);
    expect(screen.getByRole('article')).toHaveTextContent('0% confidence');
  });

  it('offers Apply only when the insight suggests a prompt', () => {
    const onApply = vi.fn();
    const { rerender } = render(<AIInsightCard insight={tip} onApply={onApply} />);
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onApply).toHaveBeenCalledWith(tip);
    rerender(<AIInsightCard insight={{ ...tip, suggestedPrompt: undefined }} onApply={onApply} />);
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
  });

  it('names the Dismiss button after the insight and shows it only with onDismiss', () => {
    const onDismiss = vi.fn();
    const { rerender } = render(<AIInsightCard insight={tip} onDismiss={onDismiss} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Name the audience' }));
    expect(onDismiss).toHaveBeenCalledWith(tip);
    rerender(<AIInsightCard insight={tip} />);
    expect(screen.queryByRole('button', { name: /Dismiss/ })).toBeNull();
  });

  it('lets every string be translated', () => {
    render(
      <AIInsightCard
        insight={{ ...tip, kind: 'warning' }}
        onApply={() => {}}
        onDismiss={() => {}}
        showConfidence
        labels={{
          kinds: { tip: 'Astuce', warning: 'Attention', optimization: 'Optimisation', info: 'Info' },
          confidence: (percent) => `confiance ${percent} %`,
          apply: 'Appliquer',
          dismiss: 'Ignorer',
        }}
      />,
    );
    const card = screen.getByRole('article');
    expect(card).toHaveTextContent('Attention');
    expect(card).toHaveTextContent('confiance 82 %');
    expect(screen.getByRole('button', { name: 'Appliquer' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ignorer: Name the audience' })).toBeInTheDocument();
  });

  it('joins the caller className last, after its own classes', () => {
    render(<AIInsightCard insight={tip} className="host-class" />);
    const card = screen.getByRole('article');
    expect(card.className.split(' ').at(-1)).toBe('host-class');
    expect(card.className).toMatch(/^pc:/);
  });
});
