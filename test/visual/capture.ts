import { chromium, type Browser, type Page } from 'playwright';
import { chromiumArgs, requireChromium } from '../../scripts/chromium.js';
import type { Capture, StoryInfo } from './plan.js';

/** The preview's own handle (storybook/preview-api `PreviewWeb`): the parts the harness reads. */
interface PreviewHandle {
  currentRender?: { id: string; phase: string };
  /**
   * Settles once the story index is loaded; `extract` throws before that. Storybook 10's error message says
   * `initializationPromise`, but that property does not exist: awaiting it waited for nothing.
   */
  storeInitializationPromise?: Promise<void>;
  extract: () => Promise<Record<string, { id: string; storyGlobals?: Record<string, unknown> }>>;
}

declare global {
  interface Window {
    __STORYBOOK_PREVIEW__?: PreviewHandle;
    __STORYBOOK_ADDONS_CHANNEL__?: { emit: (event: string, ...args: unknown[]) => void };
    /** The render shown before the harness selected another story, so a stale "finished" is not mistaken for the new one. */
    __visualPreviousRender?: PreviewHandle['currentRender'];
    /** What went wrong in the story shown now (see `recordStoryFailures`). */
    __visualFailures?: string[];
  }
}

/** How long a story may take to load, run its play function and settle (the long SSE scenario takes ~3 s). */
const STORY_TIMEOUT_MS = 30_000;

export function launchBrowser(): Promise<Browser> {
  // Partial raster re-draws only what changed, and an anti-aliased rounded clip drawn that way can differ by a few
  // pixels from one drawn whole: screenshots must not depend on the order the page was painted in.
  return chromium.launch({ executablePath: requireChromium(), args: [...chromiumArgs, '--disable-partial-raster'] });
}

/**
 * Runs in the page before Storybook: hooks the channel the moment Storybook creates it, so a play function
 * that throws, or errors left unhandled while it plays, are known even for the first story of a page load.
 * Storybook itself shows neither (it leaves the half-played story on screen), and a picture of a story
 * that did not reach its final state must not pass or become a baseline.
 */
function recordStoryFailures(): void {
  window.__visualFailures = [];
  let channel: unknown;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value: { on: (event: string, listener: (...args: never[]) => void) => void }) {
      channel = value;
      const failures = () => (window.__visualFailures ??= []);
      value.on('playFunctionThrewException', (error: { message?: string }) =>
        failures().push(`play function threw: ${error.message ?? String(error)}`),
      );
      value.on('unhandledErrorsWhilePlaying', (errors: { message?: string }[]) =>
        failures().push(...errors.map((error) => `unhandled error while playing: ${error.message ?? String(error)}`)),
      );
      value.on('storyThrewException', (error: { message?: string }) =>
        failures().push(`story threw: ${error.message ?? String(error)}`),
      );
      value.on('storyErrored', (error: { title?: string; description?: string }) =>
        failures().push(`story errored: ${error.title ?? ''} ${error.description ?? ''}`),
      );
    },
  });
}

/** A page with the settings every capture shares: one device pixel per CSS pixel, the light colour scheme. */
export async function newCapturePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ deviceScaleFactor: 1, colorScheme: 'light' });
  await page.addInitScript(recordStoryFailures);
  return page;
}

/**
 * The story's URL in the preview iframe. `chromatic=true` switches the preview into its screenshot setup
 * (pinned clock and randomness, no animations; .storybook/preview.tsx), the same one Chromatic gets.
 */
export function storyUrl(baseUrl: string, storyId: string, theme: string): string {
  // a11y.manual: the accessibility checks are the story tests' job; here they would only cost time.
  const globals = `theme:${theme};a11y.manual:!true`;
  return `${baseUrl}/iframe.html?id=${encodeURIComponent(storyId)}&viewMode=story&globals=${globals}&chromatic=true`;
}

/** Every story in the built Storybook with the globals it pins, read from the preview itself. */
export async function listStories(browser: Browser, baseUrl: string): Promise<StoryInfo[]> {
  const page = await newCapturePage(browser);
  try {
    await page.goto(`${baseUrl}/iframe.html?chromatic=true`);
    await page.waitForFunction(() => window.__STORYBOOK_PREVIEW__?.extract !== undefined);
    const stories = await page.evaluate(async () => {
      const preview = window.__STORYBOOK_PREVIEW__ as PreviewHandle;
      // `extract` is defined before the index has loaded, and throws if called then (seen once in ~10 runs).
      await preview.storeInitializationPromise;
      const extracted = await preview.extract();
      return Object.values(extracted).map((story) => ({ id: story.id, pinnedGlobals: story.storyGlobals ?? {} }));
    });
    return stories.sort((a, b) => a.id.localeCompare(b.id));
  } finally {
    await page.close();
  }
}

/**
 * One preview page that shows story after story. Loading the preview costs seconds (its whole bundle and
 * MSW's worker), so the page is loaded once per theme and later stories are selected over Storybook's
 * channel, as the Storybook UI does: each is mounted afresh and its play function runs again.
 */
export class StoryPage {
  readonly page: Page;
  private readonly baseUrl: string;
  private loadedTheme: string | null = null;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /** Shows the capture's story at its viewport and waits until its play function has finished and it is painted. */
  async open(capture: Capture): Promise<void> {
    try {
      await this.show(capture);
    } catch (error) {
      // The page may be stuck in the failed story: the next capture starts from a fresh load.
      this.loadedTheme = null;
      throw error;
    }
  }

  private async show(capture: Capture): Promise<void> {
    await this.page.setViewportSize(capture.viewport);
    const switched =
      this.loadedTheme === capture.theme &&
      (await this.page.evaluate((id) => {
        const current = window.__STORYBOOK_PREVIEW__?.currentRender;
        // Selecting the story already shown would not render it again: that one is reloaded instead.
        if (current?.id === id) return false;
        window.__visualPreviousRender = current;
        window.__visualFailures = [];
        window.__STORYBOOK_ADDONS_CHANNEL__?.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
        return true;
      }, capture.storyId));
    if (!switched) {
      await this.page.goto(storyUrl(this.baseUrl, capture.storyId, capture.theme));
      this.loadedTheme = capture.theme;
    }
    await this.page.waitForFunction(
      (id) => {
        const render = window.__STORYBOOK_PREVIEW__?.currentRender;
        return render !== window.__visualPreviousRender && render?.id === id && render.phase === 'finished';
      },
      capture.storyId,
      { timeout: STORY_TIMEOUT_MS },
    );
    const failures = await this.page.evaluate(() => [
      ...(window.__visualFailures ?? []),
      ...(document.body.classList.contains('sb-show-errordisplay')
        ? [document.querySelector('#error-message')?.textContent ?? 'error display shown']
        : []),
    ]);
    if (failures.length > 0) throw new Error(`story ${capture.storyId} failed in the preview: ${failures.join('; ')}`);
    await settle(this.page);
  }

  /** A PNG of what the story drew: the story root's box (at least 1×1, for a story that renders nothing). */
  async screenshot(): Promise<Buffer> {
    const box = await this.page.evaluate(() => {
      const rect = (document.querySelector('#storybook-root') as HTMLElement).getBoundingClientRect();
      return {
        x: rect.left + window.scrollX,
        y: rect.top + window.scrollY,
        width: Math.max(1, Math.ceil(rect.width)),
        height: Math.max(1, Math.ceil(rect.height)),
      };
    });
    return this.page.screenshot({ clip: box, fullPage: true, animations: 'disabled', caret: 'hide', scale: 'css' });
  }
}

/**
 * Lazily loaded parts settled (code blocks coloured, formulas rendered: `data-state="loading"` until their chunk has
 * arrived), fonts loaded (they load lazily, per script subset) and two frames painted since.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector(
        '[data-slot="code-block"][data-state="loading"], [data-slot="math"][data-state="loading"]',
      ),
    undefined,
    { timeout: STORY_TIMEOUT_MS },
  );
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}
