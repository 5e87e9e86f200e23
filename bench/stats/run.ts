// Entry point of `npm run bench:stats`: @plexus/stats against R's survival and t.test on the same data.
import { rmSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compareResults } from './compare.ts';
import { formatReport } from './formatReport.ts';
import { generateData } from './generateData.ts';
import { parseOptions } from './options.ts';
import { detectR, runR } from './runR.ts';
import { summarizeTask, type TaskSummary } from './summarize.ts';
import { defineTasks, type Results } from './tasks.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const options = parseOptions(process.argv.slice(2));
const work = await mkdtemp(join(tmpdir(), 'plexus-bench-stats-'));
const removeWork = () => rmSync(work, { recursive: true, force: true });
process.once('SIGINT', () => {
  removeWork();
  process.exit(130);
});

try {
  log(`generating data (seed ${options.seed}) in ${work}`);
  const data = await generateData(work, options.seed);
  const rVersion = await detectR(options.rscript);
  log(rVersion ?? 'R not installed (Rscript with the survival package): measuring ours only');

  const summaries: TaskSummary[] = [];
  for (const task of defineTasks(data)) {
    log(`${task.label}: ours`);
    let results: Results = task.run(); // warm-up
    const oursMs: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const started = performance.now();
      results = task.run();
      oursMs.push(performance.now() - started);
    }
    let r: { timesMs: number[]; results: Results } | null = null;
    if (rVersion) {
      log(`${task.label}: R`);
      r = await runR(options.rscript, task.script, data.files[task.name], options.runs);
    }
    const mismatches = r ? compareResults(results, r.results, task.tolerance) : [];
    summaries.push(summarizeTask({ task, oursMs, results, r, mismatches }));
  }

  process.stdout.write(formatReport(summaries, rVersion, options.runs));
  if (options.json) {
    const figures = { runs: options.runs, seed: options.seed, r: rVersion, tasks: summaries };
    await writeFile(resolve(options.json), `${JSON.stringify(figures, null, 2)}\n`);
    log(`figures written to ${resolve(options.json)}`);
  }
  process.exitCode = summaries.every((task) => task.verdict !== 'FAIL') ? 0 : 1;
} finally {
  removeWork();
}
