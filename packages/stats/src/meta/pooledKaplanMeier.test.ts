import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../multivariate/mulberry32.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { kaplanMeier } from '../survival/kaplanMeier.ts';
import { pooledKaplanMeier } from './pooledKaplanMeier.ts';
import { riskTable } from './riskTable.ts';

interface SiteData {
  time: number[];
  status: number[];
}

/** Sites with integer follow-up times (many ties), about a third censored. */
function simulateSites(seed: number, sizes: number[]): SiteData[] {
  const random = mulberry32(seed);
  return sizes.map((n) => {
    const time = Array.from({ length: n }, () => Math.floor(-40 * Math.log(1 - random())));
    const status = time.map(() => (random() < 0.65 ? 1 : 0));
    return { time, status };
  });
}

function distinct(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

function close(a: number, b: number, rel: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= rel * Math.abs(b) + 1e-15;
}

const FIELDS = ['nRisk', 'nEvent', 'nCensor', 'surv', 'stdErr', 'lower', 'upper'] as const;

function expectSameCurve(
  pooled: ReturnType<typeof pooledKaplanMeier>,
  curve: ReturnType<typeof kaplanMeier>[number],
  rel: number,
): void {
  const times = Array.from(pooled.time);
  curve.time.forEach((t, r) => {
    const j = times.indexOf(t);
    expect(j).toBeGreaterThanOrEqual(0);
    for (const field of FIELDS) {
      const ours = pooled[field][j] as number;
      const theirs = curve[field][r] as number;
      expect(close(ours, theirs, rel), `t=${t} ${field}: ${ours} vs ${theirs}`).toBe(true);
    }
  });
}

describe('pooledKaplanMeier', () => {
  for (const confType of ['log', 'log-log', 'plain'] as const) {
    it(`equals kaplanMeier on the pooled data to 1e-12 when the grid holds every time (${confType})`, () => {
      const sites = simulateSites(7, [60, 15, 120, 1]);
      const time = sites.flatMap((s) => s.time);
      const status = sites.flatMap((s) => s.status);
      const grid = distinct(time);
      const pooled = pooledKaplanMeier(
        sites.map((s) => riskTable(s.time, s.status, grid)),
        { confType, level: 0.9 },
      );
      const direct = kaplanMeier({ time, event: status, confType, confLevel: 0.9 })[0];
      if (!direct) throw new Error('no curve');
      expectSameCurve(pooled, direct, 1e-12);
      expect(pooled.median).toEqual(direct.median);
      expect(pooled.sites).toBe(4);
    });
  }

  it('on a coarse grid equals kaplanMeier of the data coarsened by riskTable’s rule', () => {
    const sites = simulateSites(11, [80, 50, 30]);
    const grid = [0, 10, 20, 40, 80, 160];
    const pooled = pooledKaplanMeier(sites.map((s) => riskTable(s.time, s.status, grid)));
    const coarsened = sites.flatMap((s) =>
      s.time.map((t, i) => {
        if (s.status[i] === 1) {
          const up = grid.find((g) => g >= t);
          return up === undefined ? { t: 160, e: 0 } : { t: up, e: 1 };
        }
        return { t: grid.filter((g) => g <= t).at(-1) as number, e: 0 };
      }),
    );
    const direct = kaplanMeier({ time: coarsened.map((c) => c.t), event: coarsened.map((c) => c.e) })[0];
    if (!direct) throw new Error('no curve');
    expectSameCurve(pooled, direct, 1e-12);
  });

  it('keeps a row for every grid time, carrying the curve through times without events', () => {
    const table = riskTable([5, 6], [1, 1], [0, 5, 6, 100]);
    const pooled = pooledKaplanMeier([table]);
    expect(Array.from(pooled.surv)).toEqual([1, 0.5, 0, 0]);
    expect(pooled.stdErr[3]).toBeNaN();
    expect(Array.from(pooled.nRisk)).toEqual([2, 2, 1, 0]);
  });

  it('rejects tables on different grids, impossible counts and bad options', () => {
    const a = riskTable([1, 2], [1, 0], [1, 2]);
    const b = riskTable([1, 2], [1, 0], [1, 3]);
    expect(() => pooledKaplanMeier([a, b])).toThrow(/same shared grid/);
    expect(() => pooledKaplanMeier([])).toThrow(/at least one/);
    expect(() => pooledKaplanMeier([{ ...a, nEvent: [3, 0] }])).toThrow(/nEvent must not exceed nRisk/);
    expect(() => pooledKaplanMeier([{ ...a, nRisk: [2] }])).toThrow(/one count per grid time/);
    expect(() => pooledKaplanMeier([{ ...a, nCensor: [0, -1] }])).toThrow(StatsInputError);
    expect(() => pooledKaplanMeier([a], { level: 0 })).toThrow(/level/);
    expect(() => pooledKaplanMeier([a], { confType: 'arcsin' as 'log' })).toThrow(/confType/);
  });
});
