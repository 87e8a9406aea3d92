import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AISuggestion } from '../../src/core/types.js';
import { AISuggestionsPanel } from '../../src/components/AISuggestionsPanel.js';

const suggestions: AISuggestion[] = [
  { id: 'a', title: 'First', content: 'One.', category: 'Format' },
  { id: 'b', title: 'Second', content: 'Two.' },
  { id: 'c', title: 'Third', content: 'Three.' },
];

/** A parent that removes a dismissed suggestion, as a host would. */
function Dismissable({ initial }: { initial: AISuggestion[] }) {
  const [items, setItems] = useState(initial);
  return (
    <AISuggestionsPanel
      suggestions={items}
      onDismiss={(suggestion) => setItems((all) => all.filter((other) => other.id !== suggestion.id))}
    />
  );
}

describe('AISuggestionsPanel', () => {
  beforeEach(() => {
    // framer-motion measures `height: auto` and restores the scroll position; jsdom has no scrollTo.
    vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'clipboard');
    vi.restoreAllMocks();
  });

  it('renders nothing when there are no suggestions', () => {
    const { container } = render(<AISuggestionsPanel suggestions={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('is a region named by its heading, with one list item per suggestion', () => {
    render(<AISuggestionsPanel suggestions={suggestions} headingLevel={2} />);
    expect(screen.getByRole('region', { name: 'Suggestions' })).toHaveAttribute('data-slot', 'suggestions-panel');
    expect(screen.getByRole('heading', { level: 2, name: 'Suggestions' })).toHaveAttribute('tabindex', '-1');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getAllByRole('heading', { level: 3 }).map((title) => title.textContent)).toEqual([
      'First',
      'Second',
      'Third',
    ]);
  });

  it('passes Apply and Copy through with the suggestion', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.resolve() },
      configurable: true,
    });
    const onApply = vi.fn();
    const onCopy = vi.fn();
    render(<AISuggestionsPanel suggestions={suggestions} onApply={onApply} onCopy={onCopy} />);
    const [firstApply] = screen.getAllByRole('button', { name: 'Apply' });
    const [, secondCopy] = screen.getAllByRole('button', { name: 'Copy' });
    await userEvent.click(firstApply as HTMLElement);
    await userEvent.click(secondCopy as HTMLElement);
    expect(onApply).toHaveBeenCalledWith(suggestions[0]);
    await waitFor(() => expect(onCopy).toHaveBeenCalledWith(suggestions[1]));
  });

  it('moves focus to the next card, else the previous one, as dismissed cards go away', async () => {
    render(<Dismissable initial={suggestions} />);
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss: First' }));
    expect(screen.getByRole('button', { name: 'Dismiss: Second' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss: Third' }));
    expect(screen.getByRole('button', { name: 'Dismiss: Second' })).toHaveFocus();
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
  });
});
