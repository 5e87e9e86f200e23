import { buildSnapshot } from '@plexus/engine';
import { cpuMs, reportAtExit } from './childReport.ts';
import { PhaseClock, type PhaseTiming } from './phaseClock.ts';
import { type TracedStatement, traceSql } from './traceSql.ts';

/** The build's report: the buildSnapshot() call alone, split into the engine's phases. */
export interface BuildReport {
  buildMs: number;
  /** CPU time spent in the call, all threads (DuckDB's included). */
  buildCpuMs: number;
  phases: PhaseTiming[];
  rows: number;
  outputBytes: number;
  /** Every DuckDB statement with its duration, when started with --trace. */
  statements?: TracedStatement[];
  maxRssKiB: number;
  processCpuMs: number;
}

const [dir, snapshotRoot, flag] = process.argv.slice(2);
if (!dir || !snapshotRoot) throw new Error('usage: buildChild.ts <product dir> <snapshot root> [--trace]');

const clock = new PhaseClock();
const statements = flag === '--trace' ? traceSql(() => clock.current() ?? 'before validate') : undefined;
let result: Omit<BuildReport, 'maxRssKiB' | 'processCpuMs'> | undefined;
reportAtExit(() => ({ ...result }));

const started = performance.now();
const cpuStarted = cpuMs();
const outcome = await buildSnapshot(dir, {
  snapshotRoot,
  force: true,
  onProgress: (progress) => clock.mark(progress.phase),
});
const ended = performance.now();
const table = outcome.snapshot.manifest.tables[0];
result = {
  buildMs: ended - started,
  buildCpuMs: cpuMs() - cpuStarted,
  phases: clock.durations(ended),
  rows: table?.rows ?? 0,
  outputBytes: table?.bytes ?? 0,
  ...(statements ? { statements } : {}),
};
