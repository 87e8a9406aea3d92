import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { EnhancedChatInterface } from '../../src/components/EnhancedChatInterface.js';
import { chatScenarioHandler } from '../../src/msw/index.js';
import { chatFrame } from '../support/chat-frame.js';
import { lastAnswer, scenario, sendMessage } from '../support/scenario-story.js';

/**
 * Each degraded situation held at its degraded moment — what the user sees while it lasts, not after it resolves —
 * so visual regression sees every state of the chat, not only the finished answer. The waits are long on purpose:
 * the play function stops while the chat is still waiting.
 */
const meta = {
  title: 'Chat/Degraded moments',
  component: EnhancedChatInterface,
  tags: ['!autodocs'],
  parameters: { layout: 'fullscreen' },
  decorators: [chatFrame],
} satisfies Meta<typeof EnhancedChatInterface>;

export default meta;
type Story = StoryObj<typeof meta>;

const QUESTION = 'How does streaming over SSE work?';
const FIRST_WORDS = 'Server-Sent Events keep one HTTP response open';

const statusOf = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('[data-slot="connection-status"]') as HTMLElement;

/** A 503, then a long backoff: the status says it is reconnecting and when it tries next; the answer waits. */
export const Reconnecting: Story = {
  ...scenario('server-errors', { failures: 5 }),
  args: { chatOptions: { retry: { maxRetries: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 } } },
  play: async ({ canvasElement }) => {
    await sendMessage(canvasElement, QUESTION);
    const status = statusOf(canvasElement);
    await waitFor(() => expect(status).toHaveAttribute('data-state', 'reconnecting'));
    await expect(status).toHaveTextContent(/Reconnecting \(attempt 1 of 3\).*next try in \d+ s/);
    await expect(within(canvasElement).queryByRole('alert')).toBeNull();
  },
};

/** A 429 with `Retry-After: 42`: the status waits out the rate limit with its countdown, not "reconnecting". */
export const RateLimitWait: Story = {
  ...scenario('rate-limit', { retryAfterSeconds: 42 }),
  args: { chatOptions: { retry: { maxRetries: 3, maxRetryAfterMs: 60_000 } } },
  play: async ({ canvasElement }) => {
    await sendMessage(canvasElement, QUESTION);
    const status = statusOf(canvasElement);
    await waitFor(() => expect(status).toHaveAttribute('data-state', 'rate-limited'));
    await expect(status).toHaveTextContent(/Rate limited.*trying again in (41|42) s/);
  },
};

/** The rate limit outlasted the retries: the answer's notice keeps Retry disabled, counting down the server's wait. */
export const RateLimitGaveUp: Story = {
  // Every request is refused, whichever capture of the story this is.
  ...scenario('rate-limit', { retryAfterSeconds: 42, failures: 1000 }),
  args: { chatOptions: { retry: { maxRetries: 0 } } },
  play: async ({ canvasElement }) => {
    const { log } = await sendMessage(canvasElement, QUESTION);
    const failed = await lastAnswer(log, 'error');
    const notice = failed.querySelector('[data-slot="message-status"]') as HTMLElement;
    await expect(notice).toHaveTextContent('Too many requests');
    await expect(within(notice).getByRole('button', { name: /^Retry in (41|42) s$/ })).toBeDisabled();
  },
};

/** The browser is offline: the question waits, the status says "Offline", nothing fails. */
export const Offline: Story = {
  beforeEach({ msw }) {
    msw.use(chatScenarioHandler('offline', { deterministic: true }));
    // Back online after the story, for whatever runs next in this page.
    return () => void window.dispatchEvent(new Event('online'));
  },
  play: async ({ canvasElement }) => {
    const status = statusOf(canvasElement);
    await waitFor(() => {
      window.dispatchEvent(new Event('offline'));
      return expect(status).toHaveAttribute('data-state', 'offline');
    });
    await sendMessage(canvasElement, QUESTION);
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-slot="chat"]')).toHaveAttribute('data-state', 'streaming'),
    );
    await expect(within(canvasElement).queryByRole('alert')).toBeNull();
  },
};

/** The connection dropped mid-answer and could not resume: the words so far stay, with a quiet footer and Retry. */
export const Interrupted: Story = {
  ...scenario('cut-without-ids'),
  args: { chatOptions: { retry: { maxRetries: 0 } } },
  play: async ({ canvasElement }) => {
    const { log } = await sendMessage(canvasElement, QUESTION);
    const partial = await lastAnswer(log, 'interrupted');
    await expect(partial).toHaveTextContent(FIRST_WORDS);
    const footer = partial.querySelector('[data-slot="message-status"]') as HTMLElement;
    await expect(footer).toHaveTextContent('Connection lost before the answer was complete');
    await expect(within(footer).getByRole('button', { name: 'Retry' })).toBeEnabled();
  },
};

/** The server went quiet after a few words: the answer is still open (caret, Stop), before any timeout. */
export const Stalled: Story = {
  ...scenario('stall'),
  args: { chatOptions: { retry: { maxRetries: 0 }, idleTimeoutMs: 120_000 } },
  play: async ({ canvasElement }) => {
    const { canvas, log } = await sendMessage(canvasElement, QUESTION);
    await waitFor(() => expect(log).toHaveTextContent(FIRST_WORDS), { timeout: 8000 });
    await expect(canvas.getByRole('button', { name: 'Stop' })).toBeVisible();
    await expect(statusOf(canvasElement)).toHaveAttribute('data-state', 'connected');
  },
};

/** The server kept failing and retries ran out: one notice, in the answer, in plain words, with Retry. */
export const ServerGaveUp: Story = {
  ...scenario('server-errors', { failures: 1000 }),
  args: { chatOptions: { retry: { maxRetries: 0 }, fallbackToNonStreaming: false } },
  play: async ({ canvasElement }) => {
    const { log } = await sendMessage(canvasElement, QUESTION);
    const failed = await lastAnswer(log, 'error');
    const notice = failed.querySelector('[data-slot="message-status"]') as HTMLElement;
    await expect(notice).toHaveTextContent('The service could not answer this time. Trying again usually helps.');
    await expect(within(notice).getByRole('button', { name: 'Retry' })).toBeEnabled();
    await expect(within(canvasElement).queryByRole('alert')).toBeNull();
  },
};
