import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, newCapturePage, StoryPage } from './capture.js';

/**
 * A docs page stays in the reader's direction (the toolbar's, left to right here): a story that pins right to left
 * or dark shows it in its own frame on the page, and neither reaches the page's own text or props table. Before the
 * fix, the Arabic story rendered inline wrote `dir="rtl"` on <html> and the whole page read right to left.
 */
const { storybookUrl, captures } = inject('visual');

let browser: Browser;
let storyPage: StoryPage;

function capture(id: string) {
  const found = captures.find((candidate) => candidate.id === id && candidate.theme === 'light');
  if (!found) throw new Error(`${id} is missing from the built Storybook`);
  return found;
}

/** The direction of the page and its parts, and the direction and theme of each story's frame, by story id. */
function directions(page: StoryPage['page']) {
  return page.evaluate(() => {
    const direction = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`no ${selector} on the docs page`);
      return getComputedStyle(element).direction;
    };
    const frames = Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('.sb-story [data-story-frame]')].map((frame) => [
        (frame.closest('.sb-story') as HTMLElement).id,
        `${getComputedStyle(frame).direction} ${frame.dataset.theme}`,
      ]),
    );
    return {
      html: document.documentElement.dir,
      htmlTheme: document.documentElement.dataset.theme ?? null,
      title: direction('.sbdocs-title'),
      propsTable: direction('.docblock-argstable'),
      frames,
    };
  });
}

describe.each(['errortoast', 'connectionstatus'])(
  'the %s docs page, with its Arabic and dark stories on it',
  (name) => {
    const expected = {
      html: 'ltr',
      htmlTheme: null,
      title: 'ltr',
      propsTable: 'ltr',
      frames: expect.objectContaining({
        [`story--components-${name}--arabic-rtl`]: 'rtl light',
        [`story--components-${name}--dark`]: 'ltr dark',
      }),
    };

    beforeAll(async () => {
      browser = await launchBrowser();
      storyPage = new StoryPage(await newCapturePage(browser), storybookUrl);
    });

    afterAll(async () => {
      await browser?.close();
    });

    test('reads left to right, each story in its own direction and theme', async () => {
      await storyPage.open(capture(`components-${name}--docs`));
      const found = await directions(storyPage.page);
      expect(found).toEqual(expected);
      // Every other story on the page follows the reader: left to right, light.
      const others = Object.entries(found.frames).filter(([id]) => !/--(arabic-rtl|dark)$/.test(id));
      expect(others.length).toBeGreaterThan(0);
      for (const [, frame] of others) expect(frame).toBe('ltr light');
    });

    test('reads left to right when opened right after the Arabic story itself', async () => {
      await storyPage.open(capture(`components-${name}--arabic-rtl`));
      expect(await storyPage.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await storyPage.open(capture(`components-${name}--docs`));
      expect(await directions(storyPage.page)).toEqual(expected);
    });
  },
);
