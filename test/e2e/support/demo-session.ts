import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { chromiumArgs, requireChromium } from '../../../scripts/chromium.js';

/** The demo's own Vite server on a free port and one Chromium page on it: one user's session. */
export interface DemoSession {
  page: Page;
  /** The server's base URL. */
  base: string;
  close(): Promise<void>;
}

/** Starts the `npm run dev` server and Chromium side by side, and opens the demo page. */
export async function openDemo(): Promise<DemoSession> {
  let server: ViteDevServer | undefined;
  let browser: Browser | undefined;
  const start = async () => {
    server = await createServer({
      configFile: fileURLToPath(new URL('../../../demo/vite.config.ts', import.meta.url)),
      server: { port: 0, strictPort: false },
      logLevel: 'warn',
    });
    await server.listen();
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('The demo server did not report its URL.');
    return url;
  };
  const launch = async () => {
    browser = await chromium.launch({ executablePath: requireChromium(), args: chromiumArgs });
    return browser.newPage();
  };
  const close = async () => {
    await browser?.close();
    await server?.close();
  };
  try {
    const [base, page] = await Promise.all([start(), launch()]);
    await page.goto(new URL('/chat/sse-demo', base).href);
    return { page, base, close };
  } catch (error) {
    await close();
    throw error;
  }
}
