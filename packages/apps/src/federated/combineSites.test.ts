import { checkDocument, PluginOutputSchema, type SiteAggregates, type StatisticBlock } from '@plexus/spec';
import { describe, expect, it } from 'vitest';
import { combineSites } from './combineSites.ts';
import { countsByAttributes } from './countsByAttributes.ts';
import { momentsByGroup } from './momentsByGroup.ts';
import { riskTables } from './riskTables.ts';
import {
  federatedCounts,
  federatedCox,
  federatedKaplanMeier,
  federatedMoments,
} from './singleSitePlugins.ts';
import type { SiteContribution } from './siteContributions.ts';
import { testContext } from './testContext.ts';
import { veteranProduct, veteranRows, veteranSites } from './veteranFixture.ts';

const rows = veteranRows();
const [one, two] = veteranSites(rows) as [typeof rows, typeof rows];
const product = veteranProduct('va-lung', rows);

const counts = (levels: string[], values: number[]): SiteAggregates => ({
  kind: 'counts',
  rows: { id: 'arm', label: 'Treatment arm', levels },
  counts: values.map((value) => [value]),
});

describe('combineSites', () => {
  it('dispatches each rule to its combiner', async () => {
    const sites: SiteContribution[] = [
      { site: 'x/a', aggregates: counts(['standard', 'test'], [10, 12]) },
      { site: 'y/a', aggregates: counts(['standard', 'test'], [5, 9]) },
    ];
    const output = combineSites('sum', sites);
    expect(checkDocument(PluginOutputSchema, output)).toEqual([]);
    expect((output.blocks.find((block) => block.id === 'total') as StatisticBlock).value).toBe(36);
    const moments = await Promise.all(
      [one, two].map(async (site, s) => ({
        site: `s${s}`,
        aggregates: await momentsByGroup(testContext(veteranProduct(`s${s}`, site), { variable: 'age' })),
      })),
    );
    expect(combineSites('pooled-moments', moments).title).toBe('Age: pooled moments');
  });

  it.each([
    [[], 'the sum rule needs the aggregates of at least one site'],
    [
      [
        { site: 'x/a', aggregates: counts(['standard', 'test'], [1, 2]) },
        { site: 'x/a', aggregates: counts(['standard', 'test'], [1, 2]) },
      ],
      "site 'x/a' appears twice",
    ],
    [
      [
        { site: 'x/a', aggregates: counts(['standard', 'test'], [1, 2]) },
        {
          site: 'y/b',
          aggregates: { kind: 'moments', variable: { id: 'age', label: 'Age' }, groups: [] },
        },
      ],
      "site 'y/b' sent moments aggregates; the sum rule needs counts",
    ],
    [
      [
        { site: 'x/a', aggregates: counts(['standard', 'test'], [1, 2]) },
        { site: 'y/b', aggregates: counts(['test', 'standard'], [1, 2]) },
      ],
      "site 'y/b' sent the row levels test, standard but site 'x/a' sent standard, test",
    ],
    [
      [{ site: 'x/a', aggregates: counts(['standard', 'test'], [1, -2]) }],
      "site 'x/a' sent invalid counts aggregates at counts.1.0",
    ],
    [
      [{ site: 'x/a', aggregates: counts(['standard', 'test'], [1]) }],
      "site 'x/a' sent counts that are not 2 × 1",
    ],
  ] as Array<[SiteContribution[], string]>)(
    'refuses sites that do not fit the sum rule (%#)',
    (sites, message) => {
      expect(() => combineSites('sum', sites)).toThrow(message);
    },
  );

  it('refuses risk tables on different grids, or of different endpoints, naming the site', async () => {
    const tables = async (site: typeof rows, label: string, params: Record<string, unknown>) => ({
      site: label,
      aggregates: await riskTables(
        testContext(veteranProduct(label, site), { endpoint: 'survival', groupBy: 'arm', ...params }),
      ),
    });
    const a = await tables(one, 'a', { gridStep: 30, gridEnd: 300 });
    const b = await tables(two, 'b', { gridStep: 60, gridEnd: 300 });
    expect(() => combineSites('km-pooled', [a, b])).toThrow(
      "site 'b' tabulates on the grid 0, 60, 120, 180, … (6 times), which is not the grid of site 'a'",
    );
    const ungrouped = await tables(two, 'c', { gridStep: 30, gridEnd: 300, groupBy: undefined });
    expect(() => combineSites('km-pooled', [a, ungrouped])).toThrow(
      "site 'c' groups by '(nothing)' but site 'a' by 'arm'",
    );
    const renamed = {
      ...a,
      site: 'd',
      aggregates: { ...a.aggregates, endpoint: { id: 'pfs', label: 'PFS', unit: 'days' } },
    };
    expect(() => combineSites('km-pooled', [a, renamed])).toThrow("site 'd' sent risk tables of 'pfs'");
  });

  it('refuses moments of different variables and estimates of different effects', async () => {
    const age = await momentsByGroup(testContext(product, { variable: 'age' }));
    const karno = await momentsByGroup(testContext(product, { variable: 'karno' }));
    expect(() =>
      combineSites('pooled-moments', [
        { site: 'a', aggregates: age },
        { site: 'b', aggregates: karno },
      ]),
    ).toThrow("site 'b' sent moments of 'karno' but site 'a' of 'age'");
    const estimate = (id: string): SiteAggregates => ({
      kind: 'estimates',
      measure: 'log-hazard-ratio',
      estimates: [{ id, label: id, estimate: 0.1, se: 0.2, n: 50 }],
    });
    expect(() =>
      combineSites('meta-analysis', [
        { site: 'a', aggregates: estimate('arm=test') },
        { site: 'b', aggregates: estimate('sex=male') },
      ]),
    ).toThrow("site 'b' estimates 'sex=male' but site 'a' estimates 'arm=test'");
    expect(() => combineSites('nonsense' as never, [])).toThrow("combine 'nonsense' is not a rule");
  });
});

describe('single-site plugins', () => {
  it('render a local run as a federated run of one site would', async () => {
    const params = { rows: 'celltype', columns: 'arm' };
    const local = await federatedCounts(testContext(product, params));
    expect(local).toEqual(
      combineSites('sum', [
        { site: 'va-lung', aggregates: await countsByAttributes(testContext(product, params)) },
      ]),
    );
    const outputs = [
      local,
      await federatedMoments(testContext(product, { variable: 'age', groupBy: 'arm', confLevel: 0.9 })),
      await federatedCox(testContext(product, { endpoint: 'survival', groupBy: 'arm' })),
      await federatedKaplanMeier(
        testContext(product, { endpoint: 'survival', groupBy: 'celltype', gridEnd: 900 }),
      ),
    ];
    for (const output of outputs) expect(checkDocument(PluginOutputSchema, output)).toEqual([]);
    const difference = outputs[1]?.blocks.find((block) => block.id === 'mean-difference') as StatisticBlock;
    expect(difference.ci?.level).toBe(0.9);
    expect(outputs[2]?.blocks.map((block) => block.id)).toEqual([
      'summary',
      'fixed-effect',
      'random-effects',
      'heterogeneity',
      'heterogeneity-measures',
      'forest',
      'sites',
    ]);
    expect(outputs[3]?.title).toBe('Kaplan–Meier: Overall survival by Cell type, pooled over sites');
  });
});
