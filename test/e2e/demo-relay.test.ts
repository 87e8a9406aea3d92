import type { Locator, Page, Request } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelayStats } from '../../demo/server/chat-endpoint.js';
import { RELAY_ANSWER, RELAY_SCENARIO } from '../../demo/server/relay-scenario.js';
import { openDemo, type DemoSession } from './support/demo-session.js';

/*
 * The demo's `relay` scenario end to end: the answer goes through the chat relay (`src/server`) in front of the mock
 * upstream, and the page keeps its chat in session storage. A reload in the middle of the answer must finish it,
 * whole and once, from the same upstream request; Stop must send DELETE. Its own server and page, as demo.test.ts.
 */

const CHAT_PATH = '/api/v2/chat/completions/';

let session: DemoSession | undefined;
let page: Page;
let base: string;

beforeAll(async () => {
  session = await openDemo();
  ({ page, base } = session);
}, 60_000);

afterAll(async () => {
  await session?.close();
});

const answers = () => page.getByRole('log', { name: 'Conversation' }).locator('[data-role="assistant"]');

/** Picks `scenario`, sends `question` with Enter, and returns its answer (a skeleton until the first token). */
async function ask(scenario: string, question: string): Promise<Locator> {
  const index = await answers().count();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(scenario);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(question);
  await composer.press('Enter');
  return answers().nth(index);
}

/** How much of `answer`'s text has arrived (0 before its first token). */
const streamedLength = async (answer: Locator) => {
  const body = answer.locator('[data-slot="message-body"]');
  return (await body.count()) > 0 ? ((await body.textContent()) ?? '').length : 0;
};

/** Text without its whitespace and the markdown's backticks: what the rendered answer and the source share. */
const letters = (text: string) => text.replace(/[\s`]+/g, '');

const upstreamRequests = async () => {
  const response = await fetch(new URL('/api/demo/relay-stats', base));
  return ((await response.json()) as RelayStats).upstreamRequests;
};

const chatRequests = (method: string) => {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === method && new URL(request.url()).pathname === CHAT_PATH) seen.push(request);
  });
  return seen;
};

describe('the demo through the chat relay', () => {
  it('finishes an answer the page was reloaded in the middle of, whole and once', { timeout: 60_000 }, async () => {
    const before = await upstreamRequests();
    const posts = chatRequests('POST');
    const answer = await ask(RELAY_SCENARIO, 'What does the relay do?');
    await expect.poll(() => streamedLength(answer), { timeout: 15_000 }).toBeGreaterThan(80);
    expect(await answer.getAttribute('data-status')).toBe('streaming');
    const streamId = await posts[0]?.response().then((response) => response?.headerValue('x-chat-stream'));
    expect(streamId).toMatch(/^[\w-]{16,}$/);

    await page.reload();

    // The same conversation, restored: one question and its answer, which goes on streaming and ends complete.
    const restored = answers();
    await expect.poll(() => restored.count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('[data-role="user"]').count()).toBe(1);
    await expect.poll(() => restored.first().getAttribute('data-status'), { timeout: 30_000 }).toBe('complete');
    const text = (await restored.first().locator('[data-slot="message-body"]').textContent()) ?? '';
    expect(letters(text)).toBe(letters(RELAY_ANSWER));
    expect(text.split('This answer comes to you through the chat relay').length).toBe(2);

    // The reloaded page read the answer again from the relay by its stream id; the model was asked once.
    const replays = posts.filter((request) => request.headers()['x-chat-stream'] === streamId);
    expect(replays.length).toBeGreaterThanOrEqual(1);
    expect(replays.every((request) => request.headers()['last-event-id'] === undefined)).toBe(true);
    expect(await upstreamRequests()).toBe(before + 1);
  });

  it('stops an answer with DELETE to the relay, and keeps its text', { timeout: 30_000 }, async () => {
    const posts = chatRequests('POST');
    const deletes = chatRequests('DELETE');
    const answer = await ask(RELAY_SCENARIO, 'And when I press Stop?');
    await expect.poll(() => streamedLength(answer), { timeout: 15_000 }).toBeGreaterThan(80);
    const streamId = await posts[0]?.response().then((response) => response?.headerValue('x-chat-stream'));
    expect(streamId).toMatch(/^[\w-]{16,}$/);

    const stopped = page.waitForResponse(
      (response) => response.request().method() === 'DELETE' && new URL(response.url()).pathname === CHAT_PATH,
    );
    await page.getByRole('button', { name: 'Stop' }).click();
    expect((await stopped).status()).toBe(204);
    expect(deletes).toHaveLength(1);
    expect(deletes[0]?.headers()['x-chat-stream']).toBe(streamId);

    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 5_000 }).toBe('stopped');
    const body = answer.locator('[data-slot="message-body"]');
    const kept = (await body.textContent()) ?? '';
    expect(letters(RELAY_ANSWER).startsWith(letters(kept))).toBe(true);
    expect(letters(kept).length).toBeLessThan(letters(RELAY_ANSWER).length);
    // Nothing arrives after Stop.
    await page.waitForTimeout(500);
    expect(await body.textContent()).toBe(kept);
  });
});
