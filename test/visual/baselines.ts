import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PNG } from 'pngjs';
import { compareScreenshots, decodePng, encodePng } from './compare.js';
import type { Capture } from './plan.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Committed baselines, one PNG per capture. */
export const BASELINE_DIR = join(root, 'test/visual/baselines');

/** Where a failed comparison leaves its expected, actual and diff images (gitignored). */
export const RESULTS_DIR = join(root, 'test-results/visual');

/** `VISUAL_UPDATE=1` (npm run test:visual:update) accepts what is captured as the new baselines. */
export const updating = process.env.VISUAL_UPDATE === '1';

const baselinePath = (name: string) => join(BASELINE_DIR, `${name}.png`);

async function readBaseline(name: string): Promise<PNG | null> {
  try {
    return decodePng(await readFile(baselinePath(name)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function describe(capture: Capture): string {
  const { width, height } = capture.viewport;
  return capture.viewMode === 'docs'
    ? `docs page ${capture.id} (${capture.theme}, ${width} px wide)`
    : `story ${capture.id} (${capture.theme}, ${width}×${height})`;
}

/**
 * Judges a capture against its baseline. Comparing, a missing or different baseline throws with the
 * story, the mode and the paths of the images to look at. Updating, a different or missing baseline is
 * replaced; an unchanged one is left as it is, byte for byte, so the commit shows only real changes.
 */
export async function checkBaseline(capture: Capture, screenshot: Buffer): Promise<void> {
  const actual = decodePng(screenshot);
  const expected = await readBaseline(capture.name);
  const comparison = expected ? compareScreenshots(expected, actual) : null;
  if (comparison && !comparison.diff) {
    // Within tolerance but not identical: said, so that a run's differences can be counted, not only its failures.
    if (comparison.differentPixels > 0) {
      console.warn(`visual: ${describe(capture)}: ${comparison.differentPixels} pixels differ, within tolerance`);
    }
    return;
  }
  if (updating) {
    await mkdir(BASELINE_DIR, { recursive: true });
    await writeFile(baselinePath(capture.name), encodePng(actual));
    return;
  }
  await mkdir(RESULTS_DIR, { recursive: true });
  const artifact = (kind: string) => join(RESULTS_DIR, `${capture.name}.${kind}.png`);
  await writeFile(artifact('actual'), encodePng(actual));
  const shown = (path: string) => relative(root, path);
  if (!expected || !comparison?.diff) {
    throw new Error(
      `${describe(capture)}: no baseline at ${shown(baselinePath(capture.name))}. ` +
        `Look at ${shown(artifact('actual'))}; if it is right, accept it with "npm run test:visual:update".`,
    );
  }
  await writeFile(artifact('expected'), encodePng(expected));
  await writeFile(artifact('diff'), encodePng(comparison.diff));
  const size = comparison.sameSize
    ? ''
    : ` (size ${expected.width}×${expected.height} became ${actual.width}×${actual.height})`;
  throw new Error(
    `${describe(capture)}: ${comparison.differentPixels} pixels differ from the baseline${size}.\n` +
      `  expected: ${shown(artifact('expected'))}\n  actual:   ${shown(artifact('actual'))}\n  diff:     ${shown(artifact('diff'))}\n` +
      `If the change is intended, accept it with "npm run test:visual:update".`,
  );
}

/** Updating: removes the baselines of captures that no longer exist (a story renamed, removed or pinned). */
export async function pruneBaselines(captures: readonly Capture[]): Promise<string[]> {
  const wanted = new Set(captures.map((capture) => `${capture.name}.png`));
  const present = await readdir(BASELINE_DIR).catch(() => [] as string[]);
  const stale = present.filter((file) => file.endsWith('.png') && !wanted.has(file));
  await Promise.all(stale.map((file) => rm(join(BASELINE_DIR, file))));
  return stale;
}

/** Clears the images of an earlier failed run, so every image there belongs to this run. */
export function clearResults(): Promise<void> {
  return rm(RESULTS_DIR, { recursive: true, force: true });
}
