import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface RelayInstance {
  url: string;
  pid: number;
  /** SIGKILL: the process dies mid-answer, with no chance to clean up. */
  kill(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

const script = fileURLToPath(new URL('./relay-process.ts', import.meta.url));
const resolveTs = fileURLToPath(new URL('../../../bench/resolve-ts.ts', import.meta.url));

/** Starts a relay instance in its own Node process; resolves once it listens. */
export async function startRelayInstance(env: {
  upstream: string;
  redisUrl: string;
  leaseMs?: number;
}): Promise<RelayInstance> {
  const child: ChildProcess = spawn(process.execPath, ['--import', resolveTs, script], {
    env: {
      ...process.env,
      RELAY_UPSTREAM: env.upstream,
      REDIS_URL: env.redisUrl,
      RELAY_LEASE_MS: String(env.leaseMs ?? 5000),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (data: Buffer) => {
      out += data.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`relay process exited with ${code}`)));
  });
  const ended = once(child, 'exit');
  return {
    url: `http://127.0.0.1:${port}/api/chat`,
    pid: child.pid ?? 0,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await ended;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await ended;
    },
  };
}
