import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AISuggestion } from '../../src/core/types.js';
import { AISuggestionCard } from '../../src/components/AISuggestionCard.js';
import { COPIED_FOR_MS } from '../../src/components/lib/use-copy.js';

const short: AISuggestion = {
  id: 's1',
  title: 'Ask for a table',
  content: 'Compare the three plans in a table with price, limits and support.',
  category: 'Format',
  confidence: 0.9,
};
const long: AISuggestion = { ...short, id: 's2', content: 'x'.repeat(400) };

/** jsdom lays nothing out: this stands in for a layout where text of more than 160 characters passes three lines. */
function layOutThreeLinesOf160Characters() {
  vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return (this.textContent ?? '').length > 160 ? 120 : 60;
  });
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(60);
}

function stubClipboard(writeText: (text: string) => Promise<void>): void {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

/** Clicks and lets the clipboard's promise settle. */
async function clickAndSettle(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

describe('AISuggestionCard', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'clipboard');
    vi.restoreAllMocks();
  });

  it('is an article named by its title, with its category, content and, on demand, confidence', () => {
    const { rerender } = render(<AISuggestionCard suggestion={short} />);
    expect(screen.getByRole('article')).not.toHaveTextContent('confidence');
    rerender(<AISuggestionCard suggestion={short} showConfidence />);
    const card = screen.getByRole('article', { name: 'Ask for a table' });
    expect(card).toHaveTextContent('Format');
    expect(card).toHaveTextContent('90% confidence');
    expect(card).toHaveTextContent('Compare the three plans');
  });

  it('leaves out the category and confidence when they are not given', () => {
    render(<AISuggestionCard suggestion={{ id: 's', title: 'Plain', content: 'Just text.' }} />);
    const card = screen.getByRole('article');
    expect(card.querySelector('[data-slot="suggestion-card-category"]')).toBeNull();
    expect(card).not.toHaveTextContent('confidence');
  });

  it('offers no toggle when the clamp hides nothing, however many characters the text has', () => {
    layOutThreeLinesOf160Characters();
    render(<AISuggestionCard suggestion={{ ...short, content: 'y'.repeat(160) }} />);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('clamps content that overflows three lines until the user asks for more', () => {
    layOutThreeLinesOf160Characters();
    render(<AISuggestionCard suggestion={long} />);
    const content = screen.getByText(/^x+$/);
    const toggle = screen.getByRole('button', { name: 'Show more' });
    expect(content).toHaveAttribute('data-state', 'collapsed');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveAttribute('aria-controls', content.id);
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveTextContent('Show less');
    expect(content).toHaveAttribute('data-state', 'expanded');
  });

  it('calls Apply and Dismiss with the suggestion; Dismiss is named after it', () => {
    const onApply = vi.fn();
    const onDismiss = vi.fn();
    render(<AISuggestionCard suggestion={short} onApply={onApply} onDismiss={onDismiss} />);
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Ask for a table' }));
    expect(onApply).toHaveBeenCalledWith(short);
    expect(onDismiss).toHaveBeenCalledWith(short);
  });

  describe('Copy', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('copies the content, says "Copied" for two seconds and announces it, then calls onCopy', async () => {
      const writeText = vi.fn(() => Promise.resolve());
      stubClipboard(writeText);
      const onCopy = vi.fn();
      render(<AISuggestionCard suggestion={short} onCopy={onCopy} />);
      const button = screen.getByRole('button', { name: 'Copy' });
      const announcer = screen.getByRole('article').querySelector('[aria-live="polite"]');
      expect(announcer).toBeEmptyDOMElement();

      await clickAndSettle(button);
      expect(writeText).toHaveBeenCalledWith(short.content);
      expect(onCopy).toHaveBeenCalledWith(short);
      expect(button).toHaveAttribute('data-state', 'copied');
      expect(button).toHaveTextContent('Copied');
      expect(announcer).toHaveTextContent('Copied');

      act(() => {
        vi.advanceTimersByTime(COPIED_FOR_MS - 1);
      });
      expect(button).toHaveAttribute('data-state', 'copied');
      act(() => {
        vi.advanceTimersByTime(1);
      });
      expect(button).toHaveAttribute('data-state', 'idle');
      expect(button).toHaveTextContent('Copy');
      expect(announcer).toBeEmptyDOMElement();
    });

    it('starts the two seconds again on another copy', async () => {
      stubClipboard(() => Promise.resolve());
      render(<AISuggestionCard suggestion={short} />);
      const button = screen.getByRole('button', { name: 'Copy' });
      await clickAndSettle(button);
      act(() => {
        vi.advanceTimersByTime(1500);
      });
      await clickAndSettle(button);
      act(() => {
        vi.advanceTimersByTime(1500);
      });
      expect(button).toHaveAttribute('data-state', 'copied');
    });

    it('stays "Copy" and does not call onCopy when copying fails', async () => {
      stubClipboard(() => Promise.reject(new Error('denied')));
      const onCopy = vi.fn();
      render(<AISuggestionCard suggestion={short} onCopy={onCopy} />);
      const button = screen.getByRole('button', { name: 'Copy' });
      await clickAndSettle(button);
      expect(onCopy).not.toHaveBeenCalled();
      expect(button).toHaveAttribute('data-state', 'idle');
    });
  });

  it('lets every string be translated', () => {
    layOutThreeLinesOf160Characters();
    render(
      <AISuggestionCard
        suggestion={long}
        onApply={() => {}}
        onDismiss={() => {}}
        showConfidence
        labels={{
          confidence: (percent) => `confiance ${percent} %`,
          expand: 'Voir plus',
          apply: 'Appliquer',
          copy: 'Copier',
          dismiss: 'Ignorer',
        }}
      />,
    );
    expect(screen.getByRole('article')).toHaveTextContent('confiance 90 %');
    for (const name of ['Voir plus', 'Appliquer', 'Copier', 'Ignorer: Ask for a table']) {
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    }
  });

  it('joins the caller className last, after its own classes', () => {
    render(<AISuggestionCard suggestion={short} className="host-class" />);
    const card = screen.getByRole('article');
    expect(card.className.split(' ').at(-1)).toBe('host-class');
    expect(card.className).toMatch(/^pc:/);
  });
});
