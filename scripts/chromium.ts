import { existsSync } from 'node:fs';

/**
 * Flags that let Debian's Chromium run headless as root on a machine with no outside network:
 * without the background-networking ones its connections are refused and it stalls.
 */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`.
 * Exits with one line saying how to install it when it is missing, instead of a launcher stack trace.
 */
export function requireChromium(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    console.error(
      `Chromium not found at ${path}: install it with "apt-get update && apt-get install -y chromium", or set CHROMIUM_PATH to a Chromium binary.`,
    );
    process.exit(1);
  }
  return path;
}
