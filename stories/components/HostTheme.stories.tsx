import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { expect, within } from 'storybook/test';
import { ConnectionStatus } from '../../src/components/ConnectionStatus.js';
import { ErrorToast } from '../../src/components/ErrorToast.js';
import { StreamingMessageBubble } from '../../src/components/StreamingMessageBubble.js';
import { ChatError } from '../../src/core/errors.js';

/** A host's brand: any `--pc-*` token set on an ancestor restyles every component below it. */
const brand = {
  '--pc-accent': 'oklch(0.45 0.2 300)',
  '--pc-accent-foreground': 'oklch(0.99 0 0)',
  '--pc-user-bubble': 'oklch(0.45 0.2 300)',
  '--pc-user-bubble-foreground': 'oklch(0.99 0 0)',
  '--pc-background': 'oklch(0.98 0.01 300)',
  '--pc-border': 'oklch(0.8 0.05 300)',
  '--pc-radius': '0.25rem',
  // Self-hosted (preview.tsx), like every font a story shows: a system serif would differ from machine to machine.
  '--pc-font-body': '"Noto Serif Variable", serif',
} as CSSProperties;

function HostThemed() {
  return (
    <div data-testid="host" style={brand} className="pc:flex pc:max-w-xl pc:flex-col pc:gap-4 pc:p-4">
      <ConnectionStatus isConnected />
      <StreamingMessageBubble
        message={{ id: 'u', role: 'user', content: 'Does my brand colour apply?', status: 'complete', createdAt: 0 }}
      />
      <StreamingMessageBubble
        message={{
          id: 'a',
          role: 'assistant',
          content: 'Yes: **every** token is a CSS variable.',
          status: 'complete',
          createdAt: 0,
        }}
      />
      <ErrorToast error={new ChatError('server', 'Example failure, themed.')} onRetry={() => {}} onDismiss={() => {}} />
    </div>
  );
}

const meta = {
  title: 'Theming/Host overrides',
  component: HostThemed,
  tags: ['!autodocs'],
} satisfies Meta<typeof HostThemed>;

export default meta;

export const BrandTokens: StoryObj<typeof meta> = {
  // A light brand: it sets its own light background, so it pins the light theme for its text colours.
  globals: { theme: 'light' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const userBody = canvasElement.querySelector('[data-role="user"] [data-slot="message-body"]') as HTMLElement;
    const retry = within(await canvas.findByRole('alert')).getByRole('button', { name: 'Retry' });
    // The brand purple as this browser serialises it, not the default blue.
    const probe = document.createElement('span');
    probe.style.backgroundColor = 'oklch(0.45 0.2 300)';
    document.body.append(probe);
    const purple = getComputedStyle(probe).backgroundColor;
    probe.remove();
    await expect(getComputedStyle(retry).backgroundColor).toBe(purple);
    await expect(getComputedStyle(userBody).backgroundColor).toBe(purple);
    await expect(getComputedStyle(userBody).borderTopLeftRadius).toBe('4px');
    await expect(getComputedStyle(canvas.getByRole('status')).fontFamily).toContain('Noto Serif Variable');
  },
};
