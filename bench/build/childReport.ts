import { writeFileSync } from 'node:fs';

/** Environment variable naming the file where a measured child writes its report. */
export const REPORT_ENV = 'PLEXUS_BENCH_REPORT';

/** What every measured child reports; kinds add their own fields. */
export interface ChildReport {
  /** Peak resident set size of the whole process (all threads, DuckDB included), KiB. */
  maxRssKiB: number;
}

/**
 * Writes `fields()` plus the peak RSS when the process exits: the peak is only final then, and the
 * exit hook runs after DuckDB has done all its work.
 */
export function reportAtExit(fields: () => Record<string, unknown>): void {
  const file = process.env[REPORT_ENV];
  if (!file) throw new Error(`${REPORT_ENV} is not set: this script is started by bench/build/run.ts`);
  process.on('exit', () => {
    writeFileSync(file, JSON.stringify({ ...fields(), maxRssKiB: process.resourceUsage().maxRSS }));
  });
}
