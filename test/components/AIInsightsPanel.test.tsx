import { act, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AIInsight } from '../../src/core/types.js';
import { AIInsightsPanel, type AIInsightsPanelProps } from '../../src/components/AIInsightsPanel.js';

const insights: AIInsight[] = [
  { id: 'a', kind: 'tip', title: 'First', description: 'One.', suggestedPrompt: 'Do one.' },
  { id: 'b', kind: 'warning', title: 'Second', description: 'Two.' },
  { id: 'c', kind: 'info', title: 'Third', description: 'Three.' },
];

/** A parent that removes a dismissed insight, as a host would. */
function Dismissable({
  initial,
  afterDismiss = (rest) => rest,
  ...props
}: Omit<AIInsightsPanelProps, 'insights'> & {
  initial: AIInsight[];
  afterDismiss?: (rest: AIInsight[]) => AIInsight[];
}) {
  const [items, setItems] = useState(initial);
  return (
    <AIInsightsPanel
      {...props}
      insights={items}
      onDismiss={(insight) => setItems((all) => afterDismiss(all.filter((other) => other.id !== insight.id)))}
    />
  );
}

describe('AIInsightsPanel', () => {
  beforeEach(() => {
    // framer-motion measures `height: auto` and restores the scroll position; jsdom has no scrollTo.
    vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('renders nothing when there are no insights', () => {
    const { container } = render(<AIInsightsPanel insights={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('is a region named by its heading, with one list item per insight', () => {
    render(<AIInsightsPanel insights={insights} />);
    const region = screen.getByRole('region', { name: 'Insights' });
    expect(region).toHaveAttribute('data-slot', 'insights-panel');
    expect(screen.getByRole('heading', { level: 3, name: 'Insights' })).toHaveAttribute('tabindex', '-1');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getAllByRole('article').map((card) => card.getAttribute('data-kind'))).toEqual([
      'tip',
      'warning',
      'info',
    ]);
    expect(screen.getAllByRole('heading', { level: 4 })).toHaveLength(3);
  });

  it('puts card titles one level below its own heading', () => {
    render(<AIInsightsPanel insights={insights} headingLevel={2} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Insights' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(3);
  });

  it('passes Apply through with the insight', async () => {
    const onApply = vi.fn();
    render(<AIInsightsPanel insights={insights} onApply={onApply} />);
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onApply).toHaveBeenCalledWith(insights[0]);
  });

  it('moves focus to the next card when a dismissed card goes away', async () => {
    render(<Dismissable initial={insights} />);
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss: Second' }));
    expect(screen.getByRole('button', { name: 'Dismiss: Third' })).toHaveFocus();
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Second' })).toBeNull());
  });

  it('moves focus to the previous card when the last card is dismissed', async () => {
    render(<Dismissable initial={insights} />);
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss: Third' }));
    expect(screen.getByRole('button', { name: 'Dismiss: Second' })).toHaveFocus();
  });

  it('moves focus to the heading when no neighbour is left', async () => {
    const replacement: AIInsight = { id: 'z', kind: 'info', title: 'New', description: 'Fresh.' };
    render(<Dismissable initial={insights.slice(0, 1)} afterDismiss={() => [replacement]} />);
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss: First' }));
    expect(screen.getByRole('heading', { name: 'Insights' })).toHaveFocus();
  });

  it('waits for the parent to remove the card, and leaves focus alone if the user went elsewhere', async () => {
    const onDismiss = vi.fn();
    const { rerender } = render(
      <>
        <AIInsightsPanel insights={insights} onDismiss={onDismiss} />
        <input aria-label="Elsewhere" />
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss: First' }));
    expect(onDismiss).toHaveBeenCalledWith(insights[0]);
    expect(screen.getByRole('button', { name: 'Dismiss: First' })).toHaveFocus();
    await userEvent.click(screen.getByRole('textbox', { name: 'Elsewhere' }));
    act(() => {
      rerender(
        <>
          <AIInsightsPanel insights={insights.slice(1)} onDismiss={onDismiss} />
          <input aria-label="Elsewhere" />
        </>,
      );
    });
    expect(screen.getByRole('textbox', { name: 'Elsewhere' })).toHaveFocus();
  });

  it('translates its heading and its cards', () => {
    render(<AIInsightsPanel insights={insights} labels={{ heading: 'Remarques', apply: 'Appliquer' }} />);
    expect(screen.getByRole('region', { name: 'Remarques' })).toBeInTheDocument();
  });

  it('joins the caller className last, after its own classes', () => {
    render(<AIInsightsPanel insights={insights} className="host-class" />);
    const region = screen.getByRole('region');
    expect(region.className.split(' ').at(-1)).toBe('host-class');
    expect(region.className).toMatch(/^pc:/);
  });
});
