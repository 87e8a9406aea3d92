import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { EgyptianLoadingAnimation } from '../../src/components/EgyptianLoadingAnimation.js';
import { arabicLabels } from '../support/labels-ar.js';
import { expectStillUnderReducedMotion } from '../support/reduced-motion.js';
import { expectVisuallyHidden } from '../support/visually-hidden.js';

const meta = {
  title: 'Components/EgyptianLoadingAnimation',
  component: EgyptianLoadingAnimation,
  args: { size: 'md', showLabel: false },
  argTypes: {
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
    label: { control: 'text' },
    showLabel: { control: 'boolean' },
  },
} satisfies Meta<typeof EgyptianLoadingAnimation>;

export default meta;
type Story = StoryObj<typeof meta>;

const graphic = (root: Element) => root.querySelector('[data-slot="egyptian-loader-graphic"]')!;
const widthOf = (root: Element) => graphic(root).getBoundingClientRect().width;

/** 24 px: inline, beside a line of text. The label is for screen readers only. */
export const Small: Story = {
  args: { size: 'sm' },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status', { name: 'Thinking…' });
    await expect(status).toHaveAttribute('data-size', 'sm');
    await expect(widthOf(status)).toBe(24);
    await expectVisuallyHidden(canvas.getByText('Thinking…'));
    // A one-colour silhouette in the text's colour: the pyramid and its sun, no glyphs.
    const fills = [...graphic(status).querySelectorAll('circle, path')].map((shape) => getComputedStyle(shape).fill);
    await expect(new Set(fills)).toEqual(new Set([getComputedStyle(status).color]));
    // The sun still arcs, unless the reader asked for reduced motion.
    await expectStillUnderReducedMotion(status, 1);
  },
};

/** 48 px, the default. */
export const Medium: Story = {
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status', { name: 'Thinking…' });
    await expect(status).toHaveAttribute('data-size', 'md');
    await expect(widthOf(status)).toBe(48);
    // The sun and the three glyphs move, and all four stand still under reduced motion.
    await expectStillUnderReducedMotion(status, 4);
  },
};

/** 96 px: an empty transcript while the first answer is thought through. */
export const Large: Story = {
  args: { size: 'lg' },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status', { name: 'Thinking…' });
    await expect(status).toHaveAttribute('data-size', 'lg');
    await expect(widthOf(status)).toBe(96);
  },
};

/** The three sizes side by side, each square. */
export const Sizes: Story = {
  parameters: { controls: { exclude: ['size'] } },
  render: (args) => (
    <div className="pc:flex pc:items-end pc:gap-6">
      <EgyptianLoadingAnimation {...args} size="sm" />
      <EgyptianLoadingAnimation {...args} size="md" />
      <EgyptianLoadingAnimation {...args} size="lg" />
    </div>
  ),
  play: async ({ canvas }) => {
    const statuses = canvas.getAllByRole('status', { name: 'Thinking…' });
    await expect(statuses.map((s) => s.getAttribute('data-size'))).toEqual(['sm', 'md', 'lg']);
    await expect(statuses.map(widthOf)).toEqual([24, 48, 96]);
    await expect(statuses.map((s) => graphic(s).getBoundingClientRect().height)).toEqual([24, 48, 96]);
  },
};

/** The label shown beside the drawing, at every size; `label` replaces the default text. */
export const WithLabel: Story = {
  args: { showLabel: true, label: 'Reasoning about your prompt…' },
  parameters: { controls: { exclude: ['size'] } },
  render: (args) => (
    <div className="pc:flex pc:flex-col pc:items-start pc:gap-4">
      <EgyptianLoadingAnimation {...args} size="sm" />
      <EgyptianLoadingAnimation {...args} size="md" />
      <EgyptianLoadingAnimation {...args} size="lg" />
    </div>
  ),
  play: async ({ canvas }) => {
    const statuses = canvas.getAllByRole('status', { name: 'Reasoning about your prompt…' });
    await expect(statuses).toHaveLength(3);
    for (const status of statuses) {
      const label = status.querySelector('[data-slot="egyptian-loader-label"]')!;
      await expect(label).toBeVisible();
      await expect(label.getBoundingClientRect().width).toBeGreaterThan(graphic(status).getBoundingClientRect().width);
      // Beside the drawing, on its end side.
      await expect(label.getBoundingClientRect().left).toBeGreaterThanOrEqual(
        graphic(status).getBoundingClientRect().right,
      );
    }
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { size: 'lg', showLabel: true },
  play: async ({ canvas }) => {
    await expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    const status = canvas.getByRole('status', { name: 'Thinking…' });
    await expect(canvas.getByText('Thinking…')).toBeVisible();
    await expect(widthOf(status)).toBe(96);
  },
};

/** Arabic, right to left: the drawing sits at the start (right) of its label; the drawing itself is not mirrored. */
export const ArabicRtl: Story = {
  globals: { dir: 'rtl' },
  args: { showLabel: true, labels: arabicLabels.loader },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status', { name: 'يفكر…' });
    const label = canvas.getByText('يفكر…');
    await expect(label).toBeVisible();
    await expect(graphic(status).getBoundingClientRect().left).toBeGreaterThan(label.getBoundingClientRect().left);
  },
};
