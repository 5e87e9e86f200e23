import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Results } from './tasks.ts';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));

export interface RTiming {
  /** Elapsed seconds of each measured repetition, converted to ms. */
  timesMs: number[];
  results: Results;
}

/** The R version line when Rscript runs and has the survival package; null otherwise. */
export async function detectR(rscript: string): Promise<string | null> {
  try {
    const version = await run(rscript, ['--version']);
    const survival = await run(rscript, [
      '-e',
      'suppressPackageStartupMessages(library(survival)); cat(as.character(packageVersion("survival")))',
    ]);
    const line = `${version.stdout}${version.stderr}`.trim().split('\n')[0] ?? 'R';
    return `${line}, survival ${survival.stdout.trim()}`;
  } catch {
    return null;
  }
}

/** Runs bench/stats/<script> on the CSV and parses its `time` and `result` lines. */
export async function runR(rscript: string, script: string, csv: string, runs: number): Promise<RTiming> {
  const { stdout } = await run(rscript, [join(HERE, script), csv, String(runs)], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const timing: RTiming = { timesMs: [], results: {} };
  for (const line of stdout.split('\n')) {
    const [kind, first, second] = line.trim().split(/\s+/);
    if (kind === 'time' && first !== undefined) timing.timesMs.push(Number(first) * 1000);
    if (kind === 'result' && first !== undefined && second !== undefined)
      timing.results[first] = second === 'NA' ? Number.NaN : Number(second);
  }
  if (timing.timesMs.length !== runs)
    throw new Error(`${script} printed ${timing.timesMs.length} times, expected ${runs}:\n${stdout}`);
  return timing;
}
