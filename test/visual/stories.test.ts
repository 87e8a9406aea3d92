import type { Browser } from 'playwright';
import { afterAll, beforeAll, inject, test } from 'vitest';
import { checkBaseline } from './baselines.js';
import { launchBrowser, newCapturePage, StoryPage } from './capture.js';

/** Every story, in each theme it can show, and every docs page, against its baseline in test/visual/baselines. */
const { storybookUrl, captures } = inject('visual');

let browser: Browser;
let storyPage: StoryPage;

beforeAll(async () => {
  browser = await launchBrowser();
  storyPage = new StoryPage(await newCapturePage(browser), storybookUrl);
});

afterAll(async () => {
  await browser?.close();
});

test('the built Storybook has stories to capture', () => {
  if (captures.length === 0) throw new Error('no stories found in the built Storybook');
});

for (const capture of captures) {
  test(`${capture.id} (${capture.theme})`, async () => {
    await storyPage.open(capture);
    await checkBaseline(capture, await storyPage.screenshot());
  });
}
