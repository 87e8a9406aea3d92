import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { chromiumArgs, requireChromium } from './scripts/chromium.js';

/** Only a run that includes the browser project needs Chromium; `--project unit` works without it. */
function runsBrowserTests(argv: string[]): boolean {
  const projects = argv.flatMap((arg, i) =>
    arg === '--project' ? [argv[i + 1] ?? ''] : arg.startsWith('--project=') ? [arg.slice('--project='.length)] : [],
  );
  return projects.length === 0 || projects.includes('storybook');
}

function storybookProject(): TestProjectInlineConfiguration {
  return {
    extends: true,
    plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
    optimizeDeps: {
      // Pre-bundled up front: a dependency discovered mid-run makes Vite reload and fail the test file.
      include: [
        'react-dom/client',
        'react/jsx-dev-runtime',
        'storybook/test',
        '@storybook/react-vite',
        'msw',
        'msw/browser',
        'framer-motion',
        'class-variance-authority',
        'clsx',
        'tailwind-merge',
        'marked',
        'eventsource-parser',
      ],
    },
    test: {
      name: 'storybook',
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({
          launchOptions: { executablePath: requireChromium(), args: chromiumArgs },
        }),
        instances: [{ browser: 'chromium' }],
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss()],
  test: {
    // In CI a JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/**/*.test.tsx'],
          setupFiles: ['./test/setup-dom.ts'],
        },
      },
      ...(process.env.VITEST && runsBrowserTests(process.argv) ? [storybookProject()] : []),
    ],
  },
});
