import '@fontsource-variable/inter';
import '@fontsource-variable/jetbrains-mono';
import '@fontsource-variable/noto-sans-arabic';
import '@fontsource-variable/noto-serif';
import notoSansMath from '@fontsource/noto-sans-math/files/noto-sans-math-latin-400-normal.woff2?url';
import type { Decorator, Preview } from '@storybook/react-vite';
import isChromatic from 'chromatic/isChromatic';
import { MotionGlobalConfig } from 'framer-motion';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { create } from 'storybook/theming';
import '../src/styles/index.css';
import './preview.css';

/**
 * A screenshot run: Chromatic, or the offline visual tests (test/visual), which load the preview with
 * `?chromatic=true` so that both take their pictures under exactly the same conditions.
 */
const snapshotRun = typeof window !== 'undefined' && isChromatic();

// Under automation (story tests, screenshots) every story shows its settled state: no animation is caught
// half-way, where an accessibility check would measure a half-faded colour or a screenshot would differ.
if (typeof navigator !== 'undefined' && (navigator.webdriver || snapshotRun)) {
  MotionGlobalConfig.skipAnimations = true;
  document.documentElement.dataset.automation = '';
}

/*
 * Formulas (MathML) in a self-hosted math font, as every other text: the machine's own would differ between machines.
 * The file holds the whole font (math alphabets and the MATH table); @fontsource's CSS would limit it to Latin.
 */
if (typeof document !== 'undefined') {
  const mathFont = new FontFace('Noto Sans Math Pinned', `url(${notoSansMath})`);
  document.fonts.add(mathFont);
  void mathFont.load();
}

/** 2026-01-01 12:00 UTC: every clock reading in a screenshot run, so countdowns and times never move. */
const SNAPSHOT_TIME = Date.UTC(2026, 0, 1, 12);

/** The seed `Math.random` starts from in a screenshot run, and again for each story shown on its own. */
const RANDOM_SEED = 0x5eed;
let randomState = RANDOM_SEED;

/**
 * Pins what differs between two runs of the same story: the wall clock (countdowns from `Date.now()`),
 * `Math.random` (retry jitter) and `crypto.randomUUID` (message ids). Timers keep running, so retries and
 * streams still progress. Runs before any story module, so values computed at import time are pinned too.
 */
function pinClockAndRandomness(): void {
  const RealDate = Date;
  class PinnedDate extends RealDate {
    constructor(...args: [] | ConstructorParameters<DateConstructor>) {
      if (args.length === 0) super(SNAPSHOT_TIME);
      else super(...args);
    }
    static override now(): number {
      return SNAPSHOT_TIME;
    }
  }
  globalThis.Date = PinnedDate as DateConstructor;
  // mulberry32: a tiny seeded generator, enough for jitter.
  Math.random = () => {
    randomState = (randomState + 0x6d2b79f5) | 0;
    const seed = randomState;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let nextId = 0;
  crypto.randomUUID = () => `00000000-0000-4000-8000-${(nextId++).toString(16).padStart(12, '0')}`;
}

/** Smooth scrolling is an animation too: a screenshot must not catch a transcript half-way to its end. */
function scrollInstantly(): void {
  const scrollTo = Element.prototype.scrollTo;
  Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number, y?: number) {
    if (typeof options === 'object') scrollTo.call(this, { ...options, behavior: 'instant' });
    else scrollTo.call(this, options ?? 0, y ?? 0);
  } as typeof scrollTo;
}

if (snapshotRun) {
  pinClockAndRandomness();
  scrollInstantly();
}

/**
 * Storybook's docs theme in the preview's self-hosted fonts: its own stacks end in the machine's fonts (Arial,
 * ui-monospace), so a docs page would render differently from one machine to the next (test/visual/README.md).
 */
const docsTheme = create({
  base: 'light',
  fontBase: "'Inter Variable', 'Noto Sans Arabic Variable', sans-serif",
  fontCode: "'JetBrains Mono Variable', monospace",
});

type Theme = 'light' | 'dark';
type Direction = 'ltr' | 'rtl';

/**
 * Applies the story's theme and direction (the toolbar's, or those it pins) as a host app would. A story shown on its
 * own owns the document, so they go on `<html>`. A docs page shows many stories among its own text: there each story
 * gets them on a frame of its own, and the page keeps the reader's direction, so that an Arabic story on the page
 * cannot mirror the props table and prose around it.
 */
const withThemeAndDirection: Decorator = (Story, { globals, userGlobals, viewMode }) => {
  const theme = (globals.theme ?? 'light') as Theme;
  const dir = (globals.dir ?? 'ltr') as Direction;
  const root = document.documentElement;
  if (viewMode === 'docs') {
    root.dir = (userGlobals?.dir ?? 'ltr') as Direction;
    // The docs page wears Storybook's light docs theme; a theme on <html> would reach every story, whatever it pins.
    delete root.dataset.theme;
    return (
      <div data-story-frame="" data-theme={theme} dir={dir}>
        <Story />
      </div>
    );
  }
  // Set during render, before the story paints, so no frame shows the wrong theme or direction.
  root.dataset.theme = theme;
  root.dir = dir;
  return <Story />;
};

let seededFor: string | undefined;

/**
 * One preview page shows story after story in a screenshot run: without a fresh seed, a story's retry jitter (and so
 * its countdown) would depend on how many random numbers the stories shown before it drew. Reseeds once per story and
 * theme, as it first renders; a docs page's stories share one sequence, as before.
 */
const withOwnRandomness: Decorator = (Story, { id, viewMode, globals }) => {
  const capture = `${id} ${String(globals.theme)} ${String(globals.dir)}`;
  if (snapshotRun && viewMode === 'story' && seededFor !== capture) {
    seededFor = capture;
    randomState = RANDOM_SEED;
  }
  return <Story />;
};

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [mswLoader()],
  decorators: [withThemeAndDirection, withOwnRandomness],
  initialGlobals: { theme: 'light', dir: 'ltr' },
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  parameters: {
    layout: 'padded',
    docs: { theme: docsTheme },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
    // Violations fail the story's test, in Vitest and in the Storybook UI.
    a11y: { test: 'error' },
    // The same two captures as test/visual: light and dark. A story that pins its theme renders it in both.
    chromatic: {
      modes: { light: { theme: 'light' }, dark: { theme: 'dark' } },
      pauseAnimationAtEnd: true,
    },
  },
};

export default preview;
