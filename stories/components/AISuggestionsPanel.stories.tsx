import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within, type Mock } from 'storybook/test';
import type { AISuggestion } from '../../src/core/types.js';
import { AISuggestionsPanel } from '../../src/components/AISuggestionsPanel.js';
import { arabicLabels } from '../support/labels-ar.js';

const table: AISuggestion = {
  id: 'table',
  title: 'Compare the plans in a table',
  content: 'Put the three plans side by side in a table with price, limits and support hours.',
  category: 'Format',
  confidence: 0.91,
};
const tests: AISuggestion = {
  id: 'tests',
  title: 'Ask for tests first',
  content:
    'Before changing the parser, write failing tests for the three cases from the bug report: a CR-only stream, ' +
    'a leading byte-order mark, and an event split across two network chunks. Then change the parser until they ' +
    'pass, and explain each change in one sentence so the reviewer can follow the reasoning.',
  category: 'Workflow',
  confidence: 0.78,
};
const shorter: AISuggestion = {
  id: 'shorter',
  title: 'Make it shorter',
  content: 'Rewrite the answer in at most five bullet points.',
};

const meta = {
  title: 'Components/AISuggestionsPanel',
  component: AISuggestionsPanel,
  args: { suggestions: [table, tests, shorter], onApply: fn(), onCopy: fn(), onDismiss: fn(), headingLevel: 3 },
  argTypes: {
    suggestions: { control: 'object' },
    headingLevel: { control: 'inline-radio', options: [2, 3, 4] },
    // The HTML attribute on the panel's root: right to left for the panel alone, whatever the page's direction.
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
  decorators: [
    (Story) => (
      <div className="pc:max-w-xl">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof AISuggestionsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** With the model's confidence, asked for with `showConfidence`. */
export const Default: Story = {
  args: { showConfidence: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'Suggestions' })).toBeVisible();
    const cards = canvas.getAllByRole('article');
    await expect(cards.map((card) => within(card).getByRole('heading', { level: 4 }).textContent)).toEqual([
      table.title,
      tests.title,
      shorter.title,
    ]);
    await expect(cards[0]).toHaveTextContent('Format');
    await expect(cards[0]).toHaveTextContent('91% confidence');
    await expect(cards[2]).not.toHaveTextContent('confidence');
    // Only the long content gets a toggle.
    await expect(canvas.getAllByRole('button', { name: 'Show more' })).toHaveLength(1);
    await expect(canvas.getAllByRole('button', { name: 'Apply' })).toHaveLength(3);
    await expect(canvas.getAllByRole('button', { name: 'Copy' })).toHaveLength(3);
  },
};

/** Long content is clamped to three lines; Show more reveals the rest. */
export const LongContentExpands: Story = {
  args: { suggestions: [tests] },
  play: async ({ canvas }) => {
    const content = canvas.getByText(/^Before changing the parser/);
    const clampedHeight = content.getBoundingClientRect().height;
    const toggle = canvas.getByRole('button', { name: 'Show more' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toHaveAttribute('aria-controls', content.id);

    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle).toHaveAccessibleName('Show less');
    await expect(content.getBoundingClientRect().height).toBeGreaterThan(clampedHeight);

    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(content.getBoundingClientRect().height).toBe(clampedHeight);
  },
};

let writeText: Mock<(text: string) => Promise<void>>;

/** Copy writes the content to the clipboard (stubbed here), says "Copied" and calls `onCopy`. */
export const CopyShowsCopied: Story = {
  args: { suggestions: [table] },
  beforeEach: () => {
    writeText = fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    return () => {
      Reflect.deleteProperty(navigator, 'clipboard');
    };
  },
  play: async ({ canvas, args }) => {
    const copy = canvas.getByRole('button', { name: 'Copy' });
    await userEvent.click(copy);
    await expect(writeText).toHaveBeenCalledWith(table.content);
    await waitFor(() => expect(copy).toHaveAttribute('data-state', 'copied'));
    await expect(copy).toHaveAccessibleName('Copied');
    await expect(canvas.getByRole('article').querySelector('[aria-live="polite"]')).toHaveTextContent('Copied');
    await expect(args.onCopy).toHaveBeenCalledWith(table);
  },
};

/** Apply hands the suggestion to the host; a dismissed card leaves and focus moves to the next one. */
export const ApplyAndDismiss: Story = {
  render: function Render(args) {
    const [suggestions, setSuggestions] = useState(args.suggestions);
    return (
      <AISuggestionsPanel
        {...args}
        suggestions={suggestions}
        onDismiss={(suggestion) => {
          args.onDismiss?.(suggestion);
          setSuggestions((all) => all.filter((other) => other.id !== suggestion.id));
        }}
      />
    );
  },
  play: async ({ canvas, args }) => {
    const first = canvas.getByRole('article', { name: table.title });
    await userEvent.click(within(first).getByRole('button', { name: 'Apply' }));
    await expect(args.onApply).toHaveBeenCalledWith(table);

    await userEvent.click(canvas.getByRole('button', { name: `Dismiss: ${table.title}` }));
    await expect(args.onDismiss).toHaveBeenCalledWith(table);
    await expect(canvas.getByRole('button', { name: `Dismiss: ${tests.title}` })).toHaveFocus();
    await waitFor(() => expect(canvas.queryByRole('article', { name: table.title })).toBeNull());
    await expect(canvas.getAllByRole('article')).toHaveLength(2);
  },
};

/** No suggestions: the panel renders nothing at all, not even its heading. */
export const Empty: Story = {
  args: { suggestions: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('region')).toBeNull();
    await expect(canvasElement.querySelector('[data-slot="suggestions-panel"]')).toBeNull();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvas }) => {
    await expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    await expect(canvas.getAllByRole('article')).toHaveLength(3);
  },
};

/** Arabic, right to left: the title starts on the right, Dismiss sits at the left end, every string translated. */
export const ArabicRtl: Story = {
  globals: { dir: 'rtl' },
  args: {
    showConfidence: true,
    labels: arabicLabels.suggestions,
    suggestions: [
      {
        id: 'ar-table',
        title: 'قارن الخطط في جدول',
        content: 'ضع الخطط الثلاث جنبًا إلى جنب في جدول يضم السعر والحدود وساعات الدعم.',
        category: 'تنسيق',
        confidence: 0.91,
      },
      {
        id: 'ar-tests',
        title: 'اطلب الاختبارات أولًا',
        content:
          'قبل تعديل المحلل، اكتب اختبارات فاشلة للحالات الثلاث من تقرير الخطأ: تدفق بفواصل CR فقط، وعلامة ترتيب البايت في البداية، ' +
          'وحدث مقسوم على جزأين من الشبكة. ثم عدّل المحلل حتى تنجح، واشرح كل تعديل في جملة واحدة ليتابع المراجع المنطق. ' +
          'وبعد ذلك شغّل الاختبارات على تدفق حقيقي من الخادم، وقارن النص الذي يظهر للمستخدم بالنص المرسل حرفًا حرفًا، ' +
          'وسجّل أي اختلاف مع رقم الحدث الذي ظهر فيه.',
      },
    ],
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'اقتراحات' })).toBeVisible();
    const [first] = canvas.getAllByRole('article');
    await expect(first).toHaveTextContent('ثقة 91٪');
    await expect(canvas.getByRole('button', { name: 'عرض المزيد' })).toBeVisible();
    await expect(canvas.getAllByRole('button', { name: 'نسخ' })).toHaveLength(2);
    const title = within(first as HTMLElement).getByRole('heading');
    const dismiss = within(first as HTMLElement).getByRole('button', { name: 'إغلاق: قارن الخطط في جدول' });
    await expect(dismiss.getBoundingClientRect().right).toBeLessThan(title.getBoundingClientRect().left);
  },
};
