import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import {
  StreamingMessageBubble,
  type StreamingMessageBubbleProps,
} from '../../src/components/StreamingMessageBubble.js';
import { ChatError } from '../../src/core/errors.js';
import type { ChatMessageInput, MessageStatus } from '../../src/core/messages.js';
import type { ChatRole } from '../../src/core/types.js';
import { arabicLabels } from '../support/labels-ar.js';

const markdownAnswer = `## Retry with backoff

Use **exponential backoff** with *full jitter*, so clients that failed together do not retry together:

1. Start at \`baseDelayMs\`.
2. Double it each attempt, up to \`maxDelayMs\`.
3. Wait a random time below that ceiling.

\`\`\`ts
const delay = Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
\`\`\`

| attempt | ceiling |
|--:|--:|
| 1 | 500 ms |
| 2 | 1 s |

See [the RFC](https://www.rfc-editor.org/rfc/rfc9110#field.retry-after) for \`Retry-After\`.`;

const codeAndMathAnswer = String.raw`Retry with **jitter**, so that clients that failed together do not retry together:

${'```'}ts
export async function retry<T>(send: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send(); // the happy path
    } catch (error) {
      if (attempt + 1 >= attempts) throw error;
      await sleep(Math.random() * Math.min(10_000, 500 * 2 ** attempt), { reason: 'backoff', attempt });
    }
  }
}
${'```'}

${'```'}html
<img src=x onerror=alert(1)>
${'```'}

The delay before attempt $n$ is drawn from $[0, \min(c, b \cdot 2^n)]$, whose mean is

$$
\frac{1}{2} \min\left(c,\; b \cdot 2^{n}\right)
$$

Summed over $n$ attempts that is at most $b_0 + b_1 + b_2 + \dots + b_{n-1} + b_n = \sum_{i=0}^{n} b \cdot 2^i$.

A plan costs $5 and $10 with retries; \(\sqrt{x^2 + y^2}\) stays inline. This one does not parse: $$\frac{a}{$$`;

const base = { id: 'a1', createdAt: Date.UTC(2026, 0, 1) };
const assistant = (content: string, extra: Partial<ChatMessageInput> = {}): ChatMessageInput => ({
  ...base,
  role: 'assistant',
  content,
  status: 'complete',
  ...extra,
});

/** The message's fields a reader most wants to change, each over the story's `message` when set. */
interface MessageFields {
  role?: ChatRole;
  status?: MessageStatus;
  content?: string;
}

type Args = StreamingMessageBubbleProps & MessageFields;

const messageField = (description: string) => ({ description, table: { category: 'Message' } });

const meta = {
  title: 'Components/StreamingMessageBubble',
  component: StreamingMessageBubble,
  args: { message: assistant(markdownAnswer), onRetry: fn(), onRegenerate: fn(), onCopy: fn() },
  argTypes: {
    message: { control: 'object' },
    role: {
      ...messageField("Who wrote it: `message.role`. The story's own message when not set."),
      control: 'inline-radio',
      options: ['user', 'assistant', 'system'],
    },
    status: {
      ...messageField('How the answer stands: `message.status` (a failed or interrupted one offers Retry).'),
      control: 'select',
      options: ['streaming', 'complete', 'stopped', 'interrupted', 'error'],
    },
    content: { ...messageField('The text, as markdown: `message.content`.'), control: 'text' },
  },
  render: ({ role, status, content, message, ...args }) => (
    <StreamingMessageBubble
      {...args}
      message={{
        ...message,
        ...(role && { role }),
        ...(status && { status }),
        ...(content !== undefined && { content }),
      }}
    />
  ),
  decorators: [
    (Story) => (
      <div className="pc:max-w-2xl">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const UserMessage: Story = {
  args: {
    message: {
      ...base,
      id: 'u1',
      role: 'user',
      content: 'How should a chat client retry a failed request?',
      status: 'complete',
    },
  },
  play: async ({ canvas }) => {
    const article = canvas.getByRole('article', { name: 'You' });
    await expect(article).toHaveAttribute('data-role', 'user');
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** A finished answer: GFM markdown, a code block with its language and Copy, links that open safely. */
export const MarkdownAnswer: Story = {
  play: async ({ canvas }) => {
    const article = canvas.getByRole('article', { name: 'Assistant' });
    await expect(article).toHaveAttribute('data-status', 'complete');
    await expect(canvas.getByRole('heading', { name: 'Retry with backoff' })).toBeVisible();
    await expect(canvas.getAllByRole('listitem')).toHaveLength(3);
    await expect(canvas.getByRole('table')).toBeVisible();
    // Both columns are end-aligned, as the table's `--:` delimiters say.
    for (const cell of canvas.getByRole('table').querySelectorAll('th, td'))
      await expect(getComputedStyle(cell).textAlign).toBe('end');
    await expect(canvas.getByText('ts')).toBeVisible();
    const link = canvas.getByRole('link', { name: 'the RFC (www.rfc-editor.org)' });
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    await expect(canvas.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  },
};

/**
 * Code in colour and TeX as MathML, each loaded on first use: the code shows plain at once and takes its colours when
 * the highlighter arrives; a long line fades at the end while there is more to scroll to; prices stay text.
 */
export const CodeAndMath: Story = {
  args: { message: assistant(codeAndMathAnswer) },
  play: async ({ canvas, canvasElement }) => {
    const [ts, html] = [...canvasElement.querySelectorAll<HTMLElement>('[data-slot="code-block"]')];
    await waitFor(() => expect(ts).toHaveAttribute('data-state', 'highlighted'), { timeout: 10_000 });
    await expect(ts?.querySelector('.pc\\:text-code-keyword')).toHaveTextContent('export');
    await expect(ts?.querySelector('.pc\\:text-code-comment')).toHaveTextContent('// the happy path');
    // Hostile HTML is highlighted as text: no image is created.
    await waitFor(() => expect(html).toHaveAttribute('data-state', 'highlighted'));
    await expect(html?.querySelector('code')).toHaveTextContent('<img src=x onerror=alert(1)>');
    await expect(canvasElement.querySelector('img')).toBeNull();
    // The display formula and the inline ones are MathML; the one that does not parse shows its TeX. The renderer is
    // fetched on first use, as the highlighter is: in a cold run (npm run test:stories) it took over the default 1 s.
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="math"][data-state="loading"]')).toBeNull(), {
      timeout: 10_000,
    });
    await expect(canvasElement.querySelector('[data-slot="math"][data-display] math mfrac')).not.toBeNull();
    await expect(canvasElement.querySelectorAll('[data-slot="math"][data-state="rendered"]')).toHaveLength(6);
    await expect(canvas.getByText('\\frac{a}{')).toBeVisible();
    await expect(canvas.getByText(/A plan costs \$5 and \$10 with retries/)).toBeVisible();
    // The long line: a fade says there is more, and goes once scrolled to the end.
    const pre = ts?.querySelector('pre') as HTMLElement;
    await waitFor(() => expect(ts?.querySelector('[data-slot="code-block-more"]')).not.toBeNull());
    pre.scrollLeft = pre.scrollWidth;
    await waitFor(() => expect(ts?.querySelector('[data-slot="code-block-more"]')).toBeNull());
    pre.scrollLeft = 0;
    await waitFor(() => expect(ts?.querySelector('[data-slot="code-block-more"]')).not.toBeNull());
  },
};

/** The same answer on a 320 px phone, right to left: code and formulas stay left to right and scroll. */
export const CodeAndMathNarrowRtl: Story = {
  ...CodeAndMath,
  globals: { viewport: { value: 'mobile1', isRotated: false }, dir: 'rtl' },
};

/** A formula still arriving is held back, never shown as raw `$$\frac{a}{`; a code block still streaming stays plain. */
export const StreamingOpenFormula: Story = {
  args: {
    message: assistant('', { status: 'streaming' }),
    isStreaming: true,
    streamingContent: 'Run it:\n\n```bash\nnpm run build\n```\n\nThe mean delay is\n\n$$\n\\frac{1}{2} \\min(',
  },
  play: async ({ canvasElement }) => {
    const article = canvasElement.querySelector('article') as HTMLElement;
    await expect(article).toHaveAttribute('aria-busy', 'true');
    await expect(article.textContent).toContain('The mean delay is');
    await expect(article.textContent).not.toContain('$$');
    await expect(article.textContent).not.toContain('frac');
    // The code block is finished (a later block has begun), so it is coloured.
    const block = canvasElement.querySelector('[data-slot="code-block"]');
    await waitFor(() => expect(block).toHaveAttribute('data-state', 'highlighted'), { timeout: 10_000 });
  },
};

export const SystemMessage: Story = {
  args: { message: { ...base, id: 's1', role: 'system', content: 'You are a concise assistant.', status: 'complete' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('article', { name: 'System' })).toHaveTextContent('You are a concise assistant.');
  },
};

/** Half-written syntax never flashes: the open bold is already bold, the open fence already code. */
export const StreamingMidSyntax: Story = {
  args: {
    message: assistant('', { status: 'streaming' }),
    isStreaming: true,
    streamingContent:
      'Retry like this:\n\n```python\nfor attempt in range(3):\n    send()\n```\n\nThe **important part',
  },
  play: async ({ canvas }) => {
    const article = canvas.getByRole('article');
    await expect(article).toHaveAttribute('aria-busy', 'true');
    await expect(article).toHaveAttribute('data-status', 'streaming');
    await expect(canvas.getByText('important part').tagName).toBe('STRONG');
    await expect(article.textContent).not.toContain('**');
    await expect(article.querySelector('[data-slot="markdown"]')).toHaveAttribute('data-streaming');
    await expect(canvas.queryByRole('button', { name: 'Copy' })).toBeNull();
  },
};

/** A code fence that is still open already renders as code, not as backticks. */
export const StreamingOpenCodeFence: Story = {
  args: {
    message: assistant('', { status: 'streaming' }),
    isStreaming: true,
    streamingContent: 'Retry like this:\n\n```python\nfor attempt in range(3',
  },
  play: async ({ canvas }) => {
    const article = canvas.getByRole('article');
    await expect(article.querySelector('pre code')).toHaveTextContent('for attempt in range(3');
    await expect(canvas.getByText('python')).toBeVisible();
    await expect(article.textContent).not.toContain('```');
    // The caret follows the code on its line, not the block below it.
    const code = article.querySelector('pre code') as HTMLElement;
    await expect(getComputedStyle(code, '::after').content).toBe('""');
    await expect(getComputedStyle(code.closest('[data-slot="code-block"]')!, '::after').content).toBe('none');
  },
};

/** Tokens arrive over time, as they would from the hook; the bubble ends complete. */
export const StreamsThenCompletes: Story = {
  parameters: { controls: { exclude: ['message', 'role', 'status', 'content'] } },
  render: function Render(args) {
    const words = markdownAnswer.split(/(?<=\s)/);
    const [count, setCount] = useState(0);
    useEffect(() => {
      if (count >= words.length) return;
      const id = setTimeout(() => setCount((n) => n + 3), 16);
      return () => clearTimeout(id);
    }, [count, words.length]);
    const done = count >= words.length;
    return (
      <StreamingMessageBubble
        {...args}
        message={assistant(done ? markdownAnswer : '', { status: done ? 'complete' : 'streaming' })}
        isStreaming={!done}
        streamingContent={words.slice(0, count).join('')}
      />
    );
  },
  play: async ({ canvas }) => {
    const article = canvas.getByRole('article');
    await waitFor(() => expect(article).toHaveAttribute('data-status', 'complete'), { timeout: 10_000 });
    await expect(article).toHaveAttribute('aria-busy', 'false');
    await expect(canvas.getByRole('table')).toBeVisible();
  },
};

/** DeepSeek-style reasoning while it streams: the thinking section is open, with the Egyptian loader. */
export const ReasoningStreaming: Story = {
  args: {
    message: assistant('', { status: 'streaming' }),
    isStreaming: true,
    streamingReasoning: 'The user wants retry advice. Backoff with jitter avoids thundering herds…',
  },
  play: async ({ canvas }) => {
    const details = canvas.getByRole('group');
    await expect(details).toHaveAttribute('open');
    await expect(canvas.getByRole('status', { name: 'Thinking…' })).toBeInTheDocument();
  },
};

/** After the answer, the reasoning folds away and opens by keyboard. */
export const ReasoningFolded: Story = {
  args: {
    message: assistant('Use exponential backoff with jitter.', { reasoning: 'Backoff with jitter avoids herds.' }),
  },
  play: async ({ canvas }) => {
    const details = canvas.getByRole('group');
    await expect(details).not.toHaveAttribute('open');
    await userEvent.tab();
    await expect(canvas.getByText('Thinking')).toHaveFocus();
    await userEvent.click(canvas.getByText('Thinking'));
    await expect(details).toHaveAttribute('open');
    await expect(canvas.getByText('Backoff with jitter avoids herds.')).toBeVisible();
  },
};

export const Stopped: Story = {
  args: { message: assistant('Exponential backoff means', { status: 'stopped' }) },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('article')).toHaveAttribute('data-status', 'stopped');
    await expect(canvas.getByText('Stopped')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Regenerate' }));
    await expect(args.onRegenerate).toHaveBeenCalledOnce();
  },
};

export const Interrupted: Story = {
  args: {
    message: assistant('Exponential backoff means waiting longer after each', {
      status: 'interrupted',
      error: new ChatError('network', 'The stream ended before the answer was complete.'),
    }),
  },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByText('Connection lost before the answer was complete')).toBeVisible();
    await expect(canvas.getByText(/waiting longer after each/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
    await expect(canvas.queryByRole('button', { name: 'Regenerate' })).toBeNull();
  },
};

export const LengthLimit: Story = {
  args: {
    message: assistant('Exponential backoff doubles the wait after each failed try, up to a ceiling, and adds', {
      finishReason: 'length',
    }),
    onContinue: fn(),
  },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByText('The answer hit its length limit')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expect(args.onContinue).toHaveBeenCalledOnce();
  },
};

export const ContentFiltered: Story = {
  args: { message: assistant('Here is how the lock works: first', { finishReason: 'content_filter' }) },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("The provider's content filter stopped this answer")).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Continue' })).toBeNull();
  },
};

export const Failed: Story = {
  args: {
    message: assistant('', {
      status: 'error',
      error: new ChatError('server', 'The model provider returned 503 Service Unavailable.', { status: 503 }),
    }),
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('article')).toHaveAttribute('data-status', 'error');
    const notice = canvas.getByText('The server had a problem').closest('[data-slot="message-status"]') as HTMLElement;
    await expect(notice).toHaveTextContent('The service could not answer this time.');
    await expect(within(notice).getByText('server · HTTP 503')).not.toBeVisible();
    await userEvent.click(within(notice).getByText('Details'));
    await expect(within(notice).getByText('server · HTTP 503')).toBeVisible();
    await expect(within(notice).getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

export const WithMetrics: Story = {
  args: {
    showMetrics: true,
    message: assistant('Short answer.', {
      metrics: {
        timeToFirstTokenMs: 412.4,
        durationMs: 2100,
        chunks: 30,
        characters: 13,
        usage: { promptTokens: 12, completionTokens: 84, totalTokens: 96 },
        tokensPerSecond: 49.7,
        retries: 0,
        usedFallback: false,
      },
    }),
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('first token 412 ms · 50 tokens/s')).toBeVisible();
  },
};

export const CopyAnswer: Story = {
  args: { message: assistant('Copy me.') },
  beforeEach() {
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void writes.push(text) },
    });
    return () => {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    };
  },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Copy' }));
    await expect(await canvas.findByRole('button', { name: 'Copied' })).toHaveAttribute('data-state', 'copied');
    await expect(args.onCopy).toHaveBeenCalledOnce();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('table')).toBeVisible();
    await expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
  },
};

export const ArabicRtl: Story = {
  globals: { dir: 'rtl' },
  args: {
    labels: arabicLabels.messageBubble,
    message: assistant(
      '## إعادة المحاولة\n\nاستخدم **التراجع الأسي** مع عشوائية كاملة:\n\n1. ابدأ بتأخير قصير.\n2. ضاعفه في كل محاولة.\n\n```ts\nretry({ maxRetries: 3 })\n```',
    ),
  },
  play: async ({ canvas }) => {
    const article = canvas.getByRole('article', { name: 'المساعد' });
    await expect(canvas.getByRole('button', { name: 'إعادة التوليد' })).toBeVisible();
    const body = article.querySelector('[data-slot="message-body"]') as HTMLElement;
    const item = canvas.getAllByRole('listitem')[0] as HTMLElement;
    // The list marker side follows the text: items are indented from the right.
    await expect(body.getBoundingClientRect().right - item.getBoundingClientRect().right).toBeGreaterThan(10);
    await expect(getComputedStyle(article.querySelector('pre') as HTMLElement).direction).toBe('ltr');
    // The code block speaks the bubble's language too.
    await expect(canvas.getByRole('button', { name: 'نسخ الشيفرة' })).toBeVisible();
  },
};
