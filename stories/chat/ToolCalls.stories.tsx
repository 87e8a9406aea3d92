import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { EnhancedChatInterface } from '../../src/components/EnhancedChatInterface.js';
import type { ToolRendererProps } from '../../src/components/parts/tool-renderers.js';
import { chatScenarioContent } from '../../src/msw/index.js';
import { chatFrame } from '../support/chat-frame.js';
import { lastAnswer, scenario, sendMessage } from '../support/scenario-story.js';
import { scenarioTools } from '../support/scenario-tools.js';

/**
 * Tool calls end to end: the real `useSSEChat` with the scenario tools, against the MSW tool scenarios. The model
 * calls, the tools run in the page, their results go back, and the answer follows in the same message.
 */
const meta = {
  title: 'Chat/Tool calls',
  component: EnhancedChatInterface,
  tags: ['!autodocs'],
  parameters: { layout: 'fullscreen' },
  args: { chatOptions: { tools: scenarioTools(), retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5 } } },
  decorators: [chatFrame],
} satisfies Meta<typeof EnhancedChatInterface>;

export default meta;
type Story = StoryObj<typeof meta>;

const ask = (canvasElement: HTMLElement, question: string) => sendMessage(canvasElement, question);

const toolCalls = (message: HTMLElement) => [
  ...message.querySelectorAll<HTMLDetailsElement>('[data-slot="tool-call"]'),
];

export const ToolCallThenAnswer: Story = {
  ...scenario('tool-call'),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement, 'What is the weather in Paris?');
    const message = await lastAnswer(log);
    await waitFor(() =>
      expect(message).toHaveTextContent(chatScenarioContent.toolSteps['tool-call'].answer.replace(/\*/g, '')),
    );
    const [call] = toolCalls(message);
    await expect(call).toHaveAttribute('data-state', 'result');
    await expect(call?.querySelector('summary')).toHaveTextContent('get_weatherDone');
    // Done calls fold: the reader opens one to see its arguments and result.
    await expect(call?.open).toBe(false);
    await userEvent.click(call?.querySelector('summary') as HTMLElement);
    await expect(call?.querySelector('[data-slot="tool-call-result"]')).toHaveTextContent('"celsius": 18');
    // One turn: the call and the answer are one message.
    await expect(log.querySelectorAll('[data-role="assistant"]')).toHaveLength(1);
  },
};

export const TwoToolsAtOnce: Story = {
  ...scenario('parallel-tools'),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement, 'Weather and time in Paris?');
    const message = await lastAnswer(log);
    await waitFor(() => expect(message).toHaveTextContent(chatScenarioContent.toolSteps['parallel-tools'].answer));
    const calls = toolCalls(message);
    await expect(calls.map((c) => c.querySelector('[data-slot="tool-call-name"]')?.textContent)).toEqual([
      'get_weather',
      'get_time',
    ]);
    await expect(calls.map((c) => c.dataset.state)).toEqual(['result', 'result']);
  },
};

export const ToolThatFails: Story = {
  ...scenario('tool-error'),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement, 'What is the weather in Atlantis?');
    const message = await lastAnswer(log);
    await waitFor(() => expect(message).toHaveTextContent(chatScenarioContent.toolSteps['tool-error'].answer));
    const [call] = toolCalls(message);
    await expect(call).toHaveAttribute('data-state', 'error');
    // A failed call stays open, with what went wrong; the answer itself did not fail.
    await expect(call?.open).toBe(true);
    await expect(call?.querySelector('[data-slot="tool-call-error"]')).toHaveTextContent(
      'The weather service does not know "Atlantis".',
    );
    await expect(within(canvasElement).queryByRole('alert')).toBeNull();
  },
};

export const WaitsForApproval: Story = {
  ...scenario('tool-approval'),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement, 'Email Ana about lunch on Friday');
    // The answer pauses (complete, not streaming) with the call waiting for the user.
    const [call] = toolCalls(await lastAnswer(log));
    const approve = within(log).getByRole('button', { name: 'Approve' });
    await expect(call).toHaveAttribute('data-state', 'awaiting-result');
    await expect(call).toHaveTextContent('Waiting for you');
    await expect(call?.querySelector('[data-slot="tool-call-arguments"]')).toHaveTextContent('"to": "ana@example.com"');
    await userEvent.click(approve);
    // The answer goes on in the same message (which streams again, so it is found anew).
    await waitFor(() => expect(log).toHaveTextContent(chatScenarioContent.toolSteps['tool-approval'].answer), {
      timeout: 8000,
    });
    const message = await lastAnswer(log);
    await expect(toolCalls(message)[0]).toHaveAttribute('data-state', 'result');
    await expect(log.querySelectorAll('[data-role="assistant"]')).toHaveLength(1);
  },
};

export const ApprovalDenied: Story = {
  ...scenario('tool-approval'),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement, 'Email Ana about lunch on Friday');
    await lastAnswer(log);
    await userEvent.click(within(log).getByRole('button', { name: 'Deny' }));
    await waitFor(() => expect(log).toHaveTextContent(chatScenarioContent.toolDeniedAnswer), { timeout: 8000 });
    await expect(within(log).queryByRole('button', { name: 'Approve' })).toBeNull();
  },
};

export const AnswerWithSources: Story = {
  ...scenario('sources'),
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement, 'Where is SSE specified?');
    const message = await lastAnswer(log);
    await expect(message).toHaveTextContent(chatScenarioContent.sourcesAnswer);
    const links = within(message).getAllByRole('link', { name: /opens in a new tab/ });
    await expect(links.map((a) => a.getAttribute('href'))).toEqual(chatScenarioContent.sources.map((s) => s.url));
    for (const link of links) {
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
  },
};

/** A host's own view of `get_weather`, given through `toolRenderers`. */
function WeatherCard({ call }: ToolRendererProps) {
  const result = call.state === 'result' ? (call.result as { city: string; celsius: number; sky: string }) : null;
  return (
    <div
      data-testid="weather-card"
      style={{
        boxSizing: 'border-box',
        maxWidth: '85%',
        padding: '12px 16px',
        borderRadius: 12,
        background: 'var(--pc-accent)',
        color: 'var(--pc-accent-foreground)',
        font: 'inherit',
      }}
    >
      {result ? (
        <>
          <strong style={{ fontSize: 24 }}>{result.celsius} °C</strong>
          <div>
            {result.city}, {result.sky}
          </div>
        </>
      ) : (
        <div aria-busy="true">Checking the sky over {(call.args as { city?: string } | undefined)?.city ?? '…'}</div>
      )}
    </div>
  );
}

export const CustomToolView: Story = {
  ...scenario('tool-call'),
  args: { toolRenderers: { get_weather: WeatherCard } },
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement, 'What is the weather in Paris?');
    const message = await lastAnswer(log);
    const card = within(message).getByTestId('weather-card');
    await expect(card).toHaveTextContent('18 °C');
    await expect(card).toHaveTextContent('Paris, partly cloudy');
    await expect(message.querySelector('[data-slot="tool-call"]')).toBeNull();
  },
};

/** A phone: the waiting call, its arguments and Approve / Deny fit the width without scrolling sideways. */
export const WaitingOnAPhone: Story = {
  ...scenario('tool-approval'),
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async ({ canvasElement }) => {
    const { log } = await ask(canvasElement, 'Email Ana about lunch on Friday');
    const [call] = toolCalls(await lastAnswer(log));
    await expect(within(log).getByRole('button', { name: 'Approve' })).toBeVisible();
    await expect(call?.getBoundingClientRect().right).toBeLessThanOrEqual(log.getBoundingClientRect().right);
    await expect(log.scrollWidth).toBeLessThanOrEqual(log.clientWidth);
  },
};
