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
    /** What went wrong in the story shown now (see `recordPreviewEvents`). */
    __visualFailures?: string[];
    /** The docs page Storybook last said it rendered (`docsRendered`): its stories render after it. */
    __visualDocsRendered?: string;
    /** The latest phase of each story render, by render id: a docs page is settled when all of them are done. */
    __visualRenderPhases?: Map<number, string>;
    /** When the page last changed (`performance.now()`; the preview pins `Date` in a screenshot run). */
    __visualLastChange?: number;
  }
}

/** How long a story may take to load, run its play function and settle (the long SSE scenario takes ~3 s). */
const STORY_TIMEOUT_MS = 30_000;

/**
 * How long a docs page must stay unchanged to count as settled: a story may still change after its render is
 * done (one streams its answer from timers in its render function), and nothing announces when it stops.
 */
const DOCS_QUIET_MS = 500;

export function launchBrowser(): Promise<Browser> {
  // Partial raster re-draws only what changed, and an anti-aliased rounded clip drawn that way can differ by a few
  // pixels from one drawn whole: screenshots must not depend on the order the page was painted in.
  return chromium.launch({ executablePath: requireChromium(), args: [...chromiumArgs, '--disable-partial-raster'] });
}

/**
 * Runs in the page before Storybook: hooks the channel the moment Storybook creates it, so a play function
 * that throws, or errors left unhandled while it plays, are known even for the first story of a page load.
 * Storybook itself shows neither (it leaves the half-played story on screen), and a picture of a story
 * that did not reach its final state must not pass or become a baseline. Also follows what a docs page
 * needs to be waited for: the page rendered, each story on it rendered, and no change to the page since.
 */
function recordPreviewEvents(): void {
  window.__visualFailures = [];
  window.__visualRenderPhases = new Map();
  window.__visualLastChange = performance.now();
  new MutationObserver(() => (window.__visualLastChange = performance.now())).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
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
      value.on('docsRendered', (id: string) => (window.__visualDocsRendered = id));
      value.on('storyRenderPhaseChanged', ({ renderId, newPhase }: { renderId: number; newPhase: string }) =>
        window.__visualRenderPhases?.set(renderId, newPhase),
      );
    },
  });
}

/** A page with the settings every capture shares: one device pixel per CSS pixel, the light colour scheme. */
export async function newCapturePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ deviceScaleFactor: 1, colorScheme: 'light' });
  await page.addInitScript(recordPreviewEvents);
  return page;
}

/**
 * The URL of a story or docs page in the preview iframe. `chromatic=true` switches the preview into its screenshot
 * setup (pinned clock and randomness, no animations; .storybook/preview.tsx), the same one Chromatic gets.
 */
export function previewUrl(baseUrl: string, { id, viewMode, theme }: Capture): string {
  // a11y.manual: the accessibility checks are the story tests' job; here they would only cost time.
  const globals = `theme:${theme};a11y.manual:!true`;
  return `${baseUrl}/iframe.html?id=${encodeURIComponent(id)}&viewMode=${viewMode}&globals=${globals}&chromatic=true`;
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

/** Every docs page in the built Storybook, autodocs and MDX: the `docs` entries of its `index.json`. */
export async function listDocs(baseUrl: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/index.json`);
  if (!response.ok) throw new Error(`${baseUrl}/index.json: HTTP ${response.status}`);
  const index = (await response.json()) as { entries: Record<string, { id: string; type: string }> };
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'docs')
    .map((entry) => entry.id)
    .sort((a, b) => a.localeCompare(b));
}

/**
 * One preview page that shows story after story, and docs page after docs page. Loading the preview costs seconds
 * (its whole bundle and MSW's worker), so the page is loaded once per theme and later entries are selected over
 * Storybook's channel, as the Storybook UI does: each is mounted afresh and a story's play function runs again.
 */
export class StoryPage {
  readonly page: Page;
  private readonly baseUrl: string;
  private loadedTheme: string | null = null;
  private shown: Capture | null = null;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /**
   * Shows the capture's story or docs page at its viewport and waits until it is settled and painted: a story's
   * play function has finished; a docs page and every story on it have rendered, and the page has stopped changing.
   */
  async open(capture: Capture): Promise<void> {
    try {
      await this.show(capture);
      this.shown = capture;
    } catch (error) {
      // The page may be stuck in the failed story: the next capture starts from a fresh load.
      this.loadedTheme = null;
      this.shown = null;
      throw error;
    }
  }

  private async show(capture: Capture): Promise<void> {
    await this.page.setViewportSize(capture.viewport);
    const switched =
      this.loadedTheme === capture.theme &&
      (await this.page.evaluate(({ id, viewMode }) => {
        const current = window.__STORYBOOK_PREVIEW__?.currentRender;
        // Selecting the entry already shown would not render it again: that one is reloaded instead.
        if (current?.id === id) return false;
        window.__visualPreviousRender = current;
        window.__visualFailures = [];
        window.__visualDocsRendered = undefined;
        window.__visualRenderPhases?.clear();
        window.__STORYBOOK_ADDONS_CHANNEL__?.emit('setCurrentStory', { storyId: id, viewMode });
        return true;
      }, capture));
    if (!switched) {
      await this.page.goto(previewUrl(this.baseUrl, capture));
      this.loadedTheme = capture.theme;
    }
    if (capture.viewMode === 'story') {
      await this.page.waitForFunction(
        (id) => {
          const render = window.__STORYBOOK_PREVIEW__?.currentRender;
          return render !== window.__visualPreviousRender && render?.id === id && render.phase === 'finished';
        },
        capture.id,
        { timeout: STORY_TIMEOUT_MS },
      );
    } else {
      await this.page.waitForFunction(
        ({ id, quietMs }) =>
          window.__visualDocsRendered === id &&
          // An aborted render was replaced by a newer one, which is followed in its turn.
          [...(window.__visualRenderPhases?.values() ?? [])].every(
            (phase) => phase === 'finished' || phase === 'aborted',
          ) &&
          performance.now() - (window.__visualLastChange ?? 0) >= quietMs,
        { id: capture.id, quietMs: DOCS_QUIET_MS },
        { timeout: STORY_TIMEOUT_MS, polling: 100 },
      );
    }
    const failures = await this.page.evaluate(({ viewMode, viewport }) => {
      const { scrollWidth } = document.documentElement;
      return [
        ...(window.__visualFailures ?? []),
        ...(document.body.classList.contains('sb-show-errordisplay')
          ? [document.querySelector('#error-message')?.textContent ?? 'error display shown']
          : []),
        // Said plainly, rather than as a timeout while a screenshot tens of thousands of pixels wide is encoded.
        ...(viewMode === 'docs' && scrollWidth > viewport.width
          ? [`the page is ${scrollWidth} px wide in a ${viewport.width} px window: something on it does not wrap`]
          : []),
      ];
    }, capture);
    if (failures.length > 0) throw new Error(`${capture.id} failed in the preview: ${failures.join('; ')}`);
    await settle(this.page);
    if (capture.viewMode === 'docs') {
      const machineFonts = await textsInMachineFonts(this.page);
      if (machineFonts.length > 0) {
        throw new Error(
          `${capture.id} draws text in the machine's fonts, so its picture depends on the machine: ` +
            `${machineFonts.join('; ')}. Use a character the self-hosted fonts have, or a font that has it.`,
        );
      }
    }
  }

  /**
   * A PNG of what the story drew: the story root's box (at least 1×1, for a story that renders nothing); of a docs
   * page, the whole page.
   */
  async screenshot(): Promise<Buffer> {
    const options = { animations: 'disabled', caret: 'hide', scale: 'css' } as const;
    if (this.shown?.viewMode === 'docs') return this.page.screenshot({ ...options, fullPage: true });
    const box = await this.page.evaluate(() => {
      const rect = (document.querySelector('#storybook-root') as HTMLElement).getBoundingClientRect();
      return {
        x: rect.left + window.scrollX,
        y: rect.top + window.scrollY,
        width: Math.max(1, Math.ceil(rect.width)),
        height: Math.max(1, Math.ceil(rect.height)),
      };
    });
    return this.page.screenshot({ ...options, clip: box, fullPage: true });
  }
}

const TEXT_NODE = 3;

/**
 * The texts of a docs page, outside its stories' frames, that Chromium drew a glyph of in one of the machine's fonts:
 * a character the self-hosted fonts lack (an arrow, a superscript) falls back to whatever the machine has, and
 * `test:visual:other-fonts` only notices when its fonts draw it differently. The stories are the story captures' job.
 */
async function textsInMachineFonts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    // Elements of the docs page with text of their own: Chromium reports the fonts of an element's own text.
    const texts = new Map<number, string>();
    const visit = (node: typeof root, inDocs: boolean): void => {
      const names = (node.attributes ?? []).filter((_, i) => i % 2 === 0); // name, value, name, value…
      if (names.includes('data-story-frame')) return;
      const docs = inDocs || node.attributes?.[names.indexOf('id') * 2 + 1] === 'storybook-docs';
      const own = (node.children ?? [])
        .filter((child) => child.nodeType === TEXT_NODE)
        .map((child) => child.nodeValue)
        .join('')
        .trim();
      if (docs && own) texts.set(node.nodeId, own);
      for (const child of node.children ?? []) visit(child, docs);
    };
    visit(root, false);
    const found = await Promise.all(
      [...texts].map(async ([nodeId, text]) => {
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        const machine = fonts.filter((font) => !font.isCustomFont).map((font) => font.familyName);
        // The likely culprits: a self-hosted font lacks a character beyond ASCII far more often than one within it.
        const beyondAscii = [...new Set(text.replace(/[\x20-\x7e\s]/g, ''))].join(' ');
        return machine.length > 0
          ? [`${machine.join(', ')} in "${text.slice(0, 60)}…" (beyond ASCII: ${beyondAscii})`]
          : [];
      }),
    );
    return found.flat();
  } finally {
    await cdp.detach();
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
