import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { AIInsightCard, ConnectionStatus } from '../../src/index.js';

/**
 * A host's own class, passed as `className`, wins over the library's defaults for the same property: the library's
 * utilities live in cascade layers, and a host's plain (unlayered) CSS beats any layer. No class merging needed.
 */
const hostCss = `
  .host-card { padding: 8px; background-color: rgb(255, 250, 205); color: rgb(32, 32, 32); }
  .host-status { gap: 24px; }
`;

function HostOverrides() {
  return (
    <div style={{ display: 'grid', gap: 16, maxWidth: 420 }}>
      <style>{hostCss}</style>
      <AIInsightCard
        className="host-card"
        insight={{ id: 'i1', kind: 'tip', title: 'Host padding', description: 'The host set 8px of padding.' }}
      />
      <ConnectionStatus isConnected className="host-status" />
    </div>
  );
}

const meta = {
  title: 'Diagnostics/Host class wins',
  component: HostOverrides,
  tags: ['!autodocs'],
} satisfies Meta<typeof HostOverrides>;

export default meta;

export const HostCssOverridesDefaults: StoryObj<typeof meta> = {
  // The host's pale background is chosen for the light theme.
  globals: { theme: 'light' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = getComputedStyle(canvas.getByRole('article'));
    await expect(card.paddingTop).toBe('8px');
    await expect(card.backgroundColor).toBe('rgb(255, 250, 205)');
    await expect(getComputedStyle(canvas.getByRole('status')).columnGap).toBe('24px');
  },
};
