import './resolve-ts.ts';

/*
 * `npm run bench:relay`: only the relay part of `npm run bench` (about a minute): CPU per event against a
 * pass-through proxy, first-token latency, Redis commands per answer and memory per live answer. Printed, not
 * written to results.json. BENCH_ROUNDS sets the rounds (default 5, as the full bench).
 */

// After the hook above: relay.ts starts a process that imports src/server through it.
const { formatRelay, runRelay } = await import('./relay.ts');

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const result = await runRelay(rounds, (line) => console.error(line));
console.log(formatRelay(result));
if (process.env.BENCH_JSON) console.log(JSON.stringify(result, null, 2));
