import { fireEvent, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ReasoningView } from '../../../src/components/index.js';

const reasoning = { text: 'First, the units.', durationMs: 4_400 };

describe('ReasoningView', () => {
  it('says "Thinking…" and stays open while the reasoning streams, then folds to "Thought for N s"', () => {
    const { container, rerender } = render(<ReasoningView reasoning={{ text: 'First' }} streaming />);
    const details = container.querySelector('details')!;
    expect(details.open).toBe(true);
    expect(container.querySelector('summary')).toHaveTextContent(/Thinking…$/);
    expect(screen.getByRole('status', { name: 'Thinking…' })).toBeInTheDocument();
    expect(screen.getByText('First')).toBeVisible();

    rerender(<ReasoningView reasoning={reasoning} />);
    expect(details.open).toBe(false);
    expect(container.querySelector('summary')).toHaveTextContent(/^Thought for 4 s$/);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says "Thinking" when the time is not known, and never "0 s" for a short one', () => {
    const { container, rerender } = render(<ReasoningView reasoning={{ text: 'Hm.' }} />);
    expect(container.querySelector('summary')).toHaveTextContent(/^Thinking$/);
    rerender(<ReasoningView reasoning={{ text: 'Hm.', durationMs: 200 }} />);
    expect(container.querySelector('summary')).toHaveTextContent(/^Thought for 1 s$/);
  });

  it('is reached by Tab and folds by keyboard, and the reader’s toggling stands over later renders', async () => {
    const user = userEvent.setup();
    const { container, rerender } = render(<ReasoningView reasoning={reasoning} />);
    const details = container.querySelector('details')!;
    const summary = container.querySelector('summary')!;
    await user.tab();
    expect(summary).toHaveFocus();
    // Enter and Space on a summary are the browser's own (user-event does not press them like one): nothing of ours may
    // take them, and the activation they make opens and folds the reasoning.
    expect(fireEvent.keyDown(summary, { key: 'Enter' })).toBe(true);
    expect(fireEvent.keyUp(summary, { key: ' ' })).toBe(true);
    fireEvent.click(summary);
    expect(details.open).toBe(true);
    rerender(<ReasoningView reasoning={{ ...reasoning, text: 'First, the units. Then' }} />);
    expect(details.open).toBe(true);
    fireEvent.click(summary);
    expect(details.open).toBe(false);
  });

  it("takes the host's props and class, and its labels", () => {
    render(
      <ReasoningView
        reasoning={reasoning}
        id="why"
        className="host"
        labels={{ thoughtFor: (seconds) => `Réfléchi ${seconds} s` }}
      />,
    );
    const details = document.getElementById('why')!;
    expect(details).toHaveAttribute('data-slot', 'message-reasoning');
    expect(details.className).toMatch(/ host$/);
    expect(details.querySelector('summary')).toHaveTextContent('Réfléchi 4 s');
  });
});
