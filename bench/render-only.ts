import './resolve-ts.ts';

/*
 * `npm run bench:render`: only the render part's cases and its scale figures (10,000 messages: mount time, heap per
 * message), printed and not written to results.json: for working on how the transcript scales.
 * BENCH_ROUNDS sets the rounds (default 3); BENCH_CASES, a regular expression, picks the cases by name
 * (e.g. 'ours history (0|1000|10000)$'); BENCH_PROFILE names a case to CPU-profile over one stream.
 * Without first-token latency and the memory part; prints the scale rows of the table and each case's figures.
 */

const { runRender } = await import('./render/drive.ts');
const { formatTable, scaleRows } = await import('./report.ts');

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const only = process.env.BENCH_CASES ? new RegExp(process.env.BENCH_CASES) : undefined;
const log = (line: string) => console.error(line);
const render = await runRender(rounds, log, { only, casesOnly: true, profile: process.env.BENCH_PROFILE });
console.log(formatTable(scaleRows(render)));
for (const c of render.cases)
  console.log(
    `${c.name}: ${c.msPerToken.toFixed(4)} ms/token (script ${c.profile.script.toFixed(4)}, layout ${c.profile.layout.toFixed(4)}, style ${c.profile.style.toFixed(4)}), long tasks on append ${c.longTasksOnAppend} (longest ${Math.round(c.longestTaskOnAppendMs)} ms), send ${c.sendRenderMs.toFixed(1)} / finish ${c.finishRenderMs.toFixed(1)} React ms`,
  );
console.log(JSON.stringify(render.scale));
if (render.profile) {
  console.log(`\nprofile of ${process.env.BENCH_PROFILE}: ${render.profile.sampledMs.toFixed(0)} ms sampled`);
  for (const f of render.profile.functions)
    console.log(
      `${f.selfMs.toFixed(1).padStart(8)} ms ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}  ${f.where}`,
    );
}
