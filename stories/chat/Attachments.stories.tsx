import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { EnhancedChatInterface } from '../../src/components/EnhancedChatInterface.js';
import { DEFAULT_ENDPOINT } from '../../src/core/stream.js';
import { createScenarioResponder } from '../../src/msw/index.js';
import { chatFrame } from '../support/chat-frame.js';
import { arabicLabels } from '../support/labels-ar.js';
import { lastAnswer } from '../support/scenario-story.js';

/** The request bodies the mock server received, newest last. */
const received: { messages: { role: string; content: unknown }[] }[] = [];

/**
 * Files in the chat: attached by picker (drag and drop and paste take the same path), refused with a message at the
 * composer, sent as content parts, shown in the message. The real `useSSEChat` against a mock endpoint.
 */
const meta = {
  title: 'Chat/Attachments',
  component: EnhancedChatInterface,
  tags: ['!autodocs'],
  parameters: { layout: 'fullscreen' },
  decorators: [chatFrame],
  beforeEach({ msw }) {
    received.length = 0;
    const respond = createScenarioResponder('streaming', {
      deterministic: true,
      answer: 'A blue square, and your notes on streaming.',
    });
    msw.use(
      http.post(DEFAULT_ENDPOINT, async ({ request }) => {
        received.push((await request.clone().json()) as (typeof received)[number]);
        return respond(request);
      }),
    );
  },
} satisfies Meta<typeof EnhancedChatInterface>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A small PNG drawn in the page: two flat colours, the same pixels on every run. */
async function squarePng(name = 'square.png'): Promise<File> {
  const canvas = new OffscreenCanvas(96, 96);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  context.fillStyle = '#2f5bd3';
  context.fillRect(0, 0, 96, 96);
  context.fillStyle = '#f5c542';
  context.fillRect(24, 24, 48, 48);
  return new File([await canvas.convertToBlob({ type: 'image/png' })], name, { type: 'image/png' });
}

const notes = () =>
  new File(['# Notes on streaming\n\nSSE keeps one response open.'], 'notes.md', { type: 'text/markdown' });

const fileInput = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('[data-slot="chat-composer"] input[type="file"]') as HTMLInputElement;

async function attach(canvasElement: HTMLElement, files: File[]) {
  await userEvent.upload(fileInput(canvasElement), files);
}

export const FilesAttached: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await attach(canvasElement, [await squarePng(), notes()]);
    const list = canvas.getByRole('list', { name: 'Attachments' });
    await expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([expect.stringContaining('square.png'), expect.stringContaining('notes.md')]);
    await expect(within(list).getByRole('button', { name: 'Remove notes.md' })).toBeVisible();
    await waitFor(() => expect(list.querySelector('img')?.complete).toBe(true));
  },
};

export const FileRefused: Story = {
  args: { chatOptions: { accept: 'image/*', maxFileSize: 1024 * 1024 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'What is in these?');
    // The picker is told `image/*`; a drop or paste can still bring anything, and the composer says no.
    await userEvent.upload(fileInput(canvasElement), [notes()], { applyAccept: false });
    await expect(canvas.getByRole('alert')).toHaveTextContent('“notes.md” is not a type of file this chat takes.');
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveValue('What is in these?');
    await expect(canvas.queryByRole('list', { name: 'Attachments' })).toBeNull();
  },
};

export const SentWithFiles: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await attach(canvasElement, [await squarePng(), notes()]);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'What are these?{Enter}');
    const log = canvas.getByRole('log');
    await lastAnswer(log);
    const user = log.querySelector('[data-role="user"]') as HTMLElement;
    await expect(within(user).getByRole('button', { name: 'Open square.png' })).toBeVisible();
    await expect(within(user).getByText('notes.md')).toBeVisible();
    await expect(received[0]?.messages[0]?.content).toEqual([
      { type: 'text', text: 'What are these?' },
      { type: 'image_url', image_url: { url: expect.stringMatching(/^data:image\/png;base64,/) } },
      {
        type: 'file',
        file: { filename: 'notes.md', file_data: expect.stringMatching(/^data:text\/markdown;base64,/) },
      },
    ]);
    await expect(canvas.queryByRole('list', { name: 'Attachments' })).toBeNull();
    await waitFor(() => expect(user.querySelector('img')?.complete).toBe(true));
  },
};

export const ImageOpensLarger: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await attach(canvasElement, [await squarePng()]);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Look{Enter}');
    const log = canvas.getByRole('log');
    await lastAnswer(log);
    const thumbnail = within(log).getByRole('button', { name: 'Open square.png' });
    await userEvent.click(thumbnail);
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('dialog', { name: 'square.png' });
    await expect(within(dialog).getByRole('img', { name: 'square.png' })).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toHaveAttribute('open'));
    await expect(thumbnail).toHaveFocus();
  },
};

export const Dark: Story = {
  ...SentWithFiles,
  globals: { theme: 'dark' },
};

export const ArabicRtl: Story = {
  args: { labels: arabicLabels },
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await attach(canvasElement, [await squarePng('مربع.png'), notes()]);
    const list = canvas.getByRole('list', { name: 'المرفقات' });
    await expect(within(list).getByRole('button', { name: 'إزالة مربع.png' })).toBeVisible();
    // The attach button sits at the inline start: on the right in RTL.
    const attachButton = canvas.getByRole('button', { name: 'إرفاق ملفات' });
    const box = canvas.getByRole('textbox', { name: 'الرسالة' });
    await expect(attachButton.getBoundingClientRect().left).toBeGreaterThan(box.getBoundingClientRect().left);
  },
};
