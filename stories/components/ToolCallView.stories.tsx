import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ChatLabelsProvider } from '../../src/components/labels.js';
import { SourceList } from '../../src/components/parts/SourceList.js';
import { ToolCallView } from '../../src/components/parts/ToolCallView.js';
import type { ToolCallPart } from '../../src/core/messages.js';
import { arabicLabels } from '../support/labels-ar.js';

const call = (fields: Partial<ToolCallPart>): ToolCallPart => ({
  type: 'tool-call',
  toolCallId: 'call_1',
  toolName: 'get_weather',
  argsText: '{"city":"Paris"}',
  args: { city: 'Paris' },
  state: 'result',
  ...fields,
});

/** One call in each state, as a transcript shows them. */
const states: ToolCallPart[] = [
  call({ toolCallId: 'a', state: 'streaming-args', argsText: '{"city":"Pa', args: undefined }),
  call({ toolCallId: 'b', state: 'running' }),
  call({
    toolCallId: 'c',
    toolName: 'send_email',
    argsText: '{"to":"ana@example.com","subject":"Lunch on Friday"}',
    args: { to: 'ana@example.com', subject: 'Lunch on Friday' },
    state: 'awaiting-result',
  }),
  call({ toolCallId: 'd', state: 'result', result: { city: 'Paris', celsius: 18, sky: 'partly cloudy' } }),
  call({
    toolCallId: 'e',
    state: 'error',
    args: { city: 'Atlantis' },
    errorText: 'The weather service does not know "Atlantis".',
  }),
];

const sources = [
  { url: 'https://html.spec.whatwg.org/multipage/server-sent-events.html', title: 'HTML Standard: Server-sent events' },
  { url: 'https://developer.mozilla.org/en-US/docs/Web/API/Server-sent_events', title: 'Server-sent events - MDN' },
  { url: 'https://example.com/no-title' },
];

function AllStates({ addResult }: { addResult: (result: unknown) => void }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 640 }}>
      {states.map((c) => (
        <ToolCallView key={c.toolCallId} call={c} addResult={addResult} />
      ))}
      <SourceList sources={sources} />
    </div>
  );
}

/**
 * `ToolCallView` in each state — preparing, running, waiting for you (with Approve / Deny), done (folded) and
 * failed — and `SourceList` under them.
 */
const meta = {
  title: 'Components/ToolCallView',
  component: AllStates,
  args: { addResult: fn() },
} satisfies Meta<typeof AllStates>;

export default meta;
type Story = StoryObj<typeof meta>;

const expectStates = async (canvasElement: HTMLElement, labels: string[]) => {
  const views = [...canvasElement.querySelectorAll<HTMLDetailsElement>('[data-slot="tool-call"]')];
  await expect(views.map((v) => v.querySelector('[data-slot="tool-call-state"]')?.textContent)).toEqual(labels);
  // Open while under way or failed; folded once done.
  await expect(views.map((v) => v.open)).toEqual([true, true, true, false, true]);
  return views;
};

export const States: Story = {
  play: async ({ canvasElement, args }) => {
    const views = await expectStates(canvasElement, ['Preparing', 'Running', 'Waiting for you', 'Done', 'Failed']);
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Approve' }));
    await expect(args.addResult).toHaveBeenCalledWith({ approved: true });
    // The done call opens from its summary, which is in the tab order.
    const summary = views[3]?.querySelector('summary') as HTMLElement;
    await expect(summary.tabIndex).toBe(0);
    await userEvent.click(summary);
    await expect(views[3]?.open).toBe(true);
    await expect(canvas.getAllByRole('link', { name: /opens in a new tab/ })).toHaveLength(3);
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expectStates(canvasElement, ['Preparing', 'Running', 'Waiting for you', 'Done', 'Failed']);
  },
};

export const ArabicRtl: Story = {
  globals: { dir: 'rtl' },
  decorators: [(Story) => <ChatLabelsProvider labels={arabicLabels}>{Story()}</ChatLabelsProvider>],
  play: async ({ canvasElement }) => {
    const views = await expectStates(canvasElement, ['قيد التحضير', 'قيد التشغيل', 'بانتظارك', 'تم', 'فشل']);
    // The state sits at the inline end: on the left in RTL.
    const summary = views[3]?.querySelector('summary') as HTMLElement;
    const name = summary.querySelector('[data-slot="tool-call-name"]') as HTMLElement;
    const state = summary.querySelector('[data-slot="tool-call-state"]') as HTMLElement;
    await expect(state.getBoundingClientRect().right).toBeLessThan(name.getBoundingClientRect().left);
    await expect(within(canvasElement).getByRole('button', { name: 'موافقة' })).toBeVisible();
  },
};
