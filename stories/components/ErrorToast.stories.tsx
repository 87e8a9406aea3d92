import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ChatError, type ChatErrorKind } from '../../src/core/errors.js';
import { ErrorToast, type ErrorToastProps } from '../../src/components/ErrorToast.js';
import { arabicLabels } from '../support/labels-ar.js';

/** Every kind the toast shows (an `aborted` answer is the user's own doing, and hides it). */
type ShownKind = Exclude<ChatErrorKind, 'aborted'>;

/** Each kind as it happens: the server's message, the HTTP status, how long a rate limit asks to wait. */
const examples: Record<ShownKind, { message: string; status?: number; retryAfterMs?: number }> = {
  network: { message: 'The connection to the chat server failed.' },
  timeout: { message: 'The server sent nothing for 30000 ms.' },
  server: { message: 'The model provider returned 503 Service Unavailable.', status: 503 },
  rate_limit: { message: 'Rate limit reached for requests.', status: 429, retryAfterMs: 42_000 },
  auth: { message: 'Your session has expired. Sign in again to continue.', status: 401 },
  client: { message: "Invalid model 'gpt-9': it does not exist.", status: 400 },
  protocol: { message: 'The server answered with text/html, not an event stream.' },
  max_steps: {
    message:
      'The model was still calling tools after 5 requests, so the answer stopped there. Send a message to let it go on.',
  },
};

/** The story's controls, from which it builds the `ChatError` the toast gets as `error`. */
interface ExampleError {
  kind: ShownKind;
  message?: string;
  retryAfterMs?: number;
}

type Args = ErrorToastProps & ExampleError;

const toChatError = ({ kind, message, retryAfterMs }: ExampleError) => {
  const example = examples[kind];
  return new ChatError(kind, message ?? example.message, {
    status: example.status,
    retryAfterMs: retryAfterMs ?? example.retryAfterMs,
  });
};

const exampleControl = { category: 'Example error' };

const meta = {
  title: 'Components/ErrorToast',
  component: ErrorToast,
  // `error` is required by the component's type; the story passes the one `render` builds from the controls.
  args: { kind: 'network', error: null, onRetry: fn(), onDismiss: fn() },
  argTypes: {
    error: { control: false },
    kind: {
      description: 'What failed: the `kind` of the `ChatError` the story passes as `error`.',
      control: 'select',
      options: Object.keys(examples),
      table: exampleControl,
    },
    message: {
      description: "The error's message, as the server said it. Unset: a typical one for the kind.",
      control: 'text',
      table: exampleControl,
    },
    retryAfterMs: {
      description:
        'How long the server asked to wait (`Retry-After`); the toast counts it down. Unset: 42 s for a rate limit.',
      control: { type: 'number', min: 0, step: 1000 },
      table: exampleControl,
    },
  },
  render: function Render({ kind, message, retryAfterMs, ...args }) {
    // One error per choice: the toast restarts its entrance and countdown for each new error object.
    const error = useMemo(() => toChatError({ kind, message, retryAfterMs }), [kind, message, retryAfterMs]);
    return <ErrorToast {...args} error={error} />;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

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
  args: { kind: 'network' },
  play: async ({ canvasElement, args }) => {
    const alert = await expectToast(canvasElement, 'Connection lost', 'Retry');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

export const Timeout: Story = {
  args: { kind: 'timeout' },
  play: async ({ canvasElement }) => {
    await expectToast(canvasElement, 'The server stopped responding', 'Retry');
  },
};

export const Server: Story = {
  args: { kind: 'server' },
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
  args: { kind: 'rate_limit' },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Too many requests');
    await expect(within(alert).getByRole('button', { name: /^Retry in (41|42) s$/ })).toBeDisabled();
  },
};

/** Retrying cannot help: signing in is the way out, so Sign in (the host's `onAuthRequired`) and no Retry. */
export const SessionExpired: Story = {
  args: { kind: 'auth', onAuthRequired: fn() },
  play: async ({ canvasElement, args }) => {
    const alert = await expectToast(canvasElement, 'Session expired', 'Sign in');
    await userEvent.click(within(alert).getByRole('button', { name: 'Sign in' }));
    await expect(args.onAuthRequired).toHaveBeenCalledOnce();
  },
};

/** The server's own message, verbatim. */
export const RequestRefused: Story = {
  args: { kind: 'client' },
  play: async ({ canvasElement }) => {
    const alert = await expectToast(canvasElement, 'Request refused', null);
    await expect(alert).toHaveTextContent("Invalid model 'gpt-9': it does not exist.");
  },
};

export const UnexpectedReply: Story = {
  args: { kind: 'protocol' },
  play: async ({ canvasElement }) => {
    await expectToast(canvasElement, 'Unexpected reply', 'Retry');
  },
};

export const ToolStepLimit: Story = {
  args: { kind: 'max_steps' },
  play: async ({ canvasElement }) => {
    const alert = await expectToast(canvasElement, 'Too many tool steps', 'Retry');
    await expect(alert).toHaveTextContent('Send a message to let it go on.');
  },
};

/** Escape inside the toast dismisses it, and focus returns to the button that was focused before. */
export const EscapeDismisses: Story = {
  render: function Render({ kind, message, retryAfterMs, ...args }) {
    const [error, setError] = useState<ChatError | null>(null);
    return (
      <div className="pc:flex pc:flex-col pc:items-start pc:gap-3">
        {/* The host's own button, in the page's font: a UA-styled one is drawn in whatever font the machine has. */}
        <button
          type="button"
          style={{ font: 'inherit' }}
          onClick={() => setError(toChatError({ kind, message, retryAfterMs }))}
        >
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
  args: { kind: 'server' },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expectToast(canvasElement, 'The server had a problem', 'Retry');
  },
};

export const ArabicRtl: Story = {
  args: { kind: 'rate_limit', labels: arabicLabels.errorToast },
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
