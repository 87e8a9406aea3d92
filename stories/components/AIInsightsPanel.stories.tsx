import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { AIInsight } from '../../src/core/types.js';
import { AIInsightsPanel } from '../../src/components/AIInsightsPanel.js';
import { arabicLabels } from '../support/labels-ar.js';

const allKinds: AIInsight[] = [
  {
    id: 'tip-audience',
    kind: 'tip',
    title: 'Name the audience',
    description: 'Saying who the answer is for lets the model pick the right level of detail.',
    confidence: 0.82,
    suggestedPrompt: 'Explain the rollout plan for a new team member with no context.',
  },
  {
    id: 'warning-secrets',
    kind: 'warning',
    title: 'Your message contains an API key',
    description: 'Remove keys and passwords before sending; the model provider may log prompts.',
    confidence: 0.97,
  },
  {
    id: 'optimization-context',
    kind: 'optimization',
    title: 'Trim the pasted log',
    description: 'Only the last 40 lines mention the error; sending just those saves about 3,000 tokens.',
    confidence: 0.64,
    suggestedPrompt: 'Here are the last 40 lines of the log. What caused the crash?',
  },
  {
    id: 'info-model',
    kind: 'info',
    title: 'Answered by deepseek-chat',
    description: 'This model has no web access: facts after its training cut-off may be missing.',
    confidence: 0.5,
  },
];

const meta = {
  title: 'Components/AIInsightsPanel',
  component: AIInsightsPanel,
  args: { insights: allKinds, onApply: fn(), onDismiss: fn(), headingLevel: 3 },
  argTypes: {
    insights: { control: 'object' },
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
} satisfies Meta<typeof AIInsightsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Each kind with its icon and name, and the model's confidence (`showConfidence`: shown only on demand). */
export const AllKinds: Story = {
  args: { showConfidence: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'Insights' })).toBeVisible();
    const cards = canvas.getAllByRole('article');
    await expect(cards.map((card) => card.getAttribute('data-kind'))).toEqual([
      'tip',
      'warning',
      'optimization',
      'info',
    ]);
    const kinds = ['Tip', 'Warning', 'Optimization', 'Info'];
    const confidences = ['82% confidence', '97% confidence', '64% confidence', '50% confidence'];
    for (const [i, card] of cards.entries()) {
      await expect(card).toHaveTextContent(kinds[i] as string);
      await expect(card).toHaveTextContent(confidences[i] as string);
    }
    // Apply only where the insight suggests a prompt.
    await expect(canvas.getAllByRole('button', { name: 'Apply' })).toHaveLength(2);
  },
};

/** Apply hands the insight to the host; a dismissed card leaves and focus moves to the next one. */
export const ApplyAndDismiss: Story = {
  render: function Render(args) {
    const [insights, setInsights] = useState(args.insights);
    return (
      <AIInsightsPanel
        {...args}
        insights={insights}
        onDismiss={(insight) => {
          args.onDismiss?.(insight);
          setInsights((all) => all.filter((other) => other.id !== insight.id));
        }}
      />
    );
  },
  play: async ({ canvas, args }) => {
    const first = canvas.getByRole('article', { name: 'Name the audience' });
    await userEvent.click(within(first).getByRole('button', { name: 'Apply' }));
    await expect(args.onApply).toHaveBeenCalledWith(allKinds[0]);

    await userEvent.click(canvas.getByRole('button', { name: 'Dismiss: Name the audience' }));
    await expect(args.onDismiss).toHaveBeenCalledWith(allKinds[0]);
    await expect(canvas.getByRole('button', { name: 'Dismiss: Your message contains an API key' })).toHaveFocus();
    await waitFor(() => expect(canvas.queryByRole('article', { name: 'Name the audience' })).toBeNull());
    await expect(canvas.getAllByRole('article')).toHaveLength(3);
  },
};

/** No insights: the panel renders nothing at all, not even its heading. */
export const Empty: Story = {
  args: { insights: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('region')).toBeNull();
    await expect(canvasElement.querySelector('[data-slot="insights-panel"]')).toBeNull();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvas }) => {
    await expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    await expect(canvas.getAllByRole('article')).toHaveLength(4);
  },
};

/** Arabic, right to left: the kind icon is at the start (right) and every string is translated. */
export const ArabicRtl: Story = {
  globals: { dir: 'rtl' },
  args: {
    showConfidence: true,
    labels: arabicLabels.insights,
    insights: [
      {
        id: 'ar-tip',
        kind: 'tip',
        title: 'حدّد الجمهور',
        description: 'ذكرُ لمن الإجابة يساعد النموذج على اختيار مستوى التفصيل المناسب.',
        confidence: 0.82,
        suggestedPrompt: 'اشرح خطة الإطلاق لعضو جديد في الفريق.',
      },
      {
        id: 'ar-warning',
        kind: 'warning',
        title: 'رسالتك تحتوي على مفتاح API',
        description: 'احذف المفاتيح وكلمات المرور قبل الإرسال.',
      },
    ],
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'ملاحظات' })).toBeVisible();
    const [tip] = canvas.getAllByRole('article');
    await expect(tip).toHaveTextContent('نصيحة');
    await expect(tip).toHaveTextContent('ثقة 82٪');
    await expect(canvas.getByRole('button', { name: 'تطبيق' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'إغلاق: حدّد الجمهور' })).toBeVisible();
    const icon = (tip as HTMLElement).querySelector('[data-slot="insight-card-icon"]') as SVGElement;
    const card = (tip as HTMLElement).getBoundingClientRect();
    await expect(icon.getBoundingClientRect().left).toBeGreaterThan(card.left + card.width / 2);
  },
};
