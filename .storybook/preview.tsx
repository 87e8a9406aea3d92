import type { Decorator, Preview } from '@storybook/react-vite';
import { MotionGlobalConfig } from 'framer-motion';
import { mswLoader } from 'msw-storybook-addon/csf3';
import '../src/styles/index.css';
import './preview.css';

// Under automation (story tests, screenshots) every story shows its settled state: no animation is caught
// half-way, where an accessibility check would measure a half-faded colour or a screenshot would differ.
if (typeof navigator !== 'undefined' && navigator.webdriver) {
  MotionGlobalConfig.skipAnimations = true;
  document.documentElement.dataset.automation = '';
}

type Theme = 'light' | 'dark';
type Direction = 'ltr' | 'rtl';

/** Applies the toolbar's theme and direction to the document, as a host app would. */
const withThemeAndDirection: Decorator = (Story, { globals }) => {
  const theme = (globals.theme ?? 'light') as Theme;
  const dir = (globals.dir ?? 'ltr') as Direction;
  // Set during render, before the story paints, so no frame shows the wrong theme or direction.
  document.documentElement.dataset.theme = theme;
  document.documentElement.dir = dir;
  return <Story />;
};

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [mswLoader()],
  decorators: [withThemeAndDirection],
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
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
    // Violations fail the story's test, in Vitest and in the Storybook UI.
    a11y: { test: 'error' },
  },
};

export default preview;
