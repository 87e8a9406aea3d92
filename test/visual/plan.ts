/**
 * What the visual suite photographs: each story once per theme it can show, at the viewport it asks for, and each
 * docs page (autodocs and MDX) whole.
 */

export type Theme = 'light' | 'dark';

/** How Storybook shows an index entry: a story on its own, or a docs page with its stories inline. */
export type ViewMode = 'story' | 'docs';

/** A story as the built Storybook describes it: its id and the globals it pins (`globals` in the story). */
export interface StoryInfo {
  id: string;
  pinnedGlobals: Record<string, unknown>;
}

export interface Capture {
  /** The index entry's id: a story's, or a docs page's (`…--docs`). */
  id: string;
  viewMode: ViewMode;
  theme: Theme;
  /** The baseline's file name without `.png`: the entry's id, with `--dark` when taken in the dark theme. */
  name: string;
  /** A story is taken at this size; a docs page this wide, and as tall as it is. */
  viewport: { width: number; height: number };
}

/** Every story that pins no viewport is taken at this size. */
export const DESKTOP = { width: 1024, height: 768 };

/** Storybook's own sizes for the viewports a story can pin (storybook/viewport, MINIMAL_VIEWPORTS). */
const PINNED_VIEWPORTS: Record<string, { width: number; height: number }> = {
  mobile1: { width: 320, height: 568 },
  mobile2: { width: 414, height: 896 },
  tablet: { width: 834, height: 1112 },
};

function pinnedViewport(story: StoryInfo): { width: number; height: number } {
  const viewport = story.pinnedGlobals.viewport as { value?: string; isRotated?: boolean } | undefined;
  if (!viewport?.value) return DESKTOP;
  const size = PINNED_VIEWPORTS[viewport.value];
  if (!size) throw new Error(`${story.id} pins viewport "${viewport.value}", which test/visual/plan.ts does not know`);
  return viewport.isRotated ? { width: size.height, height: size.width } : size;
}

/** Light and dark for every story, except that a story pinning its theme is taken once, as pinned. */
export function planCaptures(stories: readonly StoryInfo[]): Capture[] {
  return stories.flatMap((story) => {
    const pinned = story.pinnedGlobals.theme as Theme | undefined;
    const themes: Theme[] = pinned ? [pinned] : ['light', 'dark'];
    const viewport = pinnedViewport(story);
    return themes.map((theme) => ({
      id: story.id,
      viewMode: 'story' as const,
      theme,
      name: theme === 'dark' ? `${story.id}--dark` : story.id,
      viewport,
    }));
  });
}

/**
 * Every docs page once, in the light theme: the page itself always wears Storybook's light docs theme, and the dark
 * look of every story on it is already taken story by story; what a docs page adds is its own text, its props table,
 * and each story in its frame (a story that pins dark or right-to-left shows it there, and only there).
 */
export function planDocsCaptures(docsIds: readonly string[]): Capture[] {
  return docsIds.map((id) => ({ id, viewMode: 'docs', theme: 'light', name: id, viewport: DESKTOP }));
}
