import type { Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemo, type DemoSession } from './support/demo-session.js';

/*
 * The `npm run dev` demo end to end: its own Vite server on a free port, with the scenario endpoint pacing
 * answers as a real server would, driven in Chromium as a user would. One page for the whole file, as one
 * user's session: each test picks its scenario and asks a new question (the server plays every scenario
 * afresh per question), and a page load costs seconds on a busy machine.
 */

const FIRST_WORDS = 'Server-Sent Events keep one HTTP response open';
const LAST_WORDS = 'nothing is lost and nothing is repeated.';

let session: DemoSession | undefined;
let page: Page;

beforeAll(async () => {
  session = await openDemo();
  ({ page } = session);
}, 60_000);

afterAll(async () => {
  await session?.close();
});

/** Picks `scenario`, sends `question` with Enter, and returns its answer (a skeleton until the first token). */
async function ask(scenario: string, question: string): Promise<Locator> {
  const answers = page.getByRole('log', { name: 'Conversation' }).locator('[data-role="assistant"]');
  const index = await answers.count();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(scenario);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(question);
  await composer.press('Enter');
  return answers.nth(index);
}

const connectionStatus = () => page.locator('[data-slot="connection-status"]');

describe('the demo at /chat/sse-demo', () => {
  it('streams an answer', { timeout: 20_000 }, async () => {
    const answer = await ask('streaming', 'How does streaming over SSE work?');
    // While it streams, its caret blinks: this browser does not ask for reduced motion.
    const caretAnimation = () =>
      answer.evaluate((element) => {
        const styles = [...element.querySelectorAll('[data-streaming] *')].map((e) => getComputedStyle(e, '::after'));
        return styles.find((style) => style.content === '""')?.animationName;
      });
    await expect.poll(caretAnimation, { timeout: 10_000 }).toBe('pc-caret-blink');
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 15_000 }).toBe('complete');
    const text = (await answer.textContent()) ?? '';
    expect(text).toContain(FIRST_WORDS);
    expect(text).toContain(LAST_WORDS);
  });

  it('waits out a 429 with a countdown, then answers by itself', { timeout: 20_000 }, async () => {
    const answer = await ask('rate-limit', 'And when the server is busy?');
    const status = connectionStatus();
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 10_000 }).toBe('rate-limited');
    expect(await status.textContent()).toMatch(/trying again in \d+ s/);
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 15_000 }).toBe('complete');
    expect(await answer.textContent()).toContain(LAST_WORDS);
    expect(await status.getAttribute('data-state')).toBe('connected');
  });

  it('runs a tool call that waits for approval, then answers in the same message', { timeout: 20_000 }, async () => {
    const answer = await ask('tool-approval', 'Email Ana about lunch on Friday');
    await answer.getByRole('button', { name: 'Approve' }).click({ timeout: 15_000 });
    await expect
      .poll(() => answer.textContent(), { timeout: 15_000 })
      .toContain('Done: the email to Ana is on its way.');
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 5_000 }).toBe('complete');
    expect(await answer.locator('[data-slot="tool-call"]').getAttribute('data-state')).toBe('result');
  });

  it('keeps the partial answer when the user stops it', { timeout: 20_000 }, async () => {
    const answer = await ask('long', 'Tell me everything.');
    const body = answer.locator('[data-slot="message-body"]');
    const streamed = async () => ((await body.count()) > 0 ? ((await body.textContent()) ?? '').length : 0);
    await expect.poll(streamed, { timeout: 15_000 }).toBeGreaterThan(200);
    await page.getByRole('button', { name: 'Stop' }).click();

    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 5_000 }).toBe('stopped');
    const kept = (await body.textContent()) ?? '';
    expect(kept.length).toBeGreaterThan(200);
    // Nothing arrives after Stop.
    await page.waitForTimeout(300);
    expect(await body.textContent()).toBe(kept);

    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Thanks, that is enough.');
    expect(await page.getByRole('button', { name: 'Send' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Stop' }).count()).toBe(0);
  });
});
