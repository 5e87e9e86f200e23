import { coxPH, kaplanMeier, logRank, welchTTest } from '@plexus/stats';
import type { BenchData } from './generateData.ts';

/** Named figures a task produces, compared with the same names printed by its R script. */
export type Results = Record<string, number>;

export interface Task {
  name: 'cox' | 'km' | 'welch';
  label: string;
  /** R script in bench/stats that does the same work. */
  script: string;
  run: () => Results;
  /** Allowed relative difference from R for each result. */
  tolerance: number;
}

/** Tests whose p-values are compared with R (0-based; R prints them 1-based). */
export const WELCH_CHECKED = [0, 1, 2, 10, 12_624] as const;

export function defineTasks(data: BenchData): Task[] {
  const { cox, km, welch } = data;
  return [
    {
      name: 'cox',
      label: 'Cox PH (Efron), 100,000 rows × 5 covariates',
      script: 'cox.R',
      tolerance: 1e-6,
      run: () => {
        const fit = coxPH({
          time: cox.time,
          event: cox.status,
          covariates: { x1: cox.x1, x2: cox.x2, x3: cox.x3, x4: cox.x4, x5: cox.x5 },
          ties: 'efron',
        });
        const results: Results = { loglik: fit.loglik[1] };
        for (const term of fit.terms) results[`coef_${term.term}`] = term.coef;
        return results;
      },
    },
    {
      name: 'km',
      label: 'Kaplan–Meier + log-rank, 1,000,000 rows, 2 groups',
      script: 'km.R',
      tolerance: 1e-6,
      run: () => {
        const curves = kaplanMeier({ time: km.time, event: km.status, group: km.group, levels: ['A', 'B'] });
        const test = logRank({ time: km.time, event: km.status, group: km.group, levels: ['A', 'B'] });
        const results: Results = { chisq: test.chisq };
        for (const stratum of curves.strata) {
          results[`median_${stratum.stratum}`] = stratum.median.median ?? Number.NaN;
          results[`times_${stratum.stratum}`] = stratum.time.length;
        }
        return results;
      },
    },
    {
      name: 'welch',
      label: 'Welch t-test, 12,625 tests × 128 samples',
      script: 'welch.R',
      tolerance: 1e-6,
      run: () => {
        const p = new Float64Array(welch.x.length);
        for (let t = 0; t < welch.x.length; t++) p[t] = welchTTest(welch.x[t] ?? [], welch.y[t] ?? []).p;
        const results: Results = { significant: p.filter((value) => value < 0.05).length };
        for (const t of WELCH_CHECKED) results[`p_${t + 1}`] = p[t] ?? Number.NaN;
        return results;
      },
    },
  ];
}
