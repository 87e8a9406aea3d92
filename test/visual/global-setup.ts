import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { clearResults, pruneBaselines, updating } from './baselines.js';
import { launchBrowser, listDocs, listStories } from './capture.js';
import { planCaptures, planDocsCaptures, type Capture } from './plan.js';
import { serveStatic } from './static-server.js';
import { buildStorybook } from './storybook-build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    visual: { storybookUrl: string; captures: Capture[] };
  }
}

/**
 * Builds Storybook once for the run (in a directory of its own, so parallel runs never share one), serves
 * it on 127.0.0.1, and lists the captures from the stories and docs pages the build contains.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'visual-storybook-'));
  await buildStorybook(outDir);
  const server = await serveStatic(outDir);
  const browser = await launchBrowser();
  let stories: Capture[];
  try {
    stories = planCaptures(await listStories(browser, server.url));
  } finally {
    await browser.close();
  }
  // All light stories, then all dark ones: the preview page is loaded once per theme (see StoryPage). The docs pages
  // come last, so that every story is taken exactly as it was before docs pages were.
  stories.sort((a, b) => a.theme.localeCompare(b.theme) || a.name.localeCompare(b.name));
  const captures = [...stories, ...planDocsCaptures(await listDocs(server.url))];
  await clearResults();
  if (updating) {
    const removed = await pruneBaselines(captures);
    if (removed.length > 0) console.log(`visual: removed ${removed.length} stale baseline(s): ${removed.join(', ')}`);
  }
  project.provide('visual', { storybookUrl: server.url, captures });
  return async () => {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
