import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { useStickToBottom } from '../../src/components/lib/use-stick-to-bottom.js';

/**
 * The transcript's stick-to-bottom under a layout change that lands between a scroll and its scroll event, as when
 * an answer's last words scroll the transcript to the end and, in the same frame, suggestion panels open below it.
 */
function PinnedTranscript() {
  const { ref, atBottom, scrollToBottom } = useStickToBottom<HTMLDivElement>();
  return (
    <div className="pc:flex pc:h-80 pc:max-w-md pc:flex-col pc:gap-2">
      <div
        ref={ref}
        role="log"
        aria-label="Transcript"
        tabIndex={0}
        className="pc:min-h-0 pc:flex-1 pc:overflow-y-auto pc:rounded-md pc:border pc:border-border pc:p-3"
      >
        {Array.from({ length: 30 }, (_, index) => (
          <p key={index}>Line {index + 1} of the transcript.</p>
        ))}
      </div>
      {!atBottom && (
        <button type="button" style={{ font: 'inherit' }} onClick={scrollToBottom}>
          Jump to latest
        </button>
      )}
      <div data-testid="panel" className="pc:shrink-0 pc:rounded-md pc:bg-muted" />
    </div>
  );
}

const meta = {
  title: 'Diagnostics/Stick to bottom',
  component: PinnedTranscript,
  tags: ['!autodocs'],
} satisfies Meta<typeof PinnedTranscript>;

export default meta;

const distanceFromEnd = (node: HTMLElement) => node.scrollHeight - node.scrollTop - node.clientHeight;
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

export const PanelOpeningBelowKeepsTheEnd: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const transcript = canvas.getByRole('log');
    await waitFor(() => expect(distanceFromEnd(transcript)).toBeLessThanOrEqual(1));
    for (let round = 0; round < 3; round++) {
      // The answer grows and is followed to its end; before that scroll's event is handled, a panel opens below.
      transcript.lastElementChild?.append(' More words arrive, and the transcript follows them to its end.');
      transcript.scrollTop = transcript.scrollHeight;
      (canvas.getByTestId('panel') as HTMLElement).style.height = `${(round + 1) * 60}px`;
      await nextFrame();
      await nextFrame();
      await nextFrame();
      await expect(canvas.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
      await expect(distanceFromEnd(transcript)).toBeLessThanOrEqual(1);
    }
    // Moving up still lets go of the end.
    transcript.scrollTop = 0;
    await expect(await canvas.findByRole('button', { name: 'Jump to latest' })).toBeVisible();
  },
};
