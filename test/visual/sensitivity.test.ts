import type { Browser } from 'playwright';
import type { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, newCapturePage, settle, StoryPage } from './capture.js';
import { compareScreenshots, decodePng, MAX_DIFFERENT_PIXELS } from './compare.js';

/**
 * The comparison the suite relies on, tried on a real story: an unchanged capture must pass, and the
 * smallest changes a reviewer would still care about (one pixel of spacing, one colour token) must fail.
 */
const { storybookUrl, captures } = inject('visual');
const capture = captures.find((candidate) => candidate.name === 'components-errortoast--server');

let browser: Browser;
let storyPage: StoryPage;
let reference: PNG;

async function captureStory(change?: () => void): Promise<PNG> {
  if (!capture) throw new Error('story components-errortoast--server is missing from the built Storybook');
  await storyPage.open(capture);
  if (change) {
    await storyPage.page.evaluate(change);
    await settle(storyPage.page);
  }
  return decodePng(await storyPage.screenshot());
}

describe('the visual comparison', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    storyPage = new StoryPage(await newCapturePage(browser), storybookUrl);
    reference = await captureStory();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('reports no difference for the same story captured again', async () => {
    const result = compareScreenshots(reference, await captureStory());
    expect(result.differentPixels).toBe(0);
    expect(result.diff).toBeNull();
  });

  test('reports one more pixel of padding on one element of the component', async () => {
    const result = compareScreenshots(
      reference,
      await captureStory(() => {
        const retry = document.querySelector<HTMLElement>(
          '[data-slot="error-toast"] [data-slot="retry"]',
        ) as HTMLElement;
        retry.style.paddingInlineStart = `${parseFloat(getComputedStyle(retry).paddingInlineStart) + 1}px`;
      }),
    );
    expect(result.sameSize).toBe(true);
    expect(result.differentPixels).toBeGreaterThan(MAX_DIFFERENT_PIXELS);
    expect(result.diff).not.toBeNull();
  });

  test('reports a colour token moved by 0.03 in lightness', async () => {
    const result = compareScreenshots(
      reference,
      // The light accent is oklch(0.5 0.17 264) (src/styles/tokens.css); the Retry button is filled with it.
      await captureStory(() => document.documentElement.style.setProperty('--pc-accent', 'oklch(0.53 0.17 264)')),
    );
    expect(result.sameSize).toBe(true);
    expect(result.differentPixels).toBeGreaterThan(MAX_DIFFERENT_PIXELS);
    expect(result.diff).not.toBeNull();
  });
});
