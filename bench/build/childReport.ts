import { writeFileSync } from 'node:fs';

/** Environment variable naming the file where a measured child writes its report. */
export const REPORT_ENV = 'PLEXUS_BENCH_REPORT';

/** What every measured child reports; kinds add their own fields. */
export interface ChildReport {
  /** Peak resident set size of the whole process (all threads, DuckDB included), KiB. */
  maxRssKiB: number;
  /** User + system CPU time of the whole process (all threads), ms: robust to other load on the machine. */
  processCpuMs: number;
}

/** CPU time of this process so far, all threads, ms. */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Writes `fields()` plus the peak RSS and CPU time when the process exits: the peak is only final then, and the
 * exit hook runs after DuckDB has done all its work.
 */
export function reportAtExit(fields: () => Record<string, unknown>): void {
  const file = process.env[REPORT_ENV];
  if (!file) throw new Error(`${REPORT_ENV} is not set: this script is started by bench/build/run.ts`);
  process.on('exit', () => {
    const report = { ...fields(), maxRssKiB: process.resourceUsage().maxRSS, processCpuMs: cpuMs() };
    writeFileSync(file, JSON.stringify(report));
  });
}
