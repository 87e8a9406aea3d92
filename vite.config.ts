import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { chromiumArgs, requireChromium } from './scripts/chromium.js';
import { grammarNames } from './src/components/markdown/code-languages.js';

/** Whether this run includes project `name` (every one when none is named). Only `storybook` and `e2e` need Chromium. */
function runsProject(name: string, argv: string[] = process.argv): boolean {
  const projects = argv.flatMap((arg, i) =>
    arg === '--project' ? [argv[i + 1] ?? ''] : arg.startsWith('--project=') ? [arg.slice('--project='.length)] : [],
  );
  return projects.length === 0 || projects.includes(name);
}

/** Every story as a test in Chromium, once per theme: a11y checks must pass in light and in dark. */
function storybookProject(theme: 'light' | 'dark'): TestProjectInlineConfiguration {
  return {
    extends: true,
    plugins: [
      storybookTest({
        configDir: fileURLToPath(new URL('./.storybook', import.meta.url)),
        initialGlobals: { theme },
      }),
    ],
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
        'marked',
        'eventsource-parser',
        // The lazily loaded highlighter and math renderer (src/components/markdown/highlighter.tsx, math-render.ts).
        'temml',
        'refractor/core',
        ...grammarNames().map((grammar) => `refractor/${grammar}`),
      ],
    },
    test: {
      name: theme === 'light' ? 'storybook' : 'storybook-dark',
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

/** The demo (`npm run dev`) driven end to end in Chromium; the test file starts its own server. */
function e2eProject(): TestProjectInlineConfiguration {
  requireChromium(); // fail before any test starts, with the one-line install hint
  return {
    extends: true,
    test: {
      name: 'e2e',
      environment: 'node',
      include: ['test/e2e/**/*.test.ts'],
      // A group of its own: no other test file runs beside it to compete with its paced answers for the CPU.
      sequence: { groupOrder: 1 },
    },
  };
}

/** Every story photographed in Chromium and compared with its committed baseline (test/visual/README.md). */
function visualProject(): TestProjectInlineConfiguration {
  requireChromium();
  return {
    extends: true,
    test: {
      name: 'visual',
      environment: 'node',
      include: ['test/visual/**/*.test.ts'],
      globalSetup: ['./test/visual/global-setup.ts'],
      // Its own group, after the others: its Chromium does not compete with the story tests' for the 2 cores.
      sequence: { groupOrder: 2 },
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  };
}

/** The soak in small (test/soak): 20 answers in Chromium through a server that injects faults. */
function soakProject(): TestProjectInlineConfiguration {
  requireChromium();
  return {
    extends: true,
    test: {
      name: 'soak',
      environment: 'node',
      include: ['test/soak/**/*.test.ts'],
      // Last, alone: its idle timeouts and paced answers want the CPU to themselves.
      sequence: { groupOrder: 3 },
    },
  };
}

/**
 * The relay (test/server): a real redis-server, relay instances as separate processes and a 200-answer soak. Its own
 * group, last: its processes would otherwise take the 2 cores from the timing-bounded markdown tests, and theirs from it.
 */
function serverProject(): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name: 'server',
      environment: 'node',
      include: ['test/server/**/*.test.ts'],
      sequence: { groupOrder: 4 },
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
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/**', 'test/visual/**', 'test/soak/**', 'test/server/**'],
        },
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
      ...(process.env.VITEST && (runsProject('storybook') || runsProject('storybook-dark'))
        ? [storybookProject('light'), storybookProject('dark')]
        : []),
      ...(process.env.VITEST && runsProject('e2e') ? [e2eProject()] : []),
      ...(process.env.VITEST && runsProject('visual') ? [visualProject()] : []),
      serverProject(),
      ...(process.env.VITEST && runsProject('soak') ? [soakProject()] : []),
    ],
  },
});
