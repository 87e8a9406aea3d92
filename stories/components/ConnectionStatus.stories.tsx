import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo } from 'react';
import { expect, within } from 'storybook/test';
import { ChatError } from '../../src/core/errors.js';
import {
  ConnectionStatus,
  type ConnectionState,
  type ConnectionStateInput,
  type ConnectionStatusProps,
} from '../../src/components/ConnectionStatus.js';
import { arabicLabels } from '../support/labels-ar.js';
import { expectVisuallyHidden } from '../support/visually-hidden.js';

const serverDown = new ChatError('server', 'The model provider returned 503 Service Unavailable.', { status: 503 });
const connectionLost = new ChatError('network', 'The connection to the chat server failed.');
const rateLimited = new ChatError('rate_limit', 'Rate limit reached for requests.', {
  status: 429,
  retryAfterMs: 60_000,
});

/**
 * What `useSSEChat` returns in each state, the next try a minute after `now` (a fixed distance from now, not a fixed
 * date, so the countdown reads the same on every run).
 */
function inputsFor(state: ConnectionState, now: number): Required<ConnectionStateInput> {
  const retry = (attempt: number, error: ChatError) => ({ attempt, maxRetries: 3, nextRetryAt: now + 60_000, error });
  const inputs: Record<ConnectionState, ConnectionStateInput> = {
    connected: { isConnected: true },
    connecting: { isConnected: false, isConnecting: true },
    reconnecting: { isConnected: false, error: serverDown, retryState: retry(2, serverDown) },
    'rate-limited': { isConnected: true, retryState: retry(1, rateLimited) },
    // The browser went offline and the failed request's retry waits for the network: no countdown runs.
    offline: {
      isConnected: false,
      isConnecting: true,
      error: connectionLost,
      retryState: { ...retry(1, connectionLost), offline: true },
    },
    error: { isConnected: false, error: connectionLost },
  };
  return { isConnecting: false, error: null, retryState: null, ...inputs[state] };
}

/** `state`, when set, stands for the four connection props at once, as the chat would set them. */
type Args = ConnectionStatusProps & { state?: ConnectionState };

const connectionProp = { control: false } as const;

const meta = {
  title: 'Components/ConnectionStatus',
  component: ConnectionStatus,
  args: { isConnected: true, isConnecting: false, error: null, retryState: null, variant: 'full' },
  argTypes: {
    state: {
      description:
        'The state to show: sets `isConnected`, `isConnecting`, `error` and `retryState` as `useSSEChat` would in it.',
      control: 'select',
      options: ['connected', 'connecting', 'reconnecting', 'rate-limited', 'offline', 'error'],
      table: { category: 'Example' },
    },
    variant: { control: 'inline-radio', options: ['full', 'dot'] },
    isConnected: connectionProp,
    isConnecting: connectionProp,
    error: connectionProp,
    retryState: connectionProp,
  },
  render: function Render({ state, ...args }) {
    // Computed when the state is chosen, so a countdown starts from a minute each time.
    const inputs = useMemo(() => state && inputsFor(state, Date.now()), [state]);
    return <ConnectionStatus {...args} {...inputs} />;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Connected: Story = {
  args: { state: 'connected' },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status');
    await expect(status).toHaveAttribute('data-state', 'connected');
    await expect(status).toHaveTextContent('Connected');
  },
};

export const Connecting: Story = {
  args: { state: 'connecting' },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status');
    await expect(status).toHaveAttribute('data-state', 'connecting');
    await expect(status).toHaveTextContent('Connecting…');
  },
};

export const Reconnecting: Story = {
  args: { state: 'reconnecting' },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status');
    await expect(status).toHaveAttribute('data-state', 'reconnecting');
    await expect(status).toHaveTextContent('Reconnecting (attempt 2 of 3)');
    await expect(status).toHaveTextContent(/next try in \d+ s/);
  },
};

export const Offline: Story = {
  args: { state: 'offline' },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status');
    await expect(status).toHaveAttribute('data-state', 'offline');
    await expect(status).toHaveTextContent(/^Offline$/);
  },
};

/** A 429: the status waits out the rate limit, with the countdown of the try to come; it is not a reconnection. */
export const RateLimited: Story = {
  args: { state: 'rate-limited' },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status');
    await expect(status).toHaveAttribute('data-state', 'rate-limited');
    await expect(status).toHaveTextContent(/Rate limited\s*· trying again in \d+ s/);
    await expect(status).not.toHaveTextContent('Reconnecting');
  },
};

/** The connection failed: the status says so in three words; why, and what to do, is the error notice's to say. */
export const ErrorState: Story = {
  args: { state: 'error' },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status');
    await expect(status).toHaveAttribute('data-state', 'error');
    await expect(status).toHaveTextContent('Connection problem');
    await expect(status).not.toHaveTextContent('failed');
  },
};

/** A failed answer (a 503, an expired session) is not a connection problem: the server was reached. */
export const AnswerFailedConnectionFine: Story = {
  args: { isConnected: true, error: serverDown },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveAttribute('data-state', 'connected');
  },
};

/** The compact variant: only the indicator shows; each state keeps its own shape and a screen-reader label. */
export const Dots: Story = {
  // Every state, each as a dot: neither control has anything to change here.
  parameters: { controls: { exclude: ['state', 'variant'] } },
  render: (args) => (
    <div className="pc:flex pc:gap-4">
      <ConnectionStatus {...args} variant="dot" isConnected />
      <ConnectionStatus {...args} variant="dot" isConnected={false} isConnecting />
      <ConnectionStatus {...args} variant="dot" isConnected={false} />
      <ConnectionStatus {...args} variant="dot" isConnected={false} error={connectionLost} />
      <ConnectionStatus
        {...args}
        variant="dot"
        isConnected
        retryState={{ attempt: 1, maxRetries: 3, nextRetryAt: Date.now() + 60_000, error: rateLimited }}
      />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const statuses = within(canvasElement).getAllByRole('status');
    await expect(statuses.map((s) => s.getAttribute('data-state'))).toEqual([
      'connected',
      'connecting',
      'offline',
      'error',
      'rate-limited',
    ]);
    const shapes = statuses.map((s) => s.querySelector('svg')?.innerHTML);
    await expect(new Set(shapes).size).toBe(5);
    // Each dot's label is read by screen readers and shown to no one (the title shows it on hover).
    await expect(statuses[0]).toHaveTextContent('Connected');
    for (const status of statuses)
      await expectVisuallyHidden(status.querySelector('[data-slot="connection-status-label"]')!);
  },
};

export const Dark: Story = {
  args: { state: 'error' },
  globals: { theme: 'dark' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveAttribute('data-state', 'error');
    await expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
  },
};

/** Arabic, right to left: the indicator sits at the start (right) of the pill. */
export const ArabicRtl: Story = {
  globals: { dir: 'rtl' },
  args: {
    isConnected: false,
    retryState: { attempt: 1, maxRetries: 3, nextRetryAt: Date.now() + 60_000, error: serverDown },
    labels: arabicLabels.connectionStatus,
  },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status');
    await expect(status).toHaveTextContent('إعادة الاتصال (المحاولة 1 من 3)');
    const indicator = status.querySelector('svg') as SVGElement;
    const label = canvas.getByText(/إعادة الاتصال/);
    await expect(indicator.getBoundingClientRect().left).toBeGreaterThan(label.getBoundingClientRect().left);
  },
};
