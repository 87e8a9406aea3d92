/*
 * `npm run test:host`: packs the library, installs the tarball into fresh Vite + React host apps (React 19,
 * React 18.3, React 19 with the host's own Tailwind v4), builds them with Vite, serves each build with a local
 * SSE chat endpoint and checks it in Chromium. Prints one line per build, with the gzip size of the bundles
 * that show tree-shaking. Exits non-zero on any failure and then keeps the temporary folder for a look.
 * See scripts/host/README.md for what each variant proves.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright';
import { chromiumArgs, requireChromium } from '../chromium.ts';
import { ANSWER, checkPage, type PageCheck } from './check.ts';
import { serveHost } from './serve.ts';

type ResponderModule = typeof import('../../src/msw/responders.ts');

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));

interface Build {
  name: string;
  /** The fixture that becomes the app's `main.jsx`. */
  entry: string;
  /** React's development build, which is where React logs its warnings. */
  development?: boolean;
  /** What to check in Chromium; none for a build that is only measured. */
  check?: PageCheck;
  /** Print the gzip size of its JavaScript. */
  measure?: boolean;
}

/** Renders the composed chat to HTML in plain Node with the host's own React (fixtures/ssr.mjs). */
async function serverRender(hostDir: string): Promise<string> {
  await cp(join(fixtures, 'ssr.mjs'), join(hostDir, 'ssr.mjs'));
  const { stdout } = await run(process.execPath, ['ssr.mjs'], { cwd: hostDir });
  return stdout.trim();
}

interface Host {
  name: string;
  /** npm packages besides the tarball, with the versions the repo itself uses unless given. */
  packages: string[];
  tailwind?: boolean;
  /** Also render the composed chat on the server with this host's React. */
  ssr?: boolean;
  builds: Build[];
}

const base = ['framer-motion', 'vite', '@vitejs/plugin-react'];
const hosts: Host[] = [
  {
    name: 'react19',
    packages: ['react', 'react-dom', ...base],
    ssr: true,
    builds: [
      { name: 'react19', entry: 'chat.jsx', check: 'chat', measure: true },
      { name: 'react19 (development)', entry: 'chat.jsx', development: true, check: 'chat' },
      { name: 'react19 composed (development)', entry: 'composed.jsx', development: true, check: 'composed' },
      { name: 'connection-status-only', entry: 'connection-status-only.jsx', check: 'status', measure: true },
      { name: 'react-only (no library)', entry: 'react-only.jsx', measure: true },
    ],
  },
  {
    name: 'react18',
    packages: ['react@18.3.1', 'react-dom@18.3.1', ...base],
    ssr: true,
    builds: [
      { name: 'react18', entry: 'chat.jsx', check: 'chat' },
      { name: 'react18 (development)', entry: 'chat.jsx', development: true, check: 'chat' },
      { name: 'react18 composed (development)', entry: 'composed.jsx', development: true, check: 'composed' },
    ],
  },
  {
    name: 'tailwind',
    packages: ['react', 'react-dom', ...base, 'tailwindcss', '@tailwindcss/vite'],
    tailwind: true,
    builds: [{ name: 'tailwind', entry: 'tailwind.jsx', check: 'tailwind' }],
  },
];

/** `name@version` as installed in the repo, so the hosts use what the library is developed against. */
async function pinned(spec: string): Promise<string> {
  if (spec.lastIndexOf('@') > 0) return spec;
  const manifest = JSON.parse(await readFile(join(repo, 'node_modules', spec, 'package.json'), 'utf8')) as {
    version: string;
  };
  return `${spec}@${manifest.version}`;
}

/** A tree-shaken `ConnectionStatus` must add at most this share of what the whole chat adds over React alone. */
const MAX_CONNECTION_STATUS_SHARE = 0.1;

/** Whether `dist/` is missing or older than a file in `src/`, so packing it would test old code. */
function distIsStale(): boolean {
  const built = ['dist/index.js', 'dist/styles.css'].map((file) => join(repo, file));
  if (!built.every((file) => existsSync(file))) return true;
  const builtAt = Math.min(...built.map((file) => statSync(file).mtimeMs));
  const sources = readdirSync(join(repo, 'src'), { recursive: true, encoding: 'utf8' });
  return sources.some((file) => statSync(join(repo, 'src', file)).mtimeMs > builtAt);
}

async function pack(into: string): Promise<string> {
  if (distIsStale()) {
    console.log('host: dist/ is missing or older than src/, running npm run build');
    await run('npm', ['run', 'build'], { cwd: repo });
  }
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', into], { cwd: repo });
  return join(into, stdout.trim().split('\n').at(-1) ?? '');
}

async function install(dir: string, host: Host, tarball: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: `host-${host.name}`, private: true, type: 'module' }),
  );
  const packages = await Promise.all(host.packages.map(pinned));
  await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, ...packages],
    {
      cwd: dir,
    },
  );
}

/** Builds one app in its own folder of the host (it resolves packages from the host's node_modules). */
async function build(hostDir: string, host: Host, app: Build): Promise<string> {
  const dir = join(hostDir, app.name.replace(/\W+/g, '-'));
  await mkdir(dir);
  await cp(join(fixtures, 'index.html'), join(dir, 'index.html'));
  await cp(join(fixtures, host.tailwind ? 'vite.config.tailwind.js' : 'vite.config.js'), join(dir, 'vite.config.js'));
  await cp(join(fixtures, app.entry), join(dir, 'main.jsx'));
  if (host.tailwind) await cp(join(fixtures, 'tailwind.css'), join(dir, 'tailwind.css'));
  // Vite on the Node that runs this script (22); NODE_ENV picks React's production or development build.
  await run(process.execPath, [join(hostDir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: app.development ? 'development' : 'production' },
  });
  return join(dir, 'dist');
}

async function gzipKb(dist: string): Promise<number> {
  const assets = join(dist, 'assets');
  let bytes = 0;
  for (const file of await readdir(assets)) {
    if (file.endsWith('.js')) bytes += gzipSync(await readFile(join(assets, file))).length;
  }
  return bytes / 1000;
}

/** Over the React-only baseline: what ConnectionStatus alone and the whole chat add; fails when tree-shaking does not work. */
function treeShaking(sizes: Map<string, number>): boolean {
  const [react, status, all] = ['react-only (no library)', 'connection-status-only', 'react19'].map((n) =>
    sizes.get(n),
  );
  if (react === undefined || status === undefined || all === undefined) return false;
  const ok = status - react <= MAX_CONNECTION_STATUS_SHARE * (all - react);
  console.log(
    `host tree-shaking: ${ok ? 'ok' : 'FAILED'}, only ConnectionStatus ${status.toFixed(1)} kB gzip, everything ${all.toFixed(1)} kB gzip` +
      ` (React alone ${react.toFixed(1)} kB: the library adds ${(status - react).toFixed(1)} kB vs ${(all - react).toFixed(1)} kB)`,
  );
  return ok;
}

async function main(): Promise<number> {
  const started = performance.now();
  const tmp = await mkdtemp(join(tmpdir(), 'promptcraft-host-'));
  let browser: Browser | undefined;
  let failed = 0;
  try {
    const tarball = await pack(tmp);
    // The chat endpoint plays the library's own `streaming` scenario, from the build that was just packed.
    const { createScenarioResponder } = (await import(
      pathToFileURL(join(repo, 'dist/msw/responders.js')).href
    )) as ResponderModule;
    // The scenario's own word pacing (30 ms), so even a loaded machine renders the answer part-way first.
    const responder = () =>
      createScenarioResponder('streaming', { answer: ANSWER, latencyMs: 20, firstTokenDelayMs: 50 });
    const launching = chromium.launch({ executablePath: requireChromium(), args: chromiumArgs });
    // All installs at once (mostly waiting on the registry and the disk); each host is built once its own is done.
    const installs = hosts.map(async (host) => {
      const began = performance.now();
      await install(join(tmp, `host-${host.name}`), host, tarball);
      return (performance.now() - began) / 1000;
    });
    for (const installing of installs) installing.catch(() => undefined); // awaited in turn below
    const sizes = new Map<string, number>();
    for (const [index, host] of hosts.entries()) {
      const hostDir = join(tmp, `host-${host.name}`);
      try {
        console.log(`host-${host.name}: installed the tarball in ${(await installs[index])?.toFixed(1)} s`);
      } catch (error) {
        failed += host.builds.length;
        console.error(
          `host-${host.name}: npm install FAILED\n  ${error instanceof Error ? error.message : String(error)}`,
        );
        continue;
      }
      if (host.ssr) {
        try {
          console.log(`host ${host.name} server render: ok, ${await serverRender(hostDir)}`);
        } catch (error) {
          failed += 1;
          console.error(
            `host ${host.name} server render: FAILED\n  ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      for (const app of host.builds) {
        try {
          const dist = await build(hostDir, host, app);
          const notes: string[] = [];
          if (app.check) {
            browser ??= await launching;
            const server = await serveHost(dist, responder);
            try {
              const { answerMs } = await checkPage(browser, server.url, app.check);
              if (answerMs !== undefined) notes.push(`answer streamed in ${(answerMs / 1000).toFixed(1)} s`);
            } finally {
              await server.close();
            }
          }
          if (app.measure) {
            const kb = await gzipKb(dist);
            sizes.set(app.name, kb);
            notes.push(`bundle ${kb.toFixed(1)} kB gzip`);
          }
          console.log(`host ${app.name}: ok${notes.length ? `, ${notes.join(', ')}` : ''}`);
        } catch (error) {
          failed += 1;
          console.error(`host ${app.name}: FAILED\n  ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    if (!treeShaking(sizes)) failed += 1;
  } catch (error) {
    failed += 1;
    console.error('host: FAILED', error);
  } finally {
    await browser?.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (failed > 0) {
    console.error(`host: ${failed} failed in ${seconds} s; the host apps are kept in ${tmp}`);
    return 1;
  }
  await rm(tmp, { recursive: true, force: true });
  console.log(`host: all passed in ${seconds} s`);
  return 0;
}

process.exitCode = await main();
