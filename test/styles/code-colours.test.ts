/**
 * Every colour of highlighted code is readable on the code block's background (`--pc-muted`) in both themes: at least
 * WCAG AA's 4.5:1, computed from the `oklch()` values in tokens.css.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../src/styles/tokens.css', import.meta.url), 'utf8');

/** The `--pc-*: oklch(l c h)` declarations of the first rule whose selector contains `selector`. */
function tokens(selector: string): Map<string, [number, number, number]> {
  const start = css.indexOf(selector);
  const body = css.slice(css.indexOf('{', start), css.indexOf('}', start));
  const found = new Map<string, [number, number, number]>();
  for (const [, name, l, c, h] of body.matchAll(/(--pc-[\w-]+):\s*oklch\(([\d.]+) ([\d.]+) ([\d.]+)\)/g))
    found.set(name as string, [Number(l), Number(c), Number(h)]);
  return found;
}

/** Relative luminance (WCAG) of an oklch colour, through linear sRGB (clipped to the gamut, as browsers show it). */
function luminance([l, c, h]: [number, number, number]): number {
  const a = c * Math.cos((h * Math.PI) / 180);
  const b = c * Math.sin((h * Math.PI) / 180);
  const lms = [
    (l + 0.3963377774 * a + 0.2158037573 * b) ** 3,
    (l - 0.1055613458 * a - 0.0638541728 * b) ** 3,
    (l - 0.0894841775 * a - 1.291485548 * b) ** 3,
  ] as const;
  const [r, g, blue] = [
    4.0767416621 * lms[0] - 3.3077115913 * lms[1] + 0.2309699292 * lms[2],
    -1.2684380046 * lms[0] + 2.6097574011 * lms[1] - 0.3413193965 * lms[2],
    -0.0041960863 * lms[0] - 0.7034186147 * lms[1] + 1.707614701 * lms[2],
  ].map((v) => Math.min(1, Math.max(0, v))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * blue;
}

function contrast(x: [number, number, number], y: [number, number, number]): number {
  const [light, dark] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('highlighted code colours', () => {
  const light = tokens(':where(:root, :host)');
  const dark = tokens(':where(.dark');
  const names = [...light.keys()].filter((name) => name.startsWith('--pc-code-'));

  it('are defined for both themes', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) expect(dark.has(name), name).toBe(true);
  });

  it.each([
    ['light', light],
    ['dark', dark],
  ])('meet 4.5:1 against the code background in %s', (_, theme) => {
    const background = theme.get('--pc-muted') as [number, number, number];
    for (const name of names) {
      const ratio = contrast(theme.get(name) as [number, number, number], background);
      expect(ratio, `${name}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
