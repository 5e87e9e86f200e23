import { describe, expect, it } from 'vitest';
import { CloseChecker } from '../../test/helpers/expectClose.ts';
import { coxPH } from '../regression/coxPH.ts';
import { fixedEffectMeta } from './fixedEffectMeta.ts';
import { logRankFromRiskTables } from './logRankFromRiskTables.ts';
import { pooledKaplanMeier } from './pooledKaplanMeier.ts';
import { momentsOf, pooledMoments } from './pooledMoments.ts';
import { randomEffectsMeta } from './randomEffectsMeta.ts';
import { riskTable } from './riskTable.ts';
import {
  armOf,
  byRowMod3,
  type KmCurveReference,
  loadMetaReference,
  type MetaCaseReference,
  type SurvdiffReference,
  veteranSites,
} from './testReference.ts';
import { welchFromMoments } from './welchFromMoments.ts';

// Golden values: test/reference/meta.json, written by test/reference/meta.R (R 4.2.2, survival
// 3.5-3). Closed-form results are compared to relative 1e-9; iterative fits (Cox) to 1e-6.
const reference = loadMetaReference();
const sites = veteranSites(byRowMod3);
const EXACT = 1e-9;

const POOLED_FIELDS = ['estimate', 'se', 'lower', 'upper', 'z', 'p', 'q', 'df', 'pQ', 'iSquared'] as const;

function checkMeta(checker: CloseChecker, c: MetaCaseReference, estimates: number[], ses: number[]): void {
  const fe = fixedEffectMeta(estimates, ses, { level: c.level });
  const re = randomEffectsMeta(estimates, ses, { level: c.level });
  for (const field of POOLED_FIELDS) {
    checker.check(`${c.name} fixed ${field}`, fe[field], c.fixed[field]);
    checker.check(`${c.name} random ${field}`, re[field], c.random[field]);
  }
  for (const field of ['tau2', 'tau', 'h'] as const)
    checker.check(`${c.name} ${field}`, re[field], c.random[field]);
  c.fixed.weightPercent.forEach((w, i) => {
    checker.check(`${c.name} fixed weight ${i}`, fe.weightPercent[i], w);
  });
  c.random.weightPercent.forEach((w, i) => {
    checker.check(`${c.name} random weight ${i}`, re.weightPercent[i], w);
  });
}

describe('meta-analysis against R (textbook formulas, as meta/metafor)', () => {
  it('reproduces FE and DL on BCG, a homogeneous set and per-site Cox estimates', () => {
    const checker = new CloseChecker(EXACT);
    for (const c of reference.meta) checkMeta(checker, c, c.estimates, c.standardErrors);
    expect(checker.count).toBeGreaterThan(150);
    checker.expectAllClose();
  });

  it('agrees with the published metafor output for the BCG trials (4 digits)', () => {
    const bcg = reference.meta.find((c) => c.name === 'bcg') as MetaCaseReference;
    const re = randomEffectsMeta(bcg.estimates, bcg.standardErrors);
    // metafor::rma(yi, vi, data = dat.bcg, method = "DL"): tau^2 = 0.3088, I^2 = 92.12%,
    // H^2 = 12.69, Q(df = 12) = 152.2330, estimate -0.7141, se 0.1787, CI -1.0644 to -0.3638.
    expect(re.tau2).toBeCloseTo(0.3088, 4);
    expect(re.iSquared).toBeCloseTo(92.12, 2);
    expect(re.h ** 2).toBeCloseTo(12.69, 2);
    expect(re.q).toBeCloseTo(152.233, 3);
    expect(re.estimate).toBeCloseTo(-0.7141, 4);
    expect(re.se).toBeCloseTo(0.1787, 4);
    expect(re.lower).toBeCloseTo(-1.0644, 4);
    expect(re.upper).toBeCloseTo(-0.3638, 4);
    expect(fixedEffectMeta(bcg.estimates, bcg.standardErrors).estimate).toBeCloseTo(-0.4303, 4);
  });

  it('pools per-site Cox fits computed here, end to end, and lands near the pooled-data Cox fit', () => {
    const checker = new CloseChecker(1e-6);
    const celltypes: string[] = [];
    const cases: [string, ReturnType<typeof veteranSites>][] = [
      ['veteran cox arm, site = row mod 3', sites],
      [
        'veteran cox arm, site = celltype',
        veteranSites((_, celltype) => {
          if (!celltypes.includes(celltype)) celltypes.push(celltype);
          return celltypes.indexOf(celltype);
        }),
      ],
    ];
    for (const [name, split] of cases) {
      const c = reference.meta.find((m) => m.name === name) as MetaCaseReference;
      const fits = split.map((site) => {
        const fit = coxPH({ time: site.time, event: site.status, covariates: { arm: site.arm } });
        return fit.terms[0] as { coef: number; se: number };
      });
      fits.forEach((fit, i) => {
        checker.check(`${name} site ${i} coef`, fit.coef, c.coxCoef?.[i]);
        checker.check(`${name} site ${i} se`, fit.se, c.coxSe?.[i]);
      });
      checkMeta(
        checker,
        c,
        fits.map((f) => f.coef),
        fits.map((f) => f.se),
      );
      const fe = fixedEffectMeta(
        fits.map((f) => f.coef),
        fits.map((f) => f.se),
      );
      // Not an identity: with sites that are random thirds of the data, the pooled Cox fit differs
      // from the meta-analytic estimate by less than half its SE (by celltype it is a within-site effect).
      if (split === sites)
        expect(Math.abs(fe.estimate - reference.pooledCox.coef)).toBeLessThan(0.5 * reference.pooledCox.se);
    }
    checker.expectAllClose();
  });
});

describe('pooled moments and Welch t-test against R', () => {
  it('pools per-site age and karno moments by arm into mean/var/sd and t.test of the pooled data', () => {
    const checker = new CloseChecker(EXACT);
    for (const r of reference.moments) {
      const byArm = [0, 1].map((arm) =>
        pooledMoments(
          sites.map((site) =>
            momentsOf(Float64Array.from(site[r.variable].filter((_, i) => site.arm[i] === arm))),
          ),
        ),
      );
      const [standard, test] = byArm as [ReturnType<typeof pooledMoments>, ReturnType<typeof pooledMoments>];
      for (const [label, ours, theirs] of [
        ['standard', standard, r.standard],
        ['test', test, r.test],
      ] as const) {
        for (const field of ['n', 'mean', 'variance', 'sd', 'm2'] as const) {
          checker.check(`${r.variable} ${label} ${field}`, ours[field], theirs[field]);
        }
      }
      const welch = welchFromMoments(standard, test);
      checker.check(`${r.variable} welch statistic`, welch.statistic, r.welch.statistic);
      checker.check(`${r.variable} welch df`, welch.df, r.welch.df);
      checker.check(`${r.variable} welch p`, welch.p, r.welch.p);
      checker.check(`${r.variable} welch lower`, welch.ci[0], r.welch.ci[0]);
      checker.check(`${r.variable} welch upper`, welch.ci[1], r.welch.ci[1]);
      checker.check(`${r.variable} welch mean x`, welch.estimate[0], r.welch.estimate[0]);
      checker.check(`${r.variable} welch mean y`, welch.estimate[1], r.welch.estimate[1]);
    }
    expect(checker.count).toBe(2 * (10 + 7));
    checker.expectAllClose();
  });
});

/** Sorted distinct values. */
function distinct(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

const allTimes = sites.flatMap((s) => s.time);
const eventTimes = sites.flatMap((s) => s.time.filter((_, i) => s.status[i] === 1));

function tablesFor(arm: number, grid: number[]) {
  return sites.map((site) => {
    const rows = armOf(site, arm);
    return riskTable(rows.time, rows.status, grid);
  });
}

/** Compares the pooled curve with R's rows (by time); `eventRowsOnly` skips censoring-only rows. */
function checkCurve(
  checker: CloseChecker,
  label: string,
  pooled: ReturnType<typeof pooledKaplanMeier>,
  ref: KmCurveReference,
  eventRowsOnly: boolean,
): void {
  const times = Array.from(pooled.time);
  ref.time.forEach((t, r) => {
    if (eventRowsOnly && ref.nEvent[r] === 0) return;
    const j = times.indexOf(t);
    expect(j, `${label}: grid lacks time ${t}`).toBeGreaterThanOrEqual(0);
    const fields = ['nRisk', 'nEvent', 'surv', 'stdErr', 'lower', 'upper'] as const;
    for (const field of fields) checker.check(`${label} t=${t} ${field}`, pooled[field][j], ref[field][r]);
    if (!eventRowsOnly) checker.check(`${label} t=${t} nCensor`, pooled.nCensor[j], ref.nCensor[r]);
  });
}

describe('pooled Kaplan–Meier from site risk tables against survfit on the pooled data', () => {
  it('is exact (1e-12) when the shared grid holds every distinct time of every site', () => {
    const checker = new CloseChecker(1e-12);
    const grid = distinct(allTimes);
    for (const { trt, curves } of reference.km) {
      const tables = tablesFor(trt - 1, grid);
      for (const ref of curves) {
        const pooled = pooledKaplanMeier(tables, { confType: ref.confType });
        checkCurve(checker, `trt=${trt} ${ref.confType}`, pooled, ref, false);
      }
    }
    expect(checker.count).toBeGreaterThan(1000);
    checker.expectAllClose();
  });

  it('is exact (1e-12) at every event time when the grid holds only the event times', () => {
    const checker = new CloseChecker(1e-12);
    const grid = distinct(eventTimes);
    for (const { trt, curves } of reference.km) {
      const tables = tablesFor(trt - 1, grid);
      for (const ref of curves) {
        checkCurve(
          checker,
          `trt=${trt} ${ref.confType}`,
          pooledKaplanMeier(tables, { confType: ref.confType }),
          ref,
          true,
        );
      }
    }
    checker.expectAllClose();
  });

  it('on a 30-day grid equals survfit of the data coarsened by riskTable’s rule', () => {
    const checker = new CloseChecker(1e-12);
    for (const { trt, curve } of reference.kmCoarse) {
      const pooled = pooledKaplanMeier(tablesFor(trt - 1, reference.coarseGrid));
      checkCurve(checker, `coarse trt=${trt}`, pooled, curve, false);
    }
    checker.expectAllClose();
  });
});

function checkSurvdiff(
  checker: CloseChecker,
  label: string,
  ours: ReturnType<typeof logRankFromRiskTables>,
  ref: SurvdiffReference,
) {
  checker.check(`${label} chisq`, ours.chisq, ref.chisq);
  checker.check(`${label} df`, ours.df, ref.df);
  checker.check(`${label} p`, ours.p, ref.p);
  ref.observed.forEach((o, g) => {
    checker.check(`${label} observed ${g}`, ours.observed[g], o);
    checker.check(`${label} expected ${g}`, ours.expected[g], ref.expected[g]);
    ref.variance[g]?.forEach((v, h) => {
      checker.check(`${label} variance ${g},${h}`, ours.variance[g]?.[h], v);
    });
  });
}

describe('log-rank from site risk tables against survdiff', () => {
  const perSite = (grid: number[]) =>
    sites.map((site) =>
      [0, 1].map((arm) => {
        const rows = armOf(site, arm);
        return riskTable(rows.time, rows.status, grid);
      }),
    );

  it('equals survdiff on the pooled data when the grid holds every event time', () => {
    const checker = new CloseChecker(EXACT);
    checkSurvdiff(checker, 'pooled', logRankFromRiskTables(perSite(distinct(eventTimes))), reference.logrank);
    checkSurvdiff(
      checker,
      'all times',
      logRankFromRiskTables(perSite(distinct(allTimes))),
      reference.logrank,
    );
    checker.expectAllClose();
  });

  it('equals survdiff(... + strata(site)) with stratifyBySite', () => {
    const checker = new CloseChecker(EXACT);
    const result = logRankFromRiskTables(perSite(distinct(eventTimes)), { stratifyBySite: true });
    checkSurvdiff(checker, 'by site', result, reference.logrankBySite);
    checker.expectAllClose();
  });

  it('on a 30-day grid equals survdiff on the coarsened data', () => {
    const checker = new CloseChecker(EXACT);
    checkSurvdiff(
      checker,
      'coarse',
      logRankFromRiskTables(perSite(reference.coarseGrid)),
      reference.logrankCoarse,
    );
    checker.expectAllClose();
  });
});
