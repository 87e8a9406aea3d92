import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { EnhancedChatInterface } from '../../src/components/EnhancedChatInterface.js';
import { chatFrame } from '../support/chat-frame.js';
import { encodeSseEvent, sseResponse } from '../../src/msw/sse.js';
import { arabicLabels } from '../support/labels-ar.js';
import { examplePrompts } from '../support/example-prompts.js';

const ENDPOINT = '/api/v2/chat/completions/';

function chunk(content: string, finish: string | null = null) {
  return encodeSseEvent({ data: { choices: [{ index: 0, delta: { content }, finish_reason: finish }] } });
}

/** A short, fixed answer streamed in a few chunks. */
function answerHandler(words: string[]) {
  return http.post(ENDPOINT, () =>
    sseResponse([...words.map((w) => chunk(w)), chunk('', 'stop'), encodeSseEvent({ data: '[DONE]' })]),
  );
}

const meta = {
  title: 'Chat/EnhancedChatInterface',
  component: EnhancedChatInterface,
  parameters: { layout: 'fullscreen' },
  args: {
    examplePrompts,
    onMessageSent: fn(),
    chatOptions: { endpoint: ENDPOINT, retry: { baseDelayMs: 1, maxDelayMs: 5 } },
  },
  argTypes: {
    placeholder: { control: 'text' },
    examplePrompts: { control: 'object' },
    maxLength: { control: { type: 'number', min: 1 } },
    // The wiring to the stories' mocked endpoint: editing it would only break the chat.
    chatOptions: { control: false },
    useChat: { control: false },
  },
  decorators: [chatFrame],
} satisfies Meta<typeof EnhancedChatInterface>;

export default meta;
type Story = StoryObj<typeof meta>;

async function ask(canvasElement: HTMLElement, prompt: string) {
  const canvas = within(canvasElement);
  const composer = canvas.getByRole('textbox', { name: 'Message' });
  await userEvent.type(composer, prompt);
  await userEvent.keyboard('{Enter}');
  return { canvas, log: within(canvas.getByRole('log')) };
}

/** The empty state offers example prompts; choosing one puts it into the composer. */
export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('How can I help?')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: /Server-Sent Events/ }));
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveValue(
      'Explain Server-Sent Events in two sentences.',
    );
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveFocus();
    // Attach and Send sit on the one-line text box's centre line (Send sat 5 px low once).
    const middle = (element: HTMLElement) => {
      const box = element.getBoundingClientRect();
      return (box.top + box.bottom) / 2;
    };
    const line = middle(canvas.getByRole('textbox', { name: 'Message' }));
    await expect(Math.abs(middle(canvas.getByRole('button', { name: 'Send' })) - line)).toBeLessThanOrEqual(0.5);
    await expect(Math.abs(middle(canvas.getByRole('button', { name: 'Attach files' })) - line)).toBeLessThanOrEqual(
      0.5,
    );
  },
};

/** Type, press Enter: the question stays in the transcript and the answer streams in below it. */
export const Streaming: Story = {
  beforeEach({ msw }) {
    msw.use(answerHandler(['Server-Sent Events ', 'stream text ', 'over plain **HTTP**.']));
  },
  play: async ({ canvasElement, args }) => {
    const { canvas, log } = await ask(canvasElement, 'What is SSE?');
    await expect(canvas.getByRole('log', { name: 'Conversation' })).toBeVisible();
    await expect(log.getByText('What is SSE?')).toBeVisible();
    await waitFor(() => expect(log.getByText('HTTP').tagName).toBe('STRONG'));
    const announcer = canvasElement.querySelector('[data-slot="chat-announcer"]');
    await waitFor(() => expect(announcer).toHaveTextContent('Answer: Server-Sent Events stream text over plain HTTP.'));
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveValue('');
    await expect(args.onMessageSent).toHaveBeenCalledOnce();
    await expect(args.onMessageSent).toHaveBeenCalledWith('What is SSE?');
  },
};

/** Shift+Enter breaks the line instead of sending. */
export const ShiftEnterBreaksLine: Story = {
  play: async ({ canvas, args }) => {
    const composer = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(composer, 'first line{Shift>}{Enter}{/Shift}second line');
    await expect(composer).toHaveValue('first line\nsecond line');
    await expect(args.onMessageSent).not.toHaveBeenCalled();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  beforeEach({ msw }) {
    msw.use(answerHandler(['Dark mode ', 'works.']));
  },
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement, 'Does dark mode work?');
    await waitFor(() => expect(log.getByText(/Dark mode works\./)).toBeVisible());
  },
};

export const ArabicRtl: Story = {
  globals: { dir: 'rtl' },
  args: { labels: arabicLabels },
  beforeEach({ msw }) {
    msw.use(answerHandler(['مرحبًا! ', 'كيف ', 'يمكنني المساعدة؟']));
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const composer = canvas.getByRole('textbox', { name: 'الرسالة' });
    await userEvent.type(composer, 'مرحبا');
    await userEvent.click(canvas.getByRole('button', { name: 'إرسال' }));
    await waitFor(() => expect(within(canvas.getByRole('log')).getByText(/يمكنني المساعدة/)).toBeVisible());
    // Send comes back (in place of Stop) once the answer is complete.
    const send = await canvas.findByRole('button', { name: 'إرسال' });
    await expect(send.getBoundingClientRect().left).toBeLessThan(composer.getBoundingClientRect().left);
  },
};

export const NarrowMobile: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  parameters: { layout: 'fullscreen' },
  decorators: [
    (Story) => (
      // The whole phone screen, whatever its height: no blank band under the composer.
      <div style={{ width: '100%', height: '100dvh' }}>
        <Story />
      </div>
    ),
  ],
  beforeEach({ msw }) {
    msw.use(answerHandler(['Fits ', 'on a phone.']));
  },
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement, 'Does it fit?');
    await waitFor(() => expect(log.getByText(/Fits on a phone\./)).toBeVisible());
    const chat = canvasElement.querySelector('[data-slot="chat"]') as HTMLElement;
    await expect(chat.scrollWidth).toBeLessThanOrEqual(chat.clientWidth);
  },
};

const longHistory = Array.from({ length: 12 }, (_, i) => [
  { id: `u${i}`, role: 'user' as const, content: `Question ${i + 1}?`, status: 'complete' as const, createdAt: 0 },
  {
    id: `a${i}`,
    role: 'assistant' as const,
    content: `Answer ${i + 1}.\n\nA paragraph long enough to take a few lines in the transcript, so that twelve of them overflow it.`,
    status: 'complete' as const,
    createdAt: 0,
  },
]).flat();

/** A reader who scrolled up is not pulled down by a streaming answer; "Jump to latest" brings them back. */
let releaseRest = () => {};
export const ScrolledUpIsNotYanked: Story = {
  args: { initialMessages: longHistory },
  beforeEach({ msw }) {
    const rest = new Promise<void>((resolve) => {
      releaseRest = resolve;
    });
    msw.use(
      http.post(ENDPOINT, () =>
        sseResponse(
          (async function* () {
            yield chunk('The first words, ');
            await rest;
            yield chunk('then the rest of the answer arrives.', 'stop');
            yield encodeSseEvent({ data: '[DONE]' });
          })(),
        ),
      ),
    );
  },
  play: async ({ canvasElement }) => {
    const { canvas, log } = await ask(canvasElement, 'One more?');
    const transcript = canvas.getByRole('log');
    await waitFor(() => expect(log.getByText(/The first words/)).toBeInTheDocument());
    transcript.scrollTop = 0;
    transcript.dispatchEvent(new Event('scroll'));
    const jump = await canvas.findByRole('button', { name: 'Jump to latest' });
    releaseRest();
    await waitFor(() => expect(log.getByText(/the rest of the answer arrives\./)).toBeInTheDocument());
    await expect(transcript.scrollTop).toBeLessThan(50);
    await userEvent.click(jump);
    await waitFor(() =>
      expect(transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight).toBeLessThan(60),
    );
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Jump to latest' })).toBeNull());
  },
};
