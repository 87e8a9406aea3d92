/**
 * What a user of each host app sees, checked in Chromium: the answer streams in (seen part-way, then whole),
 * nothing is logged as an error or warning, and on the Tailwind host both the host's utilities (even on the
 * library's components) and the library's own styles apply.
 */
import type { Browser, Page } from 'playwright';

/** What the chat endpoint streams; plain text, so the page shows it word for word. */
export const ANSWER =
  'Installed from the packed tarball, this answer streamed in word by word — naïve café ✓ — and ended complete.';

export const QUESTION = 'Does the packed library stream in this host?';

/**
 * `chat`: send and stream an answer; `composed`: the same in a layout the host made from the parts, whose refs must
 * all reach their elements; `status`: the ConnectionStatus-only page; `tailwind`: chat plus styles.
 */
export type PageCheck = 'chat' | 'composed' | 'status' | 'tailwind';

const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim();
const ANSWER_BODY = '[data-slot="message"][data-role="assistant"] [data-slot="message-body"]';

/**
 * Sends a question; returns the milliseconds from Send until the whole answer shows as complete. Every text the
 * answer shows is recorded as React commits it (a MutationObserver, not frame polling, which a loaded machine slows).
 */
async function streamAnswer(page: Page): Promise<number> {
  await page.evaluate((selector) => {
    const seen: string[] = [];
    Object.assign(window, { answerTexts: seen });
    new MutationObserver(() => {
      const text = document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      if (text !== '' && text !== seen.at(-1)) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, ANSWER_BODY);
  await page.getByRole('textbox', { name: 'Message' }).fill(QUESTION);
  const started = performance.now();
  await page.getByRole('button', { name: 'Send' }).click();
  await page.waitForSelector('[data-slot="message"][data-role="assistant"][data-status="complete"]', {
    timeout: 10_000,
  });
  const ms = performance.now() - started;
  const full = normalize(ANSWER);
  const shown = normalize((await page.locator(ANSWER_BODY).textContent()) ?? '');
  if (shown !== full) throw new Error(`the answer shown is not the one streamed:\n  shown: ${shown}\n  sent:  ${full}`);
  const texts = await page.evaluate(() => (window as unknown as { answerTexts: string[] }).answerTexts);
  // Part of the answer on screen before the rest: it streamed, it did not arrive in one piece.
  if (!texts.some((text) => text.length < full.length && full.startsWith(text))) {
    throw new Error(`the answer never showed part-way; texts seen: ${JSON.stringify(texts)}`);
  }
  return ms;
}

async function computed(page: Page, selector: string, props: string[]): Promise<Record<string, string>> {
  return page
    .locator(selector)
    .first()
    .evaluate((element, names) => {
      const style = getComputedStyle(element);
      return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
    }, props);
}

/** `actual[prop]` must satisfy `expected` (a value, or a test with its description). */
function expectStyle(
  what: string,
  actual: Record<string, string>,
  expected: Record<string, string | [string, (value: string) => boolean]>,
): string[] {
  return Object.entries(expected).flatMap(([prop, want]) => {
    const value = actual[prop] ?? '';
    const [label, ok] = typeof want === 'string' ? [want, (v: string) => v === want] : want;
    return ok(value) ? [] : [`${what}: ${prop} is ${value}, expected ${label}`];
  });
}

const HOST_ACCENT = 'rgb(225, 29, 72)';
const isPainted = (v: string) => v !== '' && v !== 'transparent' && v !== 'rgba(0, 0, 0, 0)' && v !== HOST_ACCENT;

/**
 * The host's Tailwind and the library's styles side by side: the host's `p-4`/`bg-accent` apply to its own
 * element and do not leak into the library (whose `pc:bg-accent` keeps its `--pc-accent`); the host's `p-8`
 * passed as `className` wins over the library's padding (the card keeps its own border); the preflight leaves the
 * library's buttons styled (Send stays a round, painted 36 px button).
 */
async function tailwindProblems(page: Page): Promise<string[]> {
  const paint: [string, (v: string) => boolean] = ['the library accent (painted, not the host accent)', isPainted];
  return [
    ...expectStyle(
      'host p-4 bg-accent element',
      await computed(page, '[data-testid="host-banner"]', ['padding', 'background-color']),
      {
        padding: '16px',
        'background-color': HOST_ACCENT,
      },
    ),
    ...expectStyle('chat with className="p-8"', await computed(page, '[data-slot="chat"]', ['padding']), {
      padding: '32px',
    }),
    ...expectStyle(
      'AIInsightCard with className="p-8"',
      await computed(page, '[data-slot="insight-card"]', ['padding', 'border-inline-start-width']),
      {
        padding: '32px',
        'border-inline-start-width': '1px',
      },
    ),
    ...expectStyle(
      'send button',
      await computed(page, '[data-slot="chat-composer"] button[type="submit"]', [
        'width',
        'background-color',
        'border-radius',
      ]),
      // Round and 36 px: the preflight's `border-radius: 0` and transparent background do not reach it.
      { width: '36px', 'background-color': paint, 'border-radius': ['round', (v) => parseFloat(v) >= 18] },
    ),
  ];
}

/** Opens `url`, runs `check`, and throws with every problem seen, console errors and warnings included. */
export async function checkPage(browser: Browser, url: string, check: PageCheck): Promise<{ answerMs?: number }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  try {
    await page.goto(url);
    let answerMs: number | undefined;
    if (check === 'status') {
      await page.locator('[data-slot="connection-status"]', { hasText: 'Connected' }).waitFor({ timeout: 10_000 });
    } else {
      answerMs = await streamAnswer(page);
    }
    if (check === 'tailwind') problems.push(...(await tailwindProblems(page)));
    if (check === 'composed') {
      const refs = await page.evaluate(() => document.body.dataset.refs);
      if (refs !== 'ok') problems.push(`refs of the composed parts: ${refs ?? 'never checked'}`);
    }
    if (problems.length > 0) throw new Error(problems.join('\n  '));
    return answerMs === undefined ? {} : { answerMs };
  } finally {
    await page.close();
  }
}
