import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ChatError, type ChatErrorKind } from '../../src/core/errors.js';
import { ErrorToast } from '../../src/components/ErrorToast.js';
import { arabicLabels } from '../support/labels-ar.js';

const meta = {
  title: 'Components/ErrorToast',
  component: ErrorToast,
  args: { onRetry: fn(), onDismiss: fn() },
  argTypes: { error: { control: false } },
} satisfies Meta<typeof ErrorToast>;

export default meta;
type Story = StoryObj<typeof meta>;

const errors: Record<Exclude<ChatErrorKind, 'aborted'>, ChatError> = {
  network: new ChatError('network', 'The connection to the chat server failed.'),
  timeout: new ChatError('timeout', 'The server sent nothing for 30000 ms.'),
  server: new ChatError('server', 'The model provider returned 503 Service Unavailable.', { status: 503 }),
  rate_limit: new ChatError('rate_limit', 'Rate limit reached for requests.', { status: 429, retryAfterMs: 42_000 }),
  auth: new ChatError('auth', 'Your session has expired. Sign in again to continue.', { status: 401 }),
  client: new ChatError('client', "Invalid model 'gpt-9': it does not exist.", { status: 400 }),
  protocol: new ChatError('protocol', 'The server answered with text/html, not an event stream.'),
  max_steps: new ChatError(
    'max_steps',
    'The model was still calling tools after 5 requests, so the answer stopped there. Send a message to let it go on.',
  ),
};

/** The toast's title, and its buttons by accessible name: the one action that helps, then Dismiss. */
const expectToast = async (canvasElement: HTMLElement, title: string, action: string | null) => {
  const alert = await within(canvasElement).findByRole('alert');
  await expect(alert).toHaveTextContent(title);
  const buttons = within(alert)
    .getAllByRole('button')
    .map((b) => b.getAttribute('aria-label') ?? b.textContent);
  await expect(buttons).toEqual(action ? [action, 'Dismiss'] : ['Dismiss']);
  return alert;
};

export const Network: Story = {
  args: { error: errors.network },
  play: async ({ canvasElement, args }) => {
    const alert = await expectToast(canvasElement, 'Connection lost', 'Retry');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

export const Timeout: Story = {
  args: { error: errors.timeout },
  play: async ({ canvasElement }) => {
    await expectToast(canvasElement, 'The server stopped responding', 'Retry');
  },
};

export const Server: Story = {
  args: { error: errors.server },
  play: async ({ canvasElement }) => {
    const alert = await expectToast(canvasElement, 'The server had a problem', 'Retry');
    // Plain words first; the provider's message and the status wait under Details.
    await expect(
      within(alert).getByText('The service could not answer this time. Trying again usually helps.'),
    ).toBeVisible();
    await expect(within(alert).getByText('Details')).toBeVisible();
    await expect(within(alert).getByText('server · HTTP 503')).not.toBeVisible();
  },
};

/** A rate limit: Retry stays disabled while the server's Retry-After runs, counting down on itself. */
export const RateLimited: Story = {
  args: { error: errors.rate_limit },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Too many requests');
    await expect(within(alert).getByRole('button', { name: /^Retry in (41|42) s$/ })).toBeDisabled();
  },
};

/** Retrying cannot help: signing in is the way out, so Sign in (the host's `onAuthRequired`) and no Retry. */
export const SessionExpired: Story = {
  args: { error: errors.auth, onAuthRequired: fn() },
  play: async ({ canvasElement, args }) => {
    const alert = await expectToast(canvasElement, 'Session expired', 'Sign in');
    await userEvent.click(within(alert).getByRole('button', { name: 'Sign in' }));
    await expect(args.onAuthRequired).toHaveBeenCalledOnce();
  },
};

/** The server's own message, verbatim. */
export const RequestRefused: Story = {
  args: { error: errors.client },
  play: async ({ canvasElement }) => {
    const alert = await expectToast(canvasElement, 'Request refused', null);
    await expect(alert).toHaveTextContent("Invalid model 'gpt-9': it does not exist.");
  },
};

export const UnexpectedReply: Story = {
  args: { error: errors.protocol },
  play: async ({ canvasElement }) => {
    await expectToast(canvasElement, 'Unexpected reply', 'Retry');
  },
};

export const ToolStepLimit: Story = {
  args: { error: errors.max_steps },
  play: async ({ canvasElement }) => {
    const alert = await expectToast(canvasElement, 'Too many tool steps', 'Retry');
    await expect(alert).toHaveTextContent('Send a message to let it go on.');
  },
};

/** Escape inside the toast dismisses it, and focus returns to the button that was focused before. */
export const EscapeDismisses: Story = {
  args: { error: null },
  render: function Render(args) {
    const [error, setError] = useState<ChatError | null>(null);
    return (
      <div className="pc:flex pc:flex-col pc:items-start pc:gap-3">
        {/* The host's own button, in the page's font: a UA-styled one is drawn in whatever font the machine has. */}
        <button type="button" style={{ font: 'inherit' }} onClick={() => setError(errors.network)}>
          Send
        </button>
        <ErrorToast {...args} error={error} onDismiss={() => setError(null)} />
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const send = canvas.getByRole('button', { name: 'Send' });
    await userEvent.click(send);
    const alert = await canvas.findByRole('alert');
    // Tab order inside: Details, then Retry.
    await userEvent.tab();
    await userEvent.tab();
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('alert')).toBeNull());
    await expect(send).toHaveFocus();
  },
};

export const Dark: Story = {
  args: { error: errors.server },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expectToast(canvasElement, 'The server had a problem', 'Retry');
  },
};

export const ArabicRtl: Story = {
  args: { error: errors.rate_limit, labels: arabicLabels.errorToast },
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('طلبات كثيرة جدًا');
    await expect(within(alert).getByRole('button', { name: /^إعادة المحاولة بعد (41|42) ث$/ })).toBeDisabled();
    const icon = alert.querySelector('svg') as SVGElement;
    await expect(icon.getBoundingClientRect().left).toBeGreaterThan(
      within(alert).getByText('طلبات كثيرة جدًا').getBoundingClientRect().left,
    );
  },
};
