import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { SkeletonLoader } from '../../src/components/SkeletonLoader.js';
import { arabicLabels } from '../support/labels-ar.js';
import { expectStillUnderReducedMotion } from '../support/reduced-motion.js';
import { expectVisuallyHidden } from '../support/visually-hidden.js';

const meta = {
  title: 'Components/SkeletonLoader',
  component: SkeletonLoader,
  args: { variant: 'message' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['message', 'list', 'card'] },
    lines: { control: { type: 'number', min: 1, max: 8 } },
    count: { control: { type: 'number', min: 1, max: 8 } },
  },
} satisfies Meta<typeof SkeletonLoader>;

export default meta;
type Story = StoryObj<typeof meta>;

const width = (element: Element) => element.getBoundingClientRect().width;

/** An assistant answer on its way: three lines where its text will be, the last one shorter; no avatar, no box. */
export const Message: Story = {
  play: async ({ canvas, canvasElement }) => {
    const status = canvas.getByRole('status', { name: 'Loading…' });
    await expect(status).toHaveAttribute('aria-busy', 'true');
    await expect(status).toHaveAttribute('data-variant', 'message');
    await expect(
      canvasElement.querySelector('[data-slot="skeleton-avatar"], [data-slot="skeleton-bubble"]'),
    ).toBeNull();
    const lines = [...status.querySelectorAll('[data-slot="skeleton-line"]')];
    await expect(lines).toHaveLength(3);
    await expect(width(lines[2]!)).toBeLessThan(width(lines[0]!));
    await expect(width(lines[2]!)).toBeGreaterThan(0);
    // Its name is read, never shown; it breathes as one piece, and not at all under reduced motion.
    await expectVisuallyHidden(canvas.getByText('Loading…'));
    await expectStillUnderReducedMotion(status, 1);
  },
};

/** A column of rows, each an avatar and two lines of different lengths. */
export const List: Story = {
  args: { variant: 'list', count: 4 },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status', { name: 'Loading…' });
    await expect(status).toHaveAttribute('data-variant', 'list');
    const rows = [...status.querySelectorAll('[data-slot="skeleton-row"]')];
    await expect(rows).toHaveLength(4);
    const firstLines = rows.map((row) => width(row.querySelector('[data-slot="skeleton-line"]')!));
    await expect(new Set(firstLines).size).toBeGreaterThan(1);
    await expectStillUnderReducedMotion(status, 1);
  },
};

/** A card: title, two lines of text and a button-shaped bar. */
export const Card: Story = {
  args: { variant: 'card', className: 'pc:max-w-sm' },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status', { name: 'Loading…' });
    await expect(status).toHaveAttribute('data-variant', 'card');
    await expect(status.querySelector('[data-slot="skeleton-title"]')).toBeVisible();
    await expect(status.querySelectorAll('[data-slot="skeleton-line"]')).toHaveLength(2);
    const button = status.querySelector('[data-slot="skeleton-button"]')!;
    await expect(button).toBeVisible();
    await expect(button.getBoundingClientRect().height).toBe(32);
    await expectStillUnderReducedMotion(status, 1);
  },
};

/** All three shapes on the dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { controls: { exclude: ['variant', 'count'] } },
  render: (args) => (
    <div className="pc:flex pc:flex-col pc:gap-6">
      <SkeletonLoader {...args} variant="message" />
      <SkeletonLoader {...args} variant="list" count={2} />
      <SkeletonLoader {...args} variant="card" className="pc:max-w-sm" />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    const statuses = canvas.getAllByRole('status', { name: 'Loading…' });
    await expect(statuses.map((s) => s.getAttribute('data-variant'))).toEqual(['message', 'list', 'card']);
  },
};

/** Arabic, right to left: the lines start at the right, where the answer's text will start. */
export const ArabicRtl: Story = {
  globals: { dir: 'rtl' },
  args: { labels: arabicLabels.loader },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status', { name: 'جارٍ التحميل…' });
    const lines = [...status.querySelectorAll('[data-slot="skeleton-line"]')];
    // The short last line keeps to the start edge: its right edge meets the first line's.
    await expect(Math.round(lines[2]!.getBoundingClientRect().right)).toBe(
      Math.round(lines[0]!.getBoundingClientRect().right),
    );
  },
};
