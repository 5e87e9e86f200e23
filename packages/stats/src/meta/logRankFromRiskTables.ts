import { chiSquareSurvival } from '../distributions/chiSquare.ts';
import { generalizedQuadraticForm } from '../linalg/generalizedQuadraticForm.ts';
import { StatsInputError } from '../StatsInputError.ts';
import type { LogRankResult } from '../survival/logRank.ts';
import { checkRiskTables, type RiskTableInput } from './riskTable.ts';

export interface LogRankFromRiskTablesOptions {
  /** Group labels for the result, one per table of a site (default "1", "2", ...). */
  groups?: string[];
  /**
   * false (default): pool the risk sets over sites, as survdiff(Surv(time, status) ~ group) on the
   * pooled data. true: compute observed, expected and variance within each site and sum them, as
   * survdiff(Surv(time, status) ~ group + strata(site)).
   */
  stratifyBySite?: boolean;
}

/**
 * Log-rank test of equal survival across groups from risk tables: `sites[s][g]` is site s's table
 * for group g (riskTable of that group's subjects), all on one shared grid. At each grid time with
 * n_g at risk and d_g events in group g (summed over sites, or per site when stratifyBySite),
 * n = sum n_g, d = sum d_g:
 *
 *   O_g += d_g,  E_g += d n_g / n,  V_ab += d (n - d) / (n - 1) (n_a / n) (delta_ab - n_b / n)
 *
 * and chisq = (O - E)' V^- (O - E) over the groups with E > 0 but the first, on (groups with
 * E > 0) - 1 degrees of freedom, as survdiff. When the grid holds every event time, the result
 * equals survdiff on the pooled individual data; on a coarser grid it equals survdiff on the data
 * coarsened by riskTable's rule (events rounded up, censorings down to the grid).
 */
export function logRankFromRiskTables(
  sites: readonly (readonly RiskTableInput[])[],
  options: LogRankFromRiskTablesOptions = {},
): LogRankResult {
  if (sites.length === 0) throw new StatsInputError('sites is empty; give at least one site', 'sites');
  const k = sites[0]?.length ?? 0;
  if (k < 2) {
    throw new StatsInputError(
      `sites[0] has ${k} group table${k === 1 ? '' : 's'}; a log-rank test needs at least two groups to compare`,
      'sites',
    );
  }
  sites.forEach((site, s) => {
    if (site.length !== k) {
      throw new StatsInputError(
        `sites[${s}] has ${site.length} group tables but sites[0] has ${k}; every site lists every group, in the same order (a group without subjects gets a table of zeros)`,
        'sites',
      );
    }
  });
  const groups = options.groups ?? Array.from({ length: k }, (_, g) => String(g + 1));
  if (groups.length !== k) {
    throw new StatsInputError(`groups has ${groups.length} labels for ${k} groups per site`, 'groups');
  }
  const flat = sites.flat();
  const tables = checkRiskTables(flat, 'sites', (i) => `sites[${Math.floor(i / k)}][${i % k}]`);
  const m = tables.grid.length;
  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const variance = new Float64Array(k * k);
  const strata = options.stratifyBySite ? sites.map((_, s) => [s]) : [sites.map((_, s) => s)];
  const nGroup = new Float64Array(k);
  const dGroup = new Float64Array(k);
  for (const members of strata) {
    for (let j = 0; j < m; j++) {
      nGroup.fill(0);
      dGroup.fill(0);
      for (const s of members) {
        for (let g = 0; g < k; g++) {
          nGroup[g] = (nGroup[g] as number) + (tables.nRisk[s * k + g]?.[j] as number);
          dGroup[g] = (dGroup[g] as number) + (tables.nEvent[s * k + g]?.[j] as number);
        }
      }
      const n = nGroup.reduce((sum, v) => sum + v, 0);
      const d = dGroup.reduce((sum, v) => sum + v, 0);
      if (d === 0) continue;
      const factor = n > 1 ? (d * (n - d)) / (n - 1) : 0;
      for (let a = 0; a < k; a++) {
        const shareA = (nGroup[a] as number) / n;
        observed[a] = (observed[a] as number) + (dGroup[a] as number);
        expected[a] = (expected[a] as number) + d * shareA;
        for (let b = 0; b < k; b++) {
          const shareB = (nGroup[b] as number) / n;
          variance[a * k + b] =
            (variance[a * k + b] as number) + factor * shareA * ((a === b ? 1 : 0) - shareB);
        }
      }
    }
  }
  const obs = Array.from(observed);
  const exp = Array.from(expected);
  const v = groups.map((_, a) => groups.map((__, b) => variance[a * k + b] as number));
  const kept = exp.flatMap((e, i) => (e > 0 ? [i] : []));
  const df = Math.max(kept.length - 1, 0);
  let chisq = 0;
  if (kept.length >= 2) {
    const rest = kept.slice(1);
    const diff = rest.map((i) => (obs[i] as number) - (exp[i] as number));
    const reduced = rest.map((a) => rest.map((b) => v[a]?.[b] as number));
    chisq = generalizedQuadraticForm(reduced, diff).value;
  }
  return { chisq, df, p: chiSquareSurvival(chisq, df), observed: obs, expected: exp, variance: v, groups };
}
