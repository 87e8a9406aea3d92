import './resolve-ts.ts';

/*
 * `npm run bench:peers`: only the peers part of `npm run bench` (markdown while streaming against Streamdown and
 * react-markdown, then bundle sizes), printed and not written to results.json: for working on the renderer.
 * BENCH_ROUNDS sets the rounds (default 5, as the full bench).
 */

const { runPeers } = await import('./peers/drive.ts');
const { runBundles } = await import('./peers/bundle.ts');
const { formatBundles, formatPeers, formatProfile, formatSplit, peerRows } = await import('./peers/report.ts');

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const log = (line: string) => console.error(line);
const peers = await runPeers(rounds, log);
console.log(formatPeers(peerRows(peers), rounds));
console.log(`\n${formatSplit(peers)}`);
console.log(`\n${formatProfile(peers.profile)}`);
if (!process.env.BENCH_NO_BUNDLE) console.log(`\n${formatBundles(await runBundles(log))}`);
