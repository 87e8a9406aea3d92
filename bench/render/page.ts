import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { chromium, type Page } from 'playwright';
import { build } from 'vite';
import { chromiumArgs, requireChromium } from '../../scripts/chromium.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

export interface PageOptions {
  /** The folder holding the page's index.html. */
  root: string;
  /** Its output folder's name under node_modules/.cache. */
  name: string;
  /** react-dom's profiling build, so `<Profiler onRender>` reports commits. */
  profiling: boolean;
  /** Minified as users get it; unminified, with source maps, keeps functions and their files readable in a CPU profile. */
  minify: boolean;
}

export const renderPage: PageOptions = { root: here, name: 'chat-ui-bench', profiling: true, minify: true };

/**
 * Builds a benchmark page for production (React's production build, as users get it), by default bench/render's
 * with react-dom's profiling build. No vite.config: a page needs only React and Tailwind.
 */
export async function buildPage(options: PageOptions = renderPage): Promise<string> {
  // Under node_modules: out of git, ESLint and Prettier.
  const outDir = join(here, '../../node_modules/.cache', options.name);
  await build({
    root: options.root,
    configFile: false,
    logLevel: 'warn',
    cacheDir: join(here, '../../node_modules/.vite', options.name),
    plugins: [react(), tailwindcss()],
    resolve: {
      alias: options.profiling ? [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] : [],
    },
    // Served over loopback to one browser: its chunk sizes need no warning.
    build: {
      outDir,
      emptyOutDir: true,
      minify: options.minify,
      sourcemap: !options.minify,
      chunkSizeWarningLimit: 100_000,
    },
  });
  return outDir;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
};

/** Serves `dir` on a free loopback port. */
export async function servePage(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    const fail = () => {
      response.writeHead(404);
      response.end();
    };
    if (!file.startsWith(dir)) return fail();
    stat(file).then(
      (info) => {
        if (!info.isFile()) return fail();
        response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(response);
      },
      () => fail(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A built page open in headless Chromium (`gc` exposed), its title `ready`; `close` ends the browser and the server. */
export interface OpenPage {
  page: Page;
  chromium: string;
  close: () => Promise<void>;
}

/** Serves `dir` and opens it in Debian's Chromium; page errors go to `onError`. */
export async function openPage(dir: string, onError: (message: string) => void): Promise<OpenPage> {
  const server = await servePage(dir);
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    args: [...chromiumArgs, '--js-flags=--expose-gc'],
  });
  const close = async () => {
    await browser.close();
    await server.close();
  };
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => onError(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => document.title === 'ready');
    return { page, chromium: browser.version(), close };
  } catch (error) {
    await close();
    throw error;
  }
}
