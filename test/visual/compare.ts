import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/**
 * How far apart two pixels' colours may be and still count as the same: pixelmatch's OKLab HyAB distance,
 * where 1 is black against white. Repeated captures here differ by at most 2 of 255 in a channel on a few
 * dozen edge pixels (Chromium's software rasteriser), which stays under 0.01; 0.02 leaves a margin and
 * still catches a token whose lightness moves by 0.03 (test/visual/sensitivity.test.ts).
 */
export const COLOUR_THRESHOLD = 0.02;

/**
 * How many pixels may differ before a comparison fails. A transcript scrolled to its end can land a fraction of a
 * pixel apart between runs, which re-antialiases the rounded corner of a bubble cut by the scroll edge (7 pixels
 * seen). A 1px spacing change moves hundreds of pixels (test/visual/sensitivity.test.ts).
 */
export const MAX_DIFFERENT_PIXELS = 16;

export interface Comparison {
  /** Pixels that differ, counting every pixel outside the smaller image when the sizes differ. */
  differentPixels: number;
  sameSize: boolean;
  /** Red where the images differ, over a faded copy of the expected image; null when they match. */
  diff: PNG | null;
}

export function decodePng(bytes: Buffer): PNG {
  return PNG.sync.read(bytes);
}

function isOpaque(png: PNG): boolean {
  for (let alpha = 3; alpha < png.data.length; alpha += 4) if (png.data[alpha] !== 255) return false;
  return true;
}

/**
 * Small PNGs for the repository: screenshots are opaque, so RGB without alpha, and unfiltered rows at the
 * strongest deflate, which suits flat UI colours best (measured: 13% smaller than Chromium's own PNGs).
 */
export function encodePng(png: PNG): Buffer {
  const opaque = isOpaque(png);
  return PNG.sync.write(png, {
    deflateLevel: 9,
    // pngjs defaults to run-length strategy, which is 8× larger here than plain deflate.
    deflateStrategy: 0,
    filterType: 0,
    colorType: opaque ? 2 : 6,
    inputHasAlpha: true,
  });
}

/** `image` on a canvas of `width`×`height`, transparent where it does not reach. */
function padTo(image: PNG, width: number, height: number): PNG {
  if (image.width === width && image.height === height) return image;
  const padded = new PNG({ width, height });
  PNG.bitblt(image, padded, 0, 0, image.width, image.height, 0, 0);
  return padded;
}

/** Compares two screenshots: the suite and the sensitivity test both judge with this one function. */
export function compareScreenshots(expected: PNG, actual: PNG): Comparison {
  const width = Math.max(expected.width, actual.width);
  const height = Math.max(expected.height, actual.height);
  const sameSize = expected.width === actual.width && expected.height === actual.height;
  const diff = new PNG({ width, height });
  const differentPixels = pixelmatch(
    padTo(expected, width, height).data,
    padTo(actual, width, height).data,
    diff.data,
    width,
    height,
    // Anti-aliased pixels count too: a 1px shift of a thin border is mostly anti-aliasing.
    { threshold: COLOUR_THRESHOLD, includeAA: true },
  );
  const matches = sameSize && differentPixels <= MAX_DIFFERENT_PIXELS;
  return { differentPixels, sameSize, diff: matches ? null : diff };
}
