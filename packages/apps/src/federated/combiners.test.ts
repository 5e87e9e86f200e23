import type { Block, PluginOutput, StatisticBlock, TableBlock } from '@plexus/spec';
import { checkDocument, PluginOutputSchema, type SiteAggregates } from '@plexus/spec';
import { kaplanMeier, welchTTest } from '@plexus/stats';
import { describe, expect, it } from 'vitest';
import { combineCounts } from './combineCounts.ts';
import { combineKaplanMeier } from './combineKaplanMeier.ts';
import { combineMetaAnalysis } from './combineMetaAnalysis.ts';
import { combinePooledMoments } from './combinePooledMoments.ts';
import { countsByAttributes } from './countsByAttributes.ts';
import { coxEstimate } from './coxEstimate.ts';
import { momentsByGroup } from './momentsByGroup.ts';
import { riskTables } from './riskTables.ts';
import type { SiteContribution } from './siteContributions.ts';
import { testContext } from './testContext.ts';
import { ARMS, metaReference, veteranProduct, veteranRows, veteranSites } from './veteranFixture.ts';

const reference = metaReference();
const rows = veteranRows();
const sites = veteranSites(rows);
const pooledProduct = veteranProduct('pooled', rows);

async function siteAggregates<A extends SiteAggregates>(
  compute: (context: ReturnType<typeof testContext>) => Promise<A>,
  params: Record<string, unknown>,
): Promise<SiteContribution<A>[]> {
  return Promise.all(
    sites.map(async (site, s) => ({
      site: `node-${s + 1}/va-lung`,
      aggregates: await compute(testContext(veteranProduct(`site-${s}`, site), params)),
    })),
  );
}

const block = <T extends Block>(output: PluginOutput, id: string): T => {
  const found = output.blocks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no block ${id}; blocks: ${output.blocks.map((b) => b.id).join(', ')}`);
  return found as T;
};

/** Valid against the result schema, and tables and statistics survive JSON unchanged (no NaN). */
function expectValid(output: PluginOutput): void {
  expect(checkDocument(PluginOutputSchema, output)).toEqual([]);
  const plain = output.blocks.filter((b) => b.type !== 'chart');
  expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('combineCounts', () => {
  it('sums the sites exactly, cell by cell, with totals', async () => {
    const contributions = await siteAggregates(countsByAttributes, { rows: 'celltype', columns: 'arm' });
    const output = combineCounts(contributions);
    expectValid(output);
    const pooled = await countsByAttributes(testContext(pooledProduct, { rows: 'celltype', columns: 'arm' }));
    const table = block<TableBlock>(output, 'counts');
    expect(table.columns.map((column) => column.label)).toEqual([
      'Cell type',
      'standard',
      'test',
      'Total',
      'Note',
    ]);
    expect(table.rows.slice(0, 4).map((row) => row.slice(1, 3))).toEqual(pooled.counts);
    expect(table.rows.at(-1)).toEqual(['Total', 69, 68, 137, null]);
    expect(block<StatisticBlock>(output, 'total').value).toBe(137);
    expect(block<TableBlock>(output, 'counts-by-site').rows).toHaveLength(3 * 4 * 2);
    expect(output.summary).toBe('3 sites; total 137');
  });

  it('reports a cell any site suppressed as null, never as a guess, and names the site', () => {
    const counts = (values: Array<Array<number | null>>, missing = false): SiteAggregates => ({
      kind: 'counts',
      rows: {
        id: 'sex',
        label: 'Sex',
        levels: missing ? ['female', 'male', '(missing)'] : ['female', 'male'],
      },
      counts: values,
      ...(values.some((line) => line.includes(null))
        ? { suppression: values.map((line) => line.map((value) => (value === null ? 'primary' : null))) }
        : {}),
    });
    const output = combineCounts([
      { site: 'b', aggregates: counts([[12], [null], [7]], true) },
      { site: 'a', aggregates: counts([[20], [31]]) },
    ]);
    expectValid(output);
    const table = block<TableBlock>(output, 'counts');
    expect(table.columns.map((column) => column.id)).toEqual(['level', 'count', 'note']);
    expect(table.rows).toEqual([
      ['female', 32, null],
      ['male', null, 'male suppressed at b'],
      // Site a has no (missing) level: nobody there lacks a sex, a published zero.
      ['(missing)', 7, null],
    ]);
    expect(block<StatisticBlock>(output, 'total').value).toBeNull();
    expect(block<TableBlock>(output, 'counts-by-site').rows).toEqual([
      ['a', 'female', 20, null],
      ['a', 'male', 31, null],
      ['b', 'female', 12, null],
      ['b', 'male', null, 'primary'],
      ['b', '(missing)', 7, null],
    ]);
    expect(block<{ text: string } & Block>(output, 'suppression').text).toContain('**1** of the 3 cells');
    expect(output.summary).toBe('2 sites; 1 of 3 cells suppressed');
  });
});

describe('combinePooledMoments', () => {
  it.each(['age', 'karno'] as const)(
    'gives the pooled n, mean, SD and Welch test of %s, as R on the pooled data',
    async (variable) => {
      const output = combinePooledMoments(await siteAggregates(momentsByGroup, { variable, groupBy: 'arm' }));
      expectValid(output);
      const expected = reference.moments.find((m) => m.variable === variable);
      if (!expected) throw new Error('no reference');
      const table = block<TableBlock>(output, 'moments');
      ARMS.forEach((arm, index) => {
        const row = table.rows[index] as number[];
        const r = arm === 'standard' ? expected.standard : expected.test;
        expect(row[0]).toBe(arm);
        expect(row[1]).toBe(r.n);
        expect(relative(row[2] as number, r.mean)).toBeLessThan(1e-12);
        expect(relative(row[3] as number, r.sd)).toBeLessThan(1e-12);
        expect(row[4]).toBe(3);
      });
      const welch = block<StatisticBlock>(output, 'welch');
      expect(relative(welch.value as number, expected.welch.statistic)).toBeLessThan(1e-9);
      expect(relative(welch.df as number, expected.welch.df)).toBeLessThan(1e-9);
      expect(relative(welch.p as number, expected.welch.p)).toBeLessThan(1e-9);
      const difference = block<StatisticBlock>(output, 'mean-difference');
      expect(relative(difference.ci?.lower as number, expected.welch.ci[0] as number)).toBeLessThan(1e-9);
      expect(relative(difference.ci?.upper as number, expected.welch.ci[1] as number)).toBeLessThan(1e-9);
      // And the same as Welch's test on the pooled values.
      const values = (arm: string) => rows.filter((row) => row.arm === arm).map((row) => row[variable]);
      const direct = welchTTest(values('standard'), values('test'));
      expect(relative(welch.value as number, direct.statistic)).toBeLessThan(1e-12);
    },
  );

  it('pools a group a site withheld over the other sites only, and says so', async () => {
    const contributions = await siteAggregates(momentsByGroup, { variable: 'age', groupBy: 'arm' });
    const first = contributions[0] as SiteContribution<Extract<SiteAggregates, { kind: 'moments' }>>;
    const withheld = {
      ...first,
      aggregates: {
        ...first.aggregates,
        groups: first.aggregates.groups.map((group) =>
          group.group === 'test' ? { group: 'test', n: null, mean: null, m2: null } : group,
        ),
      },
    };
    const output = combinePooledMoments([withheld, ...contributions.slice(1)]);
    expectValid(output);
    const row = block<TableBlock>(output, 'moments').rows[1] as Array<number | string>;
    const others = rows.filter((r, index) => r.arm === 'test' && index % 3 !== 0).map((r) => r.age);
    expect(row[1]).toBe(others.length);
    expect(relative(row[2] as number, others.reduce((a, b) => a + b, 0) / others.length)).toBeLessThan(1e-12);
    expect(row[4]).toBe(2);
    expect(row[5]).toBe('withheld by node-1/va-lung: pooled over the other sites only');
  });
});

describe('combineMetaAnalysis', () => {
  const byRow = reference.meta.find((c) => c.name === 'veteran cox arm, site = row mod 3');
  if (!byRow) throw new Error('no reference');
  const fromReference: SiteContribution[] = byRow.estimates.map((estimate, s) => ({
    site: `site-${s + 1}`,
    aggregates: {
      kind: 'estimates',
      measure: 'log-hazard-ratio',
      estimates: [
        {
          id: 'arm=test',
          label: 'Treatment arm: test vs standard',
          estimate,
          se: byRow.standardErrors[s] as number,
          n: 45,
        },
      ],
    },
  }));

  it("reproduces R's fixed and DerSimonian–Laird random effects of per-site Cox estimates (1e-9)", () => {
    const output = combineMetaAnalysis(fromReference);
    expectValid(output);
    const fixed = block<StatisticBlock>(output, 'fixed-effect');
    const random = block<StatisticBlock>(output, 'random-effects');
    for (const [got, want] of [
      [fixed, byRow.fixed],
      [random, byRow.random],
    ] as const) {
      expect(relative(got.value as number, Math.exp(want.estimate))).toBeLessThan(1e-9);
      expect(relative(got.ci?.lower as number, Math.exp(want.lower))).toBeLessThan(1e-9);
      expect(relative(got.ci?.upper as number, Math.exp(want.upper))).toBeLessThan(1e-9);
      expect(relative(got.p as number, want.p)).toBeLessThan(1e-9);
    }
    const heterogeneity = block<StatisticBlock>(output, 'heterogeneity');
    expect(relative(heterogeneity.value as number, byRow.fixed.q)).toBeLessThan(1e-9);
    expect(heterogeneity.df).toBe(2);
    expect(relative(heterogeneity.p as number, byRow.fixed.pQ)).toBeLessThan(1e-9);
    const [q, df, pQ, i2, tau2, h] = block<TableBlock>(output, 'heterogeneity-measures').rows[0] as number[];
    expect(relative(q as number, byRow.fixed.q)).toBeLessThan(1e-9);
    expect(df).toBe(2);
    expect(relative(pQ as number, byRow.fixed.pQ)).toBeLessThan(1e-9);
    expect(Math.abs((i2 as number) - byRow.fixed.iSquared)).toBeLessThan(1e-9);
    expect(Math.abs((tau2 as number) - byRow.random.tau2)).toBeLessThan(1e-9);
    expect(relative(h as number, byRow.random.h)).toBeLessThan(1e-9);
    const table = block<TableBlock>(output, 'sites');
    table.rows.forEach((row, s) => {
      expect(relative(row[8] as number, byRow.fixed.weightPercent[s] as number)).toBeLessThan(1e-9);
      expect(relative(row[9] as number, byRow.random.weightPercent[s] as number)).toBeLessThan(1e-9);
    });
    const forest = block<Block & { spec: { data: { values: Array<{ label: string; kind: string }> } } }>(
      output,
      'forest',
    );
    expect(forest.spec.data.values.map((row) => `${row.label}:${row.kind}`)).toEqual([
      'site-1:site',
      'site-2:site',
      'site-3:site',
      'Fixed effect:pooled',
      'Random effects:pooled',
    ]);
  });

  it('pools per-site Cox fits computed here to near the Cox fit of the pooled data', async () => {
    const output = combineMetaAnalysis(
      await siteAggregates(coxEstimate, { endpoint: 'survival', groupBy: 'arm' }),
    );
    expectValid(output);
    const fixed = block<StatisticBlock>(output, 'fixed-effect');
    expect(relative(fixed.value as number, Math.exp(byRow.fixed.estimate))).toBeLessThan(1e-6);
    // Within half a standard error of the pooled fit, on the log scale.
    expect(Math.abs(Math.log(fixed.value as number) - reference.pooledCox.coef)).toBeLessThan(
      0.5 * reference.pooledCox.se,
    );
    expect(block<TableBlock>(output, 'sites').rows.map((row) => [row[1], row[2]])).toEqual(
      sites.map((site) => [site.length, site.filter((row) => row.status === 1).length]),
    );
  });

  it('lists a withheld estimate without pooling it; one site gives no random effects', () => {
    const [a, b] = fromReference as [SiteContribution, SiteContribution];
    const withheld: SiteContribution = {
      site: 'site-9',
      aggregates: {
        kind: 'estimates',
        measure: 'log-hazard-ratio',
        estimates: [
          { id: 'arm=test', label: 'Treatment arm: test vs standard', estimate: null, se: null, n: null },
        ],
      },
    };
    const output = combineMetaAnalysis([a, b, withheld]);
    expectValid(output);
    expect(block<TableBlock>(output, 'sites').rows.at(-1)?.at(-1)).toBe(
      'withheld by disclosure control: not pooled',
    );
    const single = combineMetaAnalysis([a]);
    expectValid(single);
    expect(block<StatisticBlock>(single, 'fixed-effect').value).toBeCloseTo(
      Math.exp(byRow.estimates[0] as number),
      12,
    );
    expect(block<StatisticBlock>(single, 'random-effects').value).toBeNull();
  });
});

describe('combineKaplanMeier', () => {
  it('equals Kaplan–Meier and log-rank on the pooled data when the grid holds every event time', async () => {
    // Times are whole days, so a one-day grid holds every event time.
    const output = combineKaplanMeier(
      await siteAggregates(riskTables, { endpoint: 'survival', groupBy: 'arm', gridStep: 1, gridEnd: 1000 }),
    );
    expectValid(output);
    const direct = kaplanMeier({
      time: rows.map((row) => row.time),
      event: rows.map((row) => row.status),
      group: rows.map((row) => row.arm),
      levels: ARMS,
    });
    const km = block<TableBlock>(output, 'km');
    let compared = 0;
    for (const stratum of direct.strata) {
      stratum.time.forEach((time, j) => {
        if ((stratum.nEvent[j] ?? 0) === 0) return;
        const row = km.rows.find(
          (candidate) => candidate[0] === stratum.stratum && candidate[1] === time,
        ) as number[];
        expect(row[2]).toBe(stratum.nRisk[j]);
        expect(row[3]).toBe(stratum.nEvent[j]);
        for (const [column, value] of [
          [5, stratum.surv[j]],
          [6, stratum.stdErr[j]],
          [7, stratum.lower[j]],
          [8, stratum.upper[j]],
        ] as const) {
          if (Number.isFinite(value))
            expect(Math.abs((row[column] as number) - (value as number))).toBeLessThan(1e-12);
        }
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(90);
    const medians = block<TableBlock>(output, 'medians');
    direct.strata.forEach((stratum, g) => {
      expect(medians.rows[g]?.slice(0, 4)).toEqual([
        stratum.stratum,
        stratum.n,
        stratum.events,
        stratum.median.median,
      ]);
    });
    const logRank = block<StatisticBlock>(output, 'log-rank');
    expect(relative(logRank.value as number, reference.logrank.chisq)).toBeLessThan(1e-9);
    expect(logRank.df).toBe(1);
    expect(relative(logRank.p as number, reference.logrank.p)).toBeLessThan(1e-9);
    const stratified = block<StatisticBlock>(output, 'log-rank-stratified');
    expect(relative(stratified.value as number, reference.logrankBySite.chisq)).toBeLessThan(1e-9);
  });

  it('on a 30-day grid derived from each site, pads the shorter grids exactly (R on the rounded data)', async () => {
    const contributions = await siteAggregates(riskTables, {
      endpoint: 'survival',
      groupBy: 'arm',
      gridStep: 30,
    });
    expect(contributions.map((entry) => (entry.aggregates as { grid: number[] }).grid.at(-1))).toEqual([
      1020, 480, 1020,
    ]);
    const output = combineKaplanMeier(contributions);
    expectValid(output);
    expect(
      relative(block<StatisticBlock>(output, 'log-rank').value as number, reference.logrankCoarse.chisq),
    ).toBeLessThan(1e-9);
    const km = block<TableBlock>(output, 'km');
    for (const { trt, curve } of reference.kmCoarse) {
      curve.time.forEach((time, j) => {
        const row = km.rows.find(
          (candidate) => candidate[0] === ARMS[trt - 1] && candidate[1] === time,
        ) as number[];
        expect(Math.abs((row[5] as number) - (curve.surv[j] as number))).toBeLessThan(1e-12);
      });
    }
  });

  it('leaves a withheld group out of its curve and that site out of the log-rank', async () => {
    const contributions = await siteAggregates(riskTables, {
      endpoint: 'survival',
      groupBy: 'arm',
      gridStep: 60,
      gridEnd: 600,
    });
    const first = contributions[0]?.aggregates as Extract<SiteAggregates, { kind: 'risk-tables' }>;
    const withheld: SiteContribution = {
      site: contributions[0]?.site as string,
      aggregates: {
        ...first,
        strata: first.strata.map((stratum) =>
          stratum.group === 'test' ? { group: 'test', nRisk: null, nEvent: null, nCensor: null } : stratum,
        ),
      },
    };
    const output = combineKaplanMeier([withheld, ...contributions.slice(1)]);
    expectValid(output);
    const medians = block<TableBlock>(output, 'medians');
    expect(medians.rows[1]?.[1]).toBe(
      sites.slice(1).reduce((n, site) => n + site.filter((row) => row.arm === 'test').length, 0),
    );
    expect(medians.rows[1]?.[7]).toBe('withheld by node-1/va-lung: pooled over the other sites only');
    expect(block<StatisticBlock>(output, 'log-rank').method).toContain('(node-2/va-lung, node-3/va-lung)');
  });
});

describe('determinism', () => {
  it('gives the same document whatever order the sites answer in', async () => {
    const contributions = await siteAggregates(riskTables, {
      endpoint: 'survival',
      groupBy: 'celltype',
      gridStep: 30,
      gridEnd: 600,
    });
    const forward = combineKaplanMeier(contributions);
    expect(combineKaplanMeier([...contributions].reverse())).toEqual(forward);
    const moments = await siteAggregates(momentsByGroup, { variable: 'karno', groupBy: 'celltype' });
    expect(combinePooledMoments([...moments].reverse())).toEqual(combinePooledMoments(moments));
    expect(block<StatisticBlock>(forward, 'log-rank').df).toBe(3);
    expect(forward.blocks.map((b) => b.id)).toEqual([
      'summary',
      'km-curve',
      'medians',
      'log-rank',
      'log-rank-groups',
      'log-rank-stratified',
      'km',
      'sites',
    ]);
  });
});
