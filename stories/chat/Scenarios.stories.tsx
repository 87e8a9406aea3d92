import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { EnhancedChatInterface } from '../../src/components/EnhancedChatInterface.js';
import { chatFrame } from '../support/chat-frame.js';
import { lastAnswer, scenario, sendMessage } from '../support/scenario-story.js';
import { examplePrompts } from '../support/example-prompts.js';

/**
 * One story per network situation: the real `useSSEChat` against the MSW scenario of the same name, in
 * its deterministic mode. Each play function asks a question and checks what a user would see at the end.
 */
const meta = {
  title: 'Chat/Scenarios',
  component: EnhancedChatInterface,
  tags: ['!autodocs'],
  parameters: { layout: 'fullscreen' },
  args: {
    examplePrompts,
    chatOptions: { retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 1500 }, idleTimeoutMs: 400 },
  },
  decorators: [chatFrame],
} satisfies Meta<typeof EnhancedChatInterface>;

export default meta;
type Story = StoryObj<typeof meta>;

const QUESTION = 'How does streaming over SSE work?';
const FIRST_WORDS = 'Server-Sent Events keep one HTTP response open';
const LAST_WORDS = 'nothing is lost and nothing is repeated.';

async function ask(canvasElement: HTMLElement) {
  const sent = await sendMessage(canvasElement, QUESTION);
  await expect(within(sent.log).getByText(QUESTION)).toBeVisible();
  return sent;
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

async function expectFullAnswer(log: HTMLElement) {
  const message = await lastAnswer(log, 'complete');
  await expect(occurrences(message.textContent ?? '', FIRST_WORDS)).toBe(1);
  await expect(occurrences(message.textContent ?? '', LAST_WORDS)).toBe(1);
  return message;
}

/** A failure shows once: in the failed answer, never also in a toast. */
async function expectNotice(canvasElement: HTMLElement, answer: HTMLElement, title: string) {
  const notice = answer.querySelector('[data-slot="message-status"]') as HTMLElement;
  await expect(notice).toHaveTextContent(title);
  await expect(within(canvasElement).queryByRole('alert')).toBeNull();
  return notice;
}

export const NormalStreaming: Story = {
  ...scenario('streaming'),
  play: async ({ canvasElement }) => {
    const { canvas, log } = await ask(canvasElement);
    await expectFullAnswer(log);
    const announcer = canvasElement.querySelector('[data-slot="chat-announcer"]');
    await waitFor(() => expect(announcer).toHaveTextContent(`Answer: ${FIRST_WORDS}`));
    await expect(announcer?.textContent).not.toContain('`');
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvasElement.querySelector('[data-slot="connection-status"]')).toHaveAttribute(
      'data-state',
      'connected',
    );
  },
};

/** A skeleton holds the answer's place until the first token. */
export const SlowFirstToken: Story = {
  ...scenario('slow-first-token', { firstTokenDelayMs: 800 }),
  args: { chatOptions: { idleTimeoutMs: 5000 } },
  play: async ({ canvasElement }) => {
    const { canvas, log } = await ask(canvasElement);
    await expect(await canvas.findByRole('status', { name: 'Loading…' })).toBeVisible();
    await expectFullAnswer(log);
    await expect(canvas.queryByRole('status', { name: 'Loading…' })).toBeNull();
  },
};

export const ReasoningThenAnswer: Story = {
  ...scenario('reasoning'),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement);
    const message = await expectFullAnswer(log);
    const thinking = within(message).getByRole('group');
    await expect(thinking).toHaveTextContent('The user wants to know how streaming works.');
    await expect(thinking).not.toHaveAttribute('open');
  },
};

export const MarkdownHeavy: Story = {
  ...scenario('markdown'),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement);
    const message = await lastAnswer(log, 'complete');
    await expect(within(message).getByRole('heading', { name: 'Streaming chat over SSE' })).toBeVisible();
    await expect(within(message).getByRole('table')).toBeVisible();
    await expect(message.querySelector('pre code')).not.toBeNull();
    await expect(message.textContent).not.toContain('**');
    // A quote lines up with the text around it: its bar, not the browser's 40 px indent, sets it apart.
    const quote = message.querySelector('blockquote') as HTMLElement;
    const paragraph = message.querySelector('[data-slot="markdown-finished"] > p') as HTMLElement;
    await expect(quote.getBoundingClientRect().left).toBe(paragraph.getBoundingClientRect().left);
  },
};

export const LongAnswer: Story = {
  ...scenario('long'),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement);
    const message = await lastAnswer(log, 'complete', 20_000);
    await expect((message.textContent ?? '').length).toBeGreaterThan(8000);
  },
};

/**
 * Follow-ups as compact chips under the answer (picking one puts it in the composer) and the insights in one quiet
 * strip that folds.
 */
export const InsightsAndSuggestions: Story = {
  ...scenario('insights'),
  play: async ({ canvasElement }) => {
    const { canvas, log } = await ask(canvasElement);
    await expectFullAnswer(log);
    const suggestions = await within(log).findByRole('list', { name: 'Suggestions' });
    const strip = canvasElement.querySelector('[data-slot="chat-insights"]') as HTMLDetailsElement;
    await expect(strip).not.toHaveAttribute('open');
    await expect(strip).toHaveTextContent('Insights');
    const [chip] = within(suggestions).getAllByRole('button');
    await userEvent.click(chip as HTMLElement);
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveValue(chip?.textContent ?? '');
    // Dismissing every insight removes the strip; focus lands in the composer, not on the page body.
    await userEvent.click(within(strip).getByText('Insights'));
    while (strip.isConnected) {
      const [dismiss] = within(strip).getAllByRole('button', { name: /^Dismiss/ });
      await userEvent.click(dismiss as HTMLElement);
    }
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveFocus();
    // The chips came in under the answer without letting go of its end.
    await expect(canvas.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
    await expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThanOrEqual(1);
  },
};

export const KeepAlivesBeforeContent: Story = {
  ...scenario('keep-alive', { keepAliveCount: 4, keepAliveIntervalMs: 100 }),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement);
    await expectFullAnswer(log);
  },
};

/** The token expired: it is refreshed once and the request goes through. */
export const AuthRefreshSucceeds: Story = {
  ...scenario('auth-refresh'),
  args: {
    chatOptions: { getToken: () => 'stale-token', refreshToken: () => 'refreshed-token', retry: { baseDelayMs: 1 } },
  },
  play: async ({ canvasElement }) => {
    const { canvas, log } = await ask(canvasElement);
    await expectFullAnswer(log);
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/**
 * Signed out for good: the failed answer says the session expired, in plain words, with Sign in (the host's
 * `onAuthRequired`) and no Retry; the question stays in the transcript.
 */
export const AuthExpired: Story = {
  ...scenario('auth-expired'),
  args: { chatOptions: { getToken: () => 'stale-token', refreshToken: () => 'still-stale' }, onAuthRequired: fn() },
  play: async ({ canvasElement, args }) => {
    const { log } = await ask(canvasElement);
    const failed = await lastAnswer(log, 'error');
    const notice = await expectNotice(canvasElement, failed, 'Session expired');
    await expect(notice).toHaveTextContent('Your session has expired. Sign in again to continue.');
    await expect(within(notice).queryByRole('button', { name: 'Retry' })).toBeNull();
    await userEvent.click(within(notice).getByRole('button', { name: 'Sign in' }));
    await expect(args.onAuthRequired).toHaveBeenCalledOnce();
    await expect(within(log).getByText(QUESTION)).toBeVisible();
  },
};

/** 429: the status waits out the rate limit with its countdown (not "reconnecting"), then the answer arrives by itself. */
export const RateLimitedThenSuccess: Story = {
  ...scenario('rate-limit', { retryAfterSeconds: 1 }),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement);
    const status = canvasElement.querySelector('[data-slot="connection-status"]') as HTMLElement;
    await waitFor(() => expect(status).toHaveAttribute('data-state', 'rate-limited'));
    await expect(status).toHaveTextContent(/Rate limited.*trying again in 1 s/);
    await expectFullAnswer(log);
    await expect(status).toHaveAttribute('data-state', 'connected');
  },
};

export const ServerErrorsThenSuccess: Story = {
  ...scenario('server-errors'),
  play: async ({ canvasElement }) => {
    const { canvas, log } = await ask(canvasElement);
    await expectFullAnswer(log);
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** Streaming keeps failing; one plain JSON request serves the answer. */
export const FallbackToNonStreaming: Story = {
  ...scenario('fallback'),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement);
    await expectFullAnswer(log);
  },
};

/** The connection drops mid-answer; the stream resumes from the last event id, nothing repeated or lost. */
export const CutWithIdsResumes: Story = {
  ...scenario('cut-with-ids'),
  play: async ({ canvasElement }) => {
    const { canvas, log } = await ask(canvasElement);
    await expectFullAnswer(log);
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** Cut without ids: the partial answer is kept, with a quiet "Connection lost" footer whose Retry brings the whole answer. */
export const CutWithoutIdsThenRetry: Story = {
  ...scenario('cut-without-ids'),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement);
    const partial = await lastAnswer(log, 'interrupted');
    await expect(partial).toHaveTextContent(FIRST_WORDS);
    const footer = await expectNotice(canvasElement, partial, 'Connection lost before the answer was complete');
    await userEvent.click(within(footer).getByRole('button', { name: 'Retry' }));
    await expectFullAnswer(log);
    await expect(within(log).getAllByText(QUESTION)).toHaveLength(1);
  },
};

/** A chunk that is not JSON: the text so far stays, the failure is said plainly under it, and Retry asks again. */
export const MalformedChunk: Story = {
  ...scenario('malformed-chunk'),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement);
    const failed = await lastAnswer(log, 'error');
    await expect(failed).toHaveTextContent(FIRST_WORDS);
    const notice = await expectNotice(canvasElement, failed, 'Unexpected reply');
    await userEvent.click(within(notice).getByRole('button', { name: 'Retry' }));
    await expectFullAnswer(log);
  },
};

/** The provider fails after some text: the text stays; the notice's "Details" hold the provider's own message. */
export const ErrorChunkMidStream: Story = {
  ...scenario('error-chunk'),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement);
    const failed = await lastAnswer(log, 'error');
    await expect(failed).toHaveTextContent(FIRST_WORDS);
    const notice = await expectNotice(canvasElement, failed, 'The server had a problem');
    await expect(within(notice).getByText('Details')).toBeVisible();
  },
};

/** The server goes silent: after the idle timeout the partial answer is kept and its Retry brings the whole answer. */
export const StallIdleTimeout: Story = {
  ...scenario('stall'),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement);
    const partial = await lastAnswer(log, 'interrupted');
    const footer = await expectNotice(canvasElement, partial, 'Connection lost before the answer was complete');
    await userEvent.click(within(footer).getByRole('button', { name: 'Retry' }));
    await expectFullAnswer(log);
  },
};

/**
 * The user's own Stop, mid-answer (the server has gone quiet after a few words): the partial answer is kept and
 * marked as stopped, no error shows, and the composer is ready for the next message.
 */
export const StoppedByTheUser: Story = {
  ...scenario('stall'),
  args: { chatOptions: { retry: { maxRetries: 0 }, idleTimeoutMs: 60_000 } },
  play: async ({ canvasElement }) => {
    const { canvas, log } = await ask(canvasElement);
    await waitFor(() => expect(log).toHaveTextContent(FIRST_WORDS), { timeout: 8000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Stop' }));
    const stopped = await lastAnswer(log, 'stopped');
    await expect(stopped).toHaveTextContent(FIRST_WORDS);
    await expect(within(stopped).getByText('Stopped')).toBeVisible();
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Thanks, that is enough.');
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeEnabled();
  },
};

/** Offline: the status says so and the retry waits; back online, the answer arrives without a click. */
export const OfflineThenOnline: Story = {
  ...scenario('offline'),
  play: async ({ canvasElement }) => {
    const status = canvasElement.querySelector('[data-slot="connection-status"]') as HTMLElement;
    // Dispatched until it lands: in a production build the hook may subscribe to online/offline a moment after the
    // play function starts.
    await waitFor(() => {
      window.dispatchEvent(new Event('offline'));
      return expect(status).toHaveAttribute('data-state', 'offline');
    });
    const { log } = await ask(canvasElement);
    // Held while offline: still waiting, no answer and no error, and the status says Offline, not a countdown to a
    // retry that waits for the network.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(canvasElement.querySelector('[data-slot="chat"]')).toHaveAttribute('data-state', 'streaming');
    await expect(within(canvasElement).queryByRole('alert')).toBeNull();
    await expect(status).toHaveAttribute('data-state', 'offline');
    await expect(status).toHaveTextContent(/^Offline$/);
    window.dispatchEvent(new Event('online'));
    await expectFullAnswer(log);
    await expect(status).toHaveAttribute('data-state', 'connected');
  },
};
