import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as tick, setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { startRedis } from '../test/server/support/redis-server.ts';
import { answerTokens, chunkEvent, endEvents } from './content.ts';
import { MODES, type HostReply, type HostRequest, type Mode } from './relay/protocol.ts';
import { median } from './stats.ts';

/*
 * The relay (issue 25, point 12): what `createChatRelay` costs next to a minimal pass-through proxy, measured in the
 * same run. The proxy under measurement runs alone in a child process (bench/relay/host.ts), served over HTTP by Node
 * `http` + `getRequestListener` as the README serves it; the upstream (an OpenAI-style SSE server) and the callers
 * run here, so the child's `process.cpuUsage()` is the proxy's own CPU. Redis is a `redis-server` of our own on a free
 * port. Modes interleave within each round, so a busy machine slows every side of a ratio alike.
 *
 * - CPU per event, fast upstream: 4 answers at once of 2,000 chunk events, one event per write, as fast as they go.
 * - CPU per event and Redis commands per answer, paced: 20 answers at once of 200 chunk events, one every 20 ms
 *   (50 events/s, a typical model), and the same 20 answers fast (Redis commands only).
 * - First token: one answer at a time; request sent → first delta read by the caller.
 * - Memory: 500 answers held open after their first event; heap and RSS of the proxy process, after full
 *   collections, minus the same before, divided by 500.
 */

export interface ModeFigure {
  pass: number;
  memory: number;
  redis: number;
}

export interface RedisCommands {
  answers: number;
  events: number;
  /** All commands the relay sent for these answers, per answer (producer and reader both). */
  perAnswer: number;
  /** Per answer, by command, most first. */
  byCommand: Record<string, number>;
  /** Log entries (XADD) per answer: events that arrive while a write is in flight share one. */
  entriesPerAnswer: number;
  /** redis-server's own CPU per event (µs). */
  redisCpuPerEvent: number;
}

export interface RelayResult {
  rounds: number;
  cpu: {
    fast: { answers: number; events: number; usPerEvent: ModeFigure; vsPass: { memory: number; redis: number } };
    paced: {
      answers: number;
      events: number;
      intervalMs: number;
      usPerEvent: ModeFigure;
      vsPass: { memory: number; redis: number };
    };
    /** redis-server's CPU per event (µs), in the fast and paced runs of the Redis mode. */
    redisServerUsPerEvent: { fast: number; paced: number };
  };
  firstToken: { requests: number; ms: ModeFigure; addedMs: { memory: number; redis: number } };
  redisCommands: { paced: RedisCommands; fast: RedisCommands };
  memory: {
    live: number;
    heapBytesPerAnswer: ModeFigure;
    rssBytesPerAnswer: ModeFigure;
  };
}

interface AnswerParams {
  events: number;
  /** 0: one event per write, the next as soon as the loop turns. */
  intervalMs: number;
  /** Send the first event, then wait for `releaseHeld()`. */
  hold?: boolean;
}

const TOKENS = answerTokens(2000, 25);

/** An OpenAI-style upstream: each request's body says how many chunk events to send, and how fast. */
async function startUpstream() {
  let release: () => void = () => {};
  let released = new Promise<void>((resolve) => (release = resolve));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (part: string) => (body += part));
    req.on('end', () => {
      const { bench } = JSON.parse(body) as { bench: AnswerParams };
      void send(res, bench);
    });
  });
  const send = async (res: ServerResponse, { events, intervalMs, hold }: AnswerParams) => {
    // A fresh connection per answer, closed after it: no idle pooled socket is billed to the next measurement.
    res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'close' });
    const held = released;
    for (let i = 0; i < events; i += 1) {
      if (!res.write(chunkEvent(TOKENS[i % TOKENS.length] ?? ' x'))) await once(res, 'drain');
      if (hold && i === 0) await held;
      else if (intervalMs > 0) await delay(intervalMs);
      else await tick();
    }
    res.end(endEvents(events));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`,
    releaseHeld() {
      release();
      released = new Promise<void>((resolve) => (release = resolve));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The expected text of an answer of `events` chunk events. */
const textOf = (events: number) => Array.from({ length: events }, (_, i) => TOKENS[i % TOKENS.length]).join('');

interface Asked {
  /** ms from the request to the first delta the caller reads. */
  firstToken: Promise<number>;
  /** The whole SSE body, when `keep`; '' otherwise. */
  done: Promise<string>;
}

/** One caller: POSTs a chat request to the proxy on a connection of its own and reads the reply to its end. */
function ask(base: string, mode: Mode, params: AnswerParams, keep = false): Asked {
  const started = performance.now();
  let first: (ms: number) => void = () => {};
  const firstToken = new Promise<number>((resolve) => (first = resolve));
  const done = new Promise<string>((resolve, reject) => {
    const req = httpRequest(
      `${base}/${mode}`,
      {
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer bench' },
      },
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`${mode}: status ${res.statusCode}`));
        res.setEncoding('utf8');
        let text = '';
        let seen = false;
        res.on('data', (part: string) => {
          if (!seen && part.includes('"content"')) {
            seen = true;
            first(performance.now() - started);
          }
          if (keep) text += part;
        });
        res.on('end', () => resolve(text));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: 'Hello' }], bench: params }));
  });
  return { firstToken, done };
}

/** The answer text in an SSE body (chunk events' delta content, in order). */
function deltaText(sse: string): string {
  let text = '';
  for (const line of sse.split('\n')) {
    if (!line.startsWith('data: {')) continue;
    const chunk = JSON.parse(line.slice(6)) as { choices?: { delta?: { content?: string } }[] };
    text += chunk.choices?.[0]?.delta?.content ?? '';
  }
  return text;
}

/** Starts the host process and speaks to it. */
async function startHost(upstream: string, redis: string) {
  const child: ChildProcess = fork(new URL('./relay/host.ts', import.meta.url), [], {
    execArgv: ['--expose-gc'],
    env: { ...process.env, BENCH_UPSTREAM: upstream, BENCH_REDIS: redis },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (reply: HostReply) => void>();
  let ready: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => (ready = resolve));
  child.on('message', (reply: HostReply) => {
    if (reply.type === 'ready') ready(reply.url);
    else waiting.get(reply.id)?.(reply);
  });
  const failed = once(child, 'exit').then(([code]) => {
    throw new Error(`relay host exited (${String(code)})`);
  });
  let next = 1;
  const ask = <T extends HostReply['type']>(type: HostRequest['type'] & T) =>
    Promise.race([
      failed,
      new Promise<Extract<HostReply, { type: T }>>((resolve) => {
        const id = next++;
        waiting.set(id, (reply) => {
          waiting.delete(id);
          resolve(reply as Extract<HostReply, { type: T }>);
        });
        child.send({ id, type } satisfies HostRequest);
      }),
    ]);
  return {
    url: await Promise.race([failed, url]),
    cpu: async () => (await ask('cpu')).micros,
    memory: () => ask('memory'),
    async exit() {
      await ask('exit');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

/** redis-server's CPU (user + system, µs) so far. */
async function redisCpu(client: Redis): Promise<number> {
  const info = await client.info('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1e6;
}

/** Calls per command since the last `CONFIG RESETSTAT`, without the bench's own. */
async function commandStats(client: Redis): Promise<Record<string, number>> {
  const info = await client.info('commandstats');
  const counts: Record<string, number> = {};
  for (const [, name = '', calls = '0'] of info.matchAll(/^cmdstat_([\w|]+):calls=(\d+)/gm)) {
    if (['info', 'config', 'flushall'].includes(name.split('|')[0] ?? '')) continue;
    counts[name] = Number(calls);
  }
  return counts;
}

const rotate = <T>(items: readonly T[], by: number): T[] => items.map((_, i) => items[(i + by) % items.length] as T);

export async function runRelay(rounds = 5, log: (line: string) => void = () => {}): Promise<RelayResult> {
  const redisServer = await startRedis();
  const redis = new Redis(redisServer.url);
  const upstream = await startUpstream();
  const host = await startHost(upstream.url, redisServer.url);
  try {
    /** Runs `answers` answers at once through `mode`; checks the text of the first; returns the host's CPU µs. */
    const batch = async (mode: Mode, answers: number, params: AnswerParams): Promise<number> => {
      const before = await host.cpu();
      const asked = Array.from({ length: answers }, (_, i) => ask(host.url, mode, params, i === 0));
      const [sse] = await Promise.all(asked.map((a) => a.done));
      const after = await host.cpu();
      const expected = textOf(params.events);
      if (deltaText(sse ?? '') !== expected) throw new Error(`relay bench: ${mode} lost text`);
      return after - before;
    };

    // Warm-up: JIT, connections to Redis.
    for (const mode of MODES) await batch(mode, 4, { events: 500, intervalMs: 0 });

    // CPU per event, fast upstream.
    const FAST = { answers: 4, events: 2000 };
    const fast = { pass: [] as number[], memory: [] as number[], redis: [] as number[] };
    const fastRatios = { memory: [] as number[], redis: [] as number[] };
    const redisFast: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const perEvent = { pass: 0, memory: 0, redis: 0 };
      for (const mode of rotate(MODES, round)) {
        const redisBefore = await redisCpu(redis);
        const micros = await batch(mode, FAST.answers, { events: FAST.events, intervalMs: 0 });
        perEvent[mode] = micros / (FAST.answers * FAST.events);
        fast[mode].push(perEvent[mode]);
        if (mode === 'redis') redisFast.push(((await redisCpu(redis)) - redisBefore) / (FAST.answers * FAST.events));
      }
      fastRatios.memory.push(perEvent.memory / perEvent.pass);
      fastRatios.redis.push(perEvent.redis / perEvent.pass);
      log(`relay: CPU, fast upstream, round ${round + 1}/${rounds}`);
    }

    // First token, one answer at a time.
    const firstRequests = 10 * rounds;
    const first = { pass: [] as number[], memory: [] as number[], redis: [] as number[] };
    for (let i = 0; i < firstRequests; i += 1) {
      for (const mode of rotate(MODES, i)) {
        const asked = ask(host.url, mode, { events: 20, intervalMs: 0 });
        first[mode].push(await asked.firstToken);
        await asked.done;
      }
    }
    log(`relay: first token, ${firstRequests} requests each`);

    // Paced answers: CPU per event, and Redis commands per answer (paced and fast).
    const PACED = { answers: 20, events: 200, intervalMs: 20 };
    const pacedRounds = Math.max(1, Math.ceil(rounds / 2));
    const paced = { pass: [] as number[], memory: [] as number[], redis: [] as number[] };
    const pacedRatios = { memory: [] as number[], redis: [] as number[] };
    const counted = async (params: AnswerParams) => {
      await redis.flushall();
      await redis.config('RESETSTAT');
      const cpuBefore = await redisCpu(redis);
      const micros = await batch('redis', PACED.answers, params);
      // Readers unsubscribe after their reply ended: let those land before counting.
      await delay(50);
      return { micros, stats: await commandStats(redis), redisMicros: (await redisCpu(redis)) - cpuBefore };
    };
    const commandSamples: {
      paced: Awaited<ReturnType<typeof counted>>[];
      fast: Awaited<ReturnType<typeof counted>>[];
    } = { paced: [], fast: [] };
    for (let round = 0; round < pacedRounds; round += 1) {
      const perEvent = { pass: 0, memory: 0, redis: 0 };
      for (const mode of rotate(MODES, round)) {
        const events = PACED.answers * PACED.events;
        if (mode === 'redis') {
          const sample = await counted({ events: PACED.events, intervalMs: PACED.intervalMs });
          commandSamples.paced.push(sample);
          perEvent.redis = sample.micros / events;
        } else {
          perEvent[mode] = (await batch(mode, PACED.answers, PACED)) / events;
        }
        paced[mode].push(perEvent[mode]);
      }
      pacedRatios.memory.push(perEvent.memory / perEvent.pass);
      pacedRatios.redis.push(perEvent.redis / perEvent.pass);
      commandSamples.fast.push(await counted({ events: PACED.events, intervalMs: 0 }));
      log(`relay: paced answers and Redis commands, round ${round + 1}/${pacedRounds}`);
    }
    const commands = (samples: Awaited<ReturnType<typeof counted>>[]): RedisCommands => {
      const answers = samples.length * PACED.answers;
      const totals: Record<string, number> = {};
      for (const { stats } of samples)
        for (const [name, calls] of Object.entries(stats)) totals[name] = (totals[name] ?? 0) + calls;
      const byCommand = Object.fromEntries(
        Object.entries(totals)
          .sort(([, a], [, b]) => b - a)
          .map(([name, calls]) => [name, calls / answers]),
      );
      const all = Object.values(totals).reduce((sum, calls) => sum + calls, 0);
      const redisMicros = samples.reduce((sum, s) => sum + s.redisMicros, 0);
      return {
        answers,
        events: PACED.events,
        perAnswer: all / answers,
        byCommand,
        entriesPerAnswer: (totals.xadd ?? 0) / answers,
        redisCpuPerEvent: redisMicros / (answers * PACED.events),
      };
    };

    // Memory per live answer, in a fresh host each time: its RSS then grows with what the answers hold, where a host
    // that already ran the phases above has pages to spare.
    const LIVE = 500;
    const memoryRounds = Math.max(1, Math.ceil(rounds / 2));
    const heap = { pass: [] as number[], memory: [] as number[], redis: [] as number[] };
    const rss = { pass: [] as number[], memory: [] as number[], redis: [] as number[] };
    for (let round = 0; round < memoryRounds; round += 1) {
      for (const mode of rotate(MODES, round)) {
        await redis.flushall();
        const fresh = await startHost(upstream.url, redisServer.url);
        try {
          await Promise.all(Array.from({ length: 4 }, () => ask(fresh.url, mode, { events: 50, intervalMs: 0 }).done));
          // The warm-up's sockets close.
          await delay(100);
          const before = await fresh.memory();
          const asked = Array.from({ length: LIVE }, () =>
            ask(fresh.url, mode, { events: 2, intervalMs: 0, hold: true }),
          );
          await Promise.all(asked.map((a) => a.firstToken));
          const after = await fresh.memory();
          upstream.releaseHeld();
          await Promise.all(asked.map((a) => a.done));
          heap[mode].push((after.heapUsed - before.heapUsed) / LIVE);
          rss[mode].push((after.rss - before.rss) / LIVE);
        } finally {
          await fresh.exit();
        }
      }
      log(`relay: memory of ${LIVE} live answers, round ${round + 1}/${memoryRounds}`);
    }

    const medians = (samples: Record<Mode, number[]>): ModeFigure => ({
      pass: median(samples.pass),
      memory: median(samples.memory),
      redis: median(samples.redis),
    });
    const firstMs = medians(first);
    return {
      rounds,
      cpu: {
        fast: {
          ...FAST,
          usPerEvent: medians(fast),
          vsPass: { memory: median(fastRatios.memory), redis: median(fastRatios.redis) },
        },
        paced: {
          ...PACED,
          usPerEvent: medians(paced),
          vsPass: { memory: median(pacedRatios.memory), redis: median(pacedRatios.redis) },
        },
        redisServerUsPerEvent: {
          fast: median(redisFast),
          paced: median(commandSamples.paced.map((s) => s.redisMicros / (PACED.answers * PACED.events))),
        },
      },
      firstToken: {
        requests: firstRequests,
        ms: firstMs,
        addedMs: { memory: firstMs.memory - firstMs.pass, redis: firstMs.redis - firstMs.pass },
      },
      redisCommands: { paced: commands(commandSamples.paced), fast: commands(commandSamples.fast) },
      memory: { live: LIVE, heapBytesPerAnswer: medians(heap), rssBytesPerAnswer: medians(rss) },
    };
  } finally {
    await host.exit().catch(() => undefined);
    await upstream.close();
    redis.disconnect();
    await redisServer.kill();
  }
}

const us = (value: number) => `${value.toPrecision(3)} µs`;
const ms = (value: number) => `${value.toFixed(2)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const times = (value: number) => `${value.toFixed(2)}×`;

/** The relay's figures as a Markdown table for the terminal. */
export function formatRelay(result: RelayResult): string {
  const { cpu, firstToken, redisCommands, memory } = result;
  const header = ['relay', 'pass-through', 'memoryStore', 'redisStore'];
  const lines: string[][] = [
    [
      `CPU µs/event, fast (${cpu.fast.answers} × ${cpu.fast.events} events)`,
      us(cpu.fast.usPerEvent.pass),
      `${us(cpu.fast.usPerEvent.memory)} (${times(cpu.fast.vsPass.memory)})`,
      `${us(cpu.fast.usPerEvent.redis)} (${times(cpu.fast.vsPass.redis)}) + Redis ${us(cpu.redisServerUsPerEvent.fast)}`,
    ],
    [
      `CPU µs/event, paced (${cpu.paced.answers} × ${cpu.paced.events} events, ${cpu.paced.intervalMs} ms apart)`,
      us(cpu.paced.usPerEvent.pass),
      `${us(cpu.paced.usPerEvent.memory)} (${times(cpu.paced.vsPass.memory)})`,
      `${us(cpu.paced.usPerEvent.redis)} (${times(cpu.paced.vsPass.redis)}) + Redis ${us(cpu.redisServerUsPerEvent.paced)}`,
    ],
    [
      `first token, request → first delta (${firstToken.requests} requests)`,
      ms(firstToken.ms.pass),
      `${ms(firstToken.ms.memory)} (+${ms(firstToken.addedMs.memory)})`,
      `${ms(firstToken.ms.redis)} (+${ms(firstToken.addedMs.redis)})`,
    ],
    [
      `heap per live answer (${memory.live} open)`,
      kb(memory.heapBytesPerAnswer.pass),
      kb(memory.heapBytesPerAnswer.memory),
      kb(memory.heapBytesPerAnswer.redis),
    ],
    [
      `RSS per live answer (${memory.live} open)`,
      kb(memory.rssBytesPerAnswer.pass),
      kb(memory.rssBytesPerAnswer.memory),
      kb(memory.rssBytesPerAnswer.redis),
    ],
  ];
  for (const [name, c] of [
    ['paced', redisCommands.paced],
    ['fast', redisCommands.fast],
  ] as const) {
    const top = Object.entries(c.byCommand)
      .map(([command, calls]) => `${command} ${Number(calls.toPrecision(3))}`)
      .join(', ');
    lines.push([
      `Redis commands per ${c.events}-event answer, ${name} (${c.answers} answers)`,
      '',
      '',
      `${c.perAnswer.toFixed(1)} (${c.entriesPerAnswer.toFixed(1)} entries): ${top}`,
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}
