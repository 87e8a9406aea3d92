import type { StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { chatScenarioHandler, type ChatScenarioName, type ScenarioOptions } from '../../src/msw/index.js';

/** A story's `beforeEach` that serves the MSW scenario `name`, in its deterministic mode. */
export function scenario(name: ChatScenarioName, options: ScenarioOptions = {}): Pick<StoryObj, 'beforeEach'> {
  return {
    beforeEach({ msw }) {
      msw.use(chatScenarioHandler(name, { deterministic: true, ...options }));
    },
  };
}

/** The last assistant message of the conversation `log`, once its status is `status`. */
export async function lastAnswer(log: HTMLElement, status = 'complete', timeout = 8000): Promise<HTMLElement> {
  let last: HTMLElement | undefined;
  await waitFor(
    () => {
      last = [...log.querySelectorAll<HTMLElement>('[data-role="assistant"]')].at(-1);
      expect(last).toHaveAttribute('data-status', status);
    },
    { timeout },
  );
  return last as HTMLElement;
}

/** Types `text` into the chat's composer (named `composer`) and sends it with Enter; the chat's log comes back. */
export async function sendMessage(canvasElement: HTMLElement, text: string, composer = 'Message') {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByRole('textbox', { name: composer }), text);
  await userEvent.keyboard('{Enter}');
  return { canvas, log: canvas.getByRole('log') };
}
