import { describe, expect, it } from 'vitest';
import { resolveDisclosurePolicy } from './DisclosurePolicy.ts';
import { guardRiskTable } from './guardRiskTable.ts';

const policy = resolveDisclosurePolicy({ minCellCount: 5 });
const stratum = (name: string, n: number) => ({
  stratum: name,
  n,
  atRisk: [n, Math.floor(n / 2), Math.floor(n / 4)],
  events: [0, Math.ceil(n / 2), Math.ceil(n / 4)],
});

describe('guardRiskTable', () => {
  it('publishes strata at or above the threshold', () => {
    const table = { times: [0, 180, 365], strata: [stratum('a', 30), stratum('b', 40)] };
    expect(guardRiskTable(table, policy)).toEqual({
      times: [0, 180, 365],
      strata: [
        { stratum: 'a', table: table.strata[0] },
        { stratum: 'b', table: table.strata[1] },
      ],
    });
  });

  it('withholds a small stratum and the smallest other one, since the overall table minus the rest would give it back', () => {
    const guarded = guardRiskTable(
      { times: [0, 180, 365], strata: [stratum('a', 30), stratum('b', 3), stratum('c', 20)] },
      policy,
    );
    expect(guarded.strata.map((s) => ('suppressed' in s ? s.suppressed.reason : 'published'))).toEqual([
      'published',
      'primary',
      'secondary',
    ]);
  });

  it('withholds only the small stratum when the strata do not partition a known cohort', () => {
    const guarded = guardRiskTable(
      { times: [0, 180, 365], strata: [stratum('a', 30), stratum('b', 3)] },
      policy,
      { partition: false },
    );
    expect(guarded.strata[0]).toHaveProperty('table');
    expect(guarded.strata[1]).toHaveProperty('suppressed');
  });

  it('rejects strata not aligned with the shared grid', () => {
    expect(() => guardRiskTable({ times: [0, 180], strata: [stratum('a', 30)] }, policy)).toThrow(RangeError);
  });
});
