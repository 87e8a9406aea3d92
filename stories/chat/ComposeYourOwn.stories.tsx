import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactElement } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  ChatComposer,
  ChatEmptyState,
  ChatErrorNotice,
  ChatHeader,
  ChatInsights,
  ChatRoot,
  ChatSuggestions,
  ChatTranscript,
  MessageActions,
} from '../../src/components/index.js';
import { chatScenarioHandler } from '../../src/msw/index.js';
import { useChatActions, useChatSelector, useMessage } from '../../src/react/index.js';
import { examplePrompts } from '../support/example-prompts.js';
import { sendMessage } from '../support/scenario-story.js';

/**
 * Chats laid out by a host from the exported parts alone (the imports above are the package's public API). Each
 * part reads the chat from `ChatRoot`, so the parts can go anywhere inside it.
 */
const meta = {
  title: 'Chat/Compose your own',
  component: ChatRoot,
  tags: ['!autodocs'],
  parameters: { layout: 'fullscreen' },
  args: { options: { retry: { baseDelayMs: 1, maxDelayMs: 5 } } },
  beforeEach({ msw }) {
    msw.use(chatScenarioHandler('insights', { deterministic: true }));
  },
} satisfies Meta<typeof ChatRoot>;

export default meta;
type Story = StoryObj<typeof meta>;

const QUESTION = 'How does streaming over SSE work?';
const LAST_WORDS = 'nothing is lost and nothing is repeated.';

async function ask(canvasElement: HTMLElement) {
  const sent = await sendMessage(canvasElement, QUESTION);
  await waitFor(() => expect(within(sent.log).getByText(new RegExp(LAST_WORDS))).toBeVisible(), { timeout: 8000 });
  return sent;
}

/** The model's insights and follow-ups in a column beside the conversation, not under it. */
export const InsightsBesideTheTranscript: Story = {
  render: (args) => (
    <ChatRoot
      {...args}
      style={{ height: 640 }}
      // Beside from 768 px; on a phone the notes go under the conversation.
      className="pc:grid pc:grid-rows-[auto_minmax(0,1fr)_minmax(0,35%)_auto] pc:md:grid-cols-[minmax(0,1fr)_18rem] pc:md:grid-rows-[auto_minmax(0,1fr)_auto]"
    >
      <ChatHeader className="pc:md:col-span-2" />
      <div className="pc:flex pc:min-h-0 pc:flex-col pc:gap-3">
        <ChatTranscript>
          <ChatEmptyState examplePrompts={examplePrompts} />
        </ChatTranscript>
      </div>
      <aside
        aria-label="Model notes"
        className="pc:flex pc:min-h-0 pc:flex-col pc:gap-2 pc:overflow-y-auto pc:md:row-span-2"
      >
        <ChatInsights open />
        <ChatSuggestions />
      </aside>
      <div className="pc:flex pc:flex-col pc:gap-2">
        <ChatErrorNotice />
        <ChatComposer />
      </div>
    </ChatRoot>
  ),
  play: async ({ canvasElement }) => {
    const { canvas } = await ask(canvasElement);
    const notes = canvas.getByRole('complementary', { name: 'Model notes' });
    const suggestions = await within(notes).findByRole('list', { name: 'Suggestions' });
    await expect(notes.querySelector('[data-slot="chat-insights"]')).toHaveAttribute('open');
    // The notes sit beside the transcript from 768 px (on either side: the story may be right-to-left), under it on
    // a phone.
    const transcript = canvas.getByRole('log').getBoundingClientRect();
    const notesBox = notes.getBoundingClientRect();
    const beside = notesBox.left >= transcript.right || notesBox.right <= transcript.left;
    await expect(window.innerWidth >= 768 ? beside : notesBox.top >= transcript.bottom).toBe(true);
    const [chip] = within(suggestions).getAllByRole('button');
    await userEvent.click(chip as HTMLElement);
    const composer = canvas.getByRole('textbox', { name: 'Message' });
    await expect(composer).not.toHaveValue('');
    await expect(composer).toHaveFocus();
  },
};

/** The composer above the conversation, as in a search-first layout. */
export const ComposerOnTop: Story = {
  render: (args) => (
    <ChatRoot {...args} style={{ height: 640 }}>
      <ChatComposer placeholder="Ask first, read below…" />
      <ChatErrorNotice />
      <ChatTranscript />
    </ChatRoot>
  ),
  play: async ({ canvasElement }) => {
    const { canvas, log } = await ask(canvasElement);
    const composer = canvas.getByRole('textbox', { name: 'Message' });
    await expect(composer.getBoundingClientRect().bottom).toBeLessThan(log.getBoundingClientRect().top);
    await expect(composer).toHaveValue('');
  },
};

/** A host's own message layout: one line per message, with the library's actions under answers. */
function CompactMessage({ messageId }: { messageId: string }): ReactElement | null {
  const message = useMessage(messageId);
  const { regenerate, retry } = useChatActions();
  const streaming = useChatSelector((s) => s.streamingMessageId === messageId);
  if (!message) return null;
  return (
    <div data-testid="compact-message" data-role={message.role} className="pc:flex pc:flex-col pc:gap-1">
      <p className="pc:m-0 pc:text-sm">
        <strong>{message.role === 'user' ? 'You' : 'Model'}: </strong>
        {message.content || (streaming ? '…' : '')}
      </p>
      {message.role === 'assistant' && !streaming && (
        <MessageActions status={message.status} content={message.content} onRegenerate={regenerate} onRetry={retry} />
      )}
    </div>
  );
}

export const CustomMessageRenderer: Story = {
  render: (args) => (
    <ChatRoot {...args} style={{ height: 640 }}>
      <ChatHeader title="Compact chat" />
      <ChatTranscript messageComponent={CompactMessage} />
      <ChatComposer />
    </ChatRoot>
  ),
  play: async ({ canvasElement }) => {
    const { canvas } = await ask(canvasElement);
    const rows = canvas.getAllByTestId('compact-message');
    await expect(rows.map((row) => row.dataset.role)).toEqual(['user', 'assistant']);
    await expect(rows[0]).toHaveTextContent(`You: ${QUESTION}`);
    // The actions come once the answer has finished (the last words show a moment before).
    await expect(await within(rows[1] as HTMLElement).findByRole('button', { name: 'Copy' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Compact chat' })).toBeVisible();
  },
};
