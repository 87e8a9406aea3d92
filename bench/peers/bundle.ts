import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

/*
 * Bundle size of the same feature set, ours and the peers', by one esbuild call: size-limit's (@size-limit/esbuild:
 * bundle, minify, tree-shaking, the peers external) with code splitting on, so a chunk loaded by a dynamic import is
 * counted apart from what the page loads first. gzip level 9 per file, as @size-limit/file.
 */

const repo = fileURLToPath(new URL('../../', import.meta.url));

export interface BundleEntry {
  name: string;
  /** The entry module's source: imports, then `console.log` of them so nothing is tree-shaken away. */
  source: string;
  /** Left out as the host's own: react, react-dom (and their subpaths) always. */
  external: string[];
}

const hostPeers = ['react', 'react-dom'];
const ours = join(repo, 'dist/index.js');

export const BUNDLE_ENTRIES: BundleEntry[] = [
  {
    name: 'ours: everything (chat, SSE, markdown)',
    source: `import * as all from ${JSON.stringify(ours)}; console.log(all);`,
    external: [...hostPeers, 'framer-motion'],
  },
  {
    name: 'ours: everything, framer-motion (its peer) bundled',
    source: `import * as all from ${JSON.stringify(ours)}; console.log(all);`,
    external: hostPeers,
  },
  {
    name: 'ours: Markdown alone',
    source: `import { Markdown } from ${JSON.stringify(ours)}; console.log(Markdown);`,
    external: [...hostPeers, 'framer-motion'],
  },
  {
    name: 'streamdown: Streamdown',
    source: `import { Streamdown } from 'streamdown'; console.log(Streamdown);`,
    external: hostPeers,
  },
  {
    name: 'react-markdown + remark-gfm',
    source: `import Markdown from 'react-markdown'; import gfm from 'remark-gfm'; console.log(Markdown, gfm);`,
    external: hostPeers,
  },
  {
    name: '@ai-sdk/react: useChat',
    source: `import { useChat } from '@ai-sdk/react'; console.log(useChat);`,
    external: hostPeers,
  },
  {
    // What a chat like ours needs from it: the runtime and the thread, message, composer and action primitives.
    name: '@assistant-ui/react: a chat (runtime + primitives)',
    source: `import { AssistantRuntimeProvider, useLocalRuntime, ThreadPrimitive, MessagePrimitive, ComposerPrimitive, ActionBarPrimitive, BranchPickerPrimitive } from '@assistant-ui/react'; console.log(AssistantRuntimeProvider, useLocalRuntime, ThreadPrimitive, MessagePrimitive, ComposerPrimitive, ActionBarPrimitive, BranchPickerPrimitive);`,
    external: hostPeers,
  },
  {
    name: '@assistant-ui/react: everything',
    source: `import * as all from '@assistant-ui/react'; console.log(all);`,
    external: hostPeers,
  },
];

export interface BundleResult {
  name: string;
  /** gzip bytes of the entry chunk and the chunks it imports statically: what a page loads first. */
  initial: number;
  /** gzip bytes of every chunk, the dynamically imported ones too. */
  all: number;
  /** The chunks behind a dynamic import, gzip bytes each. */
  lazy: { file: string; gzip: number }[];
}

/** Builds the library (`npm run build`), then bundles every entry. */
export async function runBundles(log: (line: string) => void = () => {}): Promise<BundleResult[]> {
  execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'ignore' });
  log('bundle: library built');
  const results: BundleResult[] = [];
  for (const entry of BUNDLE_ENTRIES) results.push(await measure(entry));
  log('bundle: sizes');
  return results;
}

async function measure(entry: BundleEntry): Promise<BundleResult> {
  // Inside the repository, so bare imports resolve from its node_modules.
  const dir = await mkdtemp(join(repo, 'node_modules/.cache/bundle-'));
  try {
    const input = join(dir, 'entry.js');
    await writeFile(input, entry.source);
    const outdir = join(dir, 'out');
    const { metafile } = await build({
      entryPoints: [input],
      bundle: true,
      external: entry.external,
      metafile: true,
      minifyIdentifiers: true,
      minifySyntax: true,
      minifyWhitespace: true,
      treeShaking: true,
      outdir,
      write: true,
      format: 'esm',
      splitting: true,
      logLevel: 'silent',
      absWorkingDir: repo,
    });
    const gzip = async (file: string) => gzipSync(await readFile(resolve(repo, file)), { level: 9 }).length;
    const outputs = Object.keys(metafile.outputs).filter((file) => file.endsWith('.js'));
    const main = outputs.find((file) => metafile.outputs[file]?.entryPoint !== undefined) ?? '';
    const initial = staticClosure(metafile, main);
    let initialBytes = 0;
    let allBytes = 0;
    const lazy: BundleResult['lazy'] = [];
    for (const file of outputs) {
      const bytes = await gzip(file);
      allBytes += bytes;
      if (initial.has(file)) initialBytes += bytes;
      else lazy.push({ file: file.replace(/^.*\/out\//, ''), gzip: bytes });
    }
    return { name: entry.name, initial: initialBytes, all: allBytes, lazy };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The output file and every chunk it reaches through static imports. */
function staticClosure(metafile: Metafile, main: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(main);
  return seen;
}
