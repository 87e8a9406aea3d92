import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the static Storybook into `outDir` (about 10 s), with the environment of a plain production build. */
export async function buildStorybook(outDir: string): Promise<void> {
  // Vitest's own variables would make the build think it runs inside a test; a plain build is what we photograph.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  const child = spawn(`${root}node_modules/.bin/storybook`, ['build', '-o', outDir, '--quiet'], {
    cwd: root,
    env: { ...env, NODE_ENV: 'production', STORYBOOK_DISABLE_TELEMETRY: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`storybook build failed (exit ${code}):\n${output.slice(-4000)}`);
}
