import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { useState, type ReactElement } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { EnhancedChatInterface } from '../../src/components/EnhancedChatInterface.js';
import type { ChatMessage } from '../../src/core/messages.js';
import { DEFAULT_ENDPOINT } from '../../src/core/stream.js';
import { createScenarioResponder } from '../../src/msw/index.js';
import { chatFrame } from '../support/chat-frame.js';
import { arabicLabels } from '../support/labels-ar.js';
import { lastAnswer, sendMessage } from '../support/scenario-story.js';

/**
 * Versions of a conversation: edit a sent message, regenerate an answer, move between versions, rate an answer —
 * with the real `useSSEChat`; each request is answered with the next of a few fixed answers.
 */
const meta = {
  title: 'Chat/Versions and feedback',
  component: EnhancedChatInterface,
  tags: ['!autodocs'],
  parameters: { layout: 'fullscreen' },
  args: { chatOptions: { onFeedback: fn() } },
  decorators: [chatFrame],
  beforeEach({ msw }) {
    msw.use(answers('Paris is the capital of France.', 'It is Paris.', 'Paris — since the 10th century.'));
  },
} satisfies Meta<typeof EnhancedChatInterface>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Answers the n-th request with the n-th text (the last one after that). */
function answers(...texts: string[]) {
  let n = 0;
  return http.post(DEFAULT_ENDPOINT, ({ request }) =>
    createScenarioResponder('streaming', { deterministic: true, answer: texts[Math.min(n++, texts.length - 1)] })(
      request,
    ),
  );
}

async function ask(canvasElement: HTMLElement, question: string, composer = 'Message') {
  const sent = await sendMessage(canvasElement, question, composer);
  await lastAnswer(sent.log);
  return sent;
}

const answerText = (log: HTMLElement) =>
  [...log.querySelectorAll('[data-role="assistant"] [data-slot="message-body"]')].at(-1)?.textContent;

/** Regenerates the last answer and waits for the new one. */
async function regenerate(log: HTMLElement, name = 'Regenerate') {
  const buttons = within(log).getAllByRole('button', { name });
  await userEvent.click(buttons.at(-1) as HTMLElement);
  await lastAnswer(log);
}

export const ThreeVersions: Story = {
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement, 'What is the capital of France?');
    await regenerate(log);
    await regenerate(log);
    await waitFor(() => expect(answerText(log)).toBe('Paris — since the 10th century.'));
    const picker = within(log).getByRole('group', { name: 'Versions: 3 / 3' });
    await userEvent.click(within(picker).getByRole('button', { name: 'Previous version' }));
    await expect(answerText(log)).toBe('It is Paris.');
    // Focus stays on the button, now in the picker of the version shown.
    const now = within(log).getByRole('group', { name: 'Versions: 2 / 3' });
    await expect(within(now).getByRole('button', { name: 'Previous version' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(answerText(log)).toBe('Paris is the capital of France.');
    // Its focus ring (2 px, 2 px off the button) is whole at the column's edge: the history chunk, which paints
    // nothing outside its padding box, leaves room for it.
    const previous = document.activeElement as HTMLElement;
    const chunk = previous.closest('[data-slot="chat-history-chunk"]') as HTMLElement;
    const paintable = chunk.getBoundingClientRect();
    const ring = previous.getBoundingClientRect();
    await expect(ring.left - 4).toBeGreaterThanOrEqual(paintable.left);
    await expect(ring.bottom + 4).toBeLessThanOrEqual(paintable.bottom);
  },
};

export const EditAMessage: Story = {
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement, 'Capital of Frnace?');
    await userEvent.click(within(log).getByRole('button', { name: 'Edit' }));
    const editor = within(log).getByRole('textbox', { name: 'Edit message' });
    await expect(editor).toHaveFocus();
    await userEvent.clear(editor);
    await userEvent.type(editor, 'Capital of France?');
    // Saved with its button: Enter would remove the editor while the text box has focus, and user-event answers that
    // blur with a `change` event no browser sends, inside React's commit (React warns of an act() in act()). Enter
    // saves in test/components/parts/branches.test.tsx.
    await userEvent.click(within(log).getByRole('button', { name: 'Save' }));
    await lastAnswer(log);
    await waitFor(() => expect(answerText(log)).toBe('It is Paris.'));
    const user = log.querySelector('[data-role="user"]') as HTMLElement;
    await expect(user).toHaveTextContent('Capital of France?');
    await expect(within(user).getByRole('group', { name: 'Versions: 2 / 2' })).toBeVisible();
    await expect(within(user).getByRole('button', { name: 'Edit' })).toHaveFocus();
    // The first version, with its own answer, is a click away.
    await userEvent.click(within(user).getByRole('button', { name: 'Previous version' }));
    await expect(log.querySelector('[data-role="user"]')).toHaveTextContent('Capital of Frnace?');
    await expect(answerText(log)).toBe('Paris is the capital of France.');
  },
};

/** Editing in progress: the message is a text box with Cancel and Save, in place. */
export const Editing: Story = {
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement, 'Capital of Frnace?');
    await userEvent.click(within(log).getByRole('button', { name: 'Edit' }));
    const editor = within(log).getByRole('textbox', { name: 'Edit message' });
    await userEvent.clear(editor);
    await userEvent.type(editor, 'Capital of France?');
    await expect(within(log).getByRole('button', { name: 'Save' })).toBeEnabled();
    await expect(within(log).getByRole('button', { name: 'Cancel' })).toBeVisible();
  },
};

export const Feedback: Story = {
  play: async ({ canvasElement, args }) => {
    const { log } = await ask(canvasElement, 'What is the capital of France?');
    const good = within(log).getByRole('button', { name: 'Good answer' });
    await userEvent.click(good);
    await expect(within(log).getByRole('button', { name: 'Good answer' })).toHaveAttribute('aria-pressed', 'true');
    await expect(args.chatOptions?.onFeedback).toHaveBeenCalledWith(
      expect.objectContaining({ role: 'assistant', feedback: 'up' }),
      'up',
    );
  },
};

export const Dark: Story = {
  ...ThreeVersions,
  globals: { theme: 'dark' },
};

export const ArabicRtl: Story = {
  args: { labels: arabicLabels },
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement, 'ما عاصمة فرنسا؟', 'الرسالة');
    await regenerate(log, 'إعادة التوليد');
    const picker = within(log).getByRole('group', { name: 'النسخ: 2 / 2' });
    const previous = within(picker).getByRole('button', { name: 'النسخة السابقة' });
    const next = within(picker).getByRole('button', { name: 'النسخة التالية' });
    // Previous is at the inline start: on the right in RTL.
    await expect(previous.getBoundingClientRect().left).toBeGreaterThan(next.getBoundingClientRect().left);
  },
};

/** A host that saves the chat (`onMessagesChange`) and loads it again (`initialMessages`, `initialHeadId`). */
function SavedChat(): ReactElement {
  const [saved, setSaved] = useState<{ messages: readonly ChatMessage[]; headId: string | null }>({
    messages: [],
    headId: null,
  });
  const [loads, setLoads] = useState(0);
  // What a page reload does: the chat mounts afresh from storage (here, JSON round-tripped like localStorage).
  const [stored, setStored] = useState(saved);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, height: '100%' }}>
      <button
        type="button"
        style={{ font: 'inherit', alignSelf: 'flex-start' }}
        onClick={() => {
          setStored(JSON.parse(JSON.stringify(saved)) as typeof saved);
          setLoads((n) => n + 1);
        }}
      >
        Reload
      </button>
      <EnhancedChatInterface
        key={loads}
        style={{ flex: 1, minHeight: 0 }}
        chatOptions={{
          initialMessages: stored.messages,
          initialHeadId: stored.headId,
          onMessagesChange: (messages, headId) => setSaved({ messages, headId }),
        }}
      />
    </div>
  );
}

export const SavedAndRestored: Story = {
  render: () => <SavedChat />,
  play: async ({ canvasElement }) => {
    const { canvas, log } = await ask(canvasElement, 'What is the capital of France?');
    await regenerate(log);
    await userEvent.click(within(log).getByRole('button', { name: 'Previous version' }));
    await userEvent.click(within(log).getByRole('button', { name: 'Bad answer' }));
    const before = log.textContent;

    await userEvent.click(canvas.getByRole('button', { name: 'Reload' }));
    const reloaded = canvas.getByRole('log');
    await expect(reloaded.textContent).toBe(before);
    await expect(within(reloaded).getByRole('group', { name: 'Versions: 1 / 2' })).toBeVisible();
    await expect(within(reloaded).getByRole('button', { name: 'Bad answer' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(within(reloaded).getByRole('button', { name: 'Next version' }));
    await expect(answerText(reloaded)).toBe('It is Paris.');
  },
};
