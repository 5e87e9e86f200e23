import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../multivariate/mulberry32.ts';
import { logRank } from '../survival/logRank.ts';
import { logRankFromRiskTables } from './logRankFromRiskTables.ts';
import { riskTable } from './riskTable.ts';

interface Row {
  time: number;
  status: number;
  group: number;
  site: number;
}

function simulate(seed: number, n: number, sites: number, groups: number): Row[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const group = Math.floor(random() * groups);
    const site = Math.floor(random() * sites);
    const rate = 30 * (1 + 0.4 * group) * (1 + 0.3 * site);
    return { time: Math.floor(-rate * Math.log(1 - random())), status: random() < 0.7 ? 1 : 0, group, site };
  });
}

function tables(rows: Row[], sites: number, groups: number, grid: number[]) {
  return Array.from({ length: sites }, (_, s) =>
    Array.from({ length: groups }, (__, g) => {
      const mine = rows.filter((r) => r.site === s && r.group === g);
      return riskTable(
        mine.map((r) => r.time),
        mine.map((r) => r.status),
        grid,
      );
    }),
  );
}

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

describe('logRankFromRiskTables', () => {
  const rows = simulate(5, 400, 3, 3);
  const eventGrid = [...new Set(rows.filter((r) => r.status === 1).map((r) => r.time))].sort((a, b) => a - b);
  const time = rows.map((r) => r.time);
  const event = rows.map((r) => r.status);
  const group = rows.map((r) => `g${r.group}`);
  const levels = ['g0', 'g1', 'g2'];

  it('equals logRank on the pooled data when the grid holds every event time', () => {
    const ours = logRankFromRiskTables(tables(rows, 3, 3, eventGrid), { groups: levels });
    const direct = logRank({ time, event, group, levels });
    expect(ours.groups).toEqual(levels);
    expect(ours.df).toBe(2);
    expect(relative(ours.chisq, direct.chisq)).toBeLessThan(1e-10);
    expect(relative(ours.p, direct.p)).toBeLessThan(1e-9);
    ours.observed.forEach((o, g) => {
      expect(o).toBe(direct.observed[g]);
      expect(relative(ours.expected[g] as number, direct.expected[g] as number)).toBeLessThan(1e-12);
    });
  });

  it('with stratifyBySite equals logRank stratified by site', () => {
    const ours = logRankFromRiskTables(tables(rows, 3, 3, eventGrid), { stratifyBySite: true });
    const direct = logRank({ time, event, group, levels, strata: rows.map((r) => `s${r.site}`) });
    expect(relative(ours.chisq, direct.chisq)).toBeLessThan(1e-10);
    expect(ours.groups).toEqual(['1', '2', '3']);
  });

  it('handles a site without subjects in a group (a table of zeros)', () => {
    const some = rows.filter((r) => !(r.site === 1 && r.group === 2));
    const grid = [...new Set(some.filter((r) => r.status === 1).map((r) => r.time))].sort((a, b) => a - b);
    const ours = logRankFromRiskTables(tables(some, 3, 3, grid));
    const direct = logRank({
      time: some.map((r) => r.time),
      event: some.map((r) => r.status),
      group: some.map((r) => `g${r.group}`),
      levels,
    });
    expect(relative(ours.chisq, direct.chisq)).toBeLessThan(1e-10);
  });

  it('rejects fewer than two groups, ragged sites, mismatched labels and different grids', () => {
    const t = tables(rows, 2, 2, eventGrid);
    const [s0, s1] = t as [(typeof t)[number], (typeof t)[number]];
    expect(() => logRankFromRiskTables([])).toThrow(/at least one site/);
    expect(() => logRankFromRiskTables([[s0[0] as never]])).toThrow(/at least two groups/);
    expect(() => logRankFromRiskTables([s0, [s1[0] as never]])).toThrow(/same order/);
    expect(() => logRankFromRiskTables(t, { groups: ['a'] })).toThrow(/groups has 1 labels/);
    const other = riskTable([1], [1], [1, 2]);
    expect(() => logRankFromRiskTables([s0, [other, other]])).toThrow(/same shared grid/);
  });
});
