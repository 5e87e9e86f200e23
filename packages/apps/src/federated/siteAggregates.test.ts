import {
  CountAggregatesSchema,
  checkDocument,
  EstimateAggregatesSchema,
  MomentAggregatesSchema,
  RiskTableAggregatesSchema,
} from '@plexus/spec';
import { momentsOf } from '@plexus/stats';
import { describe, expect, it } from 'vitest';
import { countsByAttributes } from './countsByAttributes.ts';
import { coxEstimate } from './coxEstimate.ts';
import { federatedGrid } from './federatedGrid.ts';
import { momentsByGroup } from './momentsByGroup.ts';
import { riskTables } from './riskTables.ts';
import {
  categoryAttribute,
  categoryColumn,
  numberAttribute,
  type TestProduct,
  testContext,
} from './testContext.ts';
import { metaReference, veteranProduct, veteranRows, veteranSites } from './veteranFixture.ts';

// Ten patients: sex with one missing, a smoker flag with one missing, a stage level nobody has, ages.
const SEX = ['female', 'male'];
const STAGE = ['I', 'II', 'III'];
const small: TestProduct = {
  id: 'small',
  length: 10,
  attributes: [
    categoryAttribute('sex', 'Sex', SEX),
    categoryAttribute('stage', 'Stage', STAGE),
    { id: 'smoker', label: 'Smoker', type: 'boolean', summary: { count: 10, missing: 1 } },
    numberAttribute('age', 'Age', 'years'),
    { id: 'note', label: 'Note', type: 'text', summary: { count: 10, missing: 0 } },
  ],
  endpoints: [],
  columns: {
    sex: categoryColumn(
      ['female', 'male', 'female', null, 'male', 'female', 'female', 'male', 'male', 'female'],
      SEX,
    ),
    stage: categoryColumn(['I', 'I', 'II', 'I', 'II', 'I', 'II', 'I', 'I', 'II'], STAGE),
    smoker: { type: 'boolean', values: Int8Array.of(1, 0, 0, 1, -1, 1, 0, 0, 1, 1) },
    age: { type: 'integer', values: Float64Array.of(50, 61, 47, 70, Number.NaN, 55, 66, 59, 62, 48) },
  },
};

describe('countsByAttributes', () => {
  it('counts by the model levels, with a (missing) level only where there are missing values', async () => {
    const counts = await countsByAttributes(testContext(small, { rows: 'sex', columns: 'smoker' }));
    expect(checkDocument(CountAggregatesSchema, counts)).toEqual([]);
    expect(counts.rows).toEqual({ id: 'sex', label: 'Sex', levels: ['female', 'male', '(missing)'] });
    expect(counts.columns?.levels).toEqual(['true', 'false', '(missing)']);
    expect(counts.counts).toEqual([
      [3, 2, 0],
      [1, 2, 1],
      [1, 0, 0],
    ]);
    expect(counts.counts.flat().reduce((sum, value) => (sum ?? 0) + (value ?? 0), 0)).toBe(10);
  });

  it('keeps levels without entities as zeros and adds no (missing) level when nothing is missing', async () => {
    const counts = await countsByAttributes(testContext(small, { rows: 'stage' }));
    expect(counts.rows.levels).toEqual(STAGE);
    expect(counts.columns).toBeUndefined();
    expect(counts.counts).toEqual([[6], [4], [0]]);
  });

  it.each([
    [{ rows: 'sexx' }, "rows 'sexx' is not an attribute of small"],
    [{ rows: 'age' }, "rows 'age' is integer; it must be category or boolean"],
    [{ rows: 'sex', columns: 'sex' }, 'rows and columns are both'],
    [{}, 'set rows'],
  ])('refuses %j', async (params, message) => {
    await expect(countsByAttributes(testContext(small, params))).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringContaining(message),
    });
  });
});

describe('momentsByGroup', () => {
  it('gives n, mean and m2 per model level, leaving out missing values', async () => {
    const moments = await momentsByGroup(testContext(small, { variable: 'age', groupBy: 'stage' }));
    expect(checkDocument(MomentAggregatesSchema, moments)).toEqual([]);
    expect(moments.variable).toEqual({ id: 'age', label: 'Age', unit: 'years' });
    const stageI = momentsOf([50, 61, 70, 55, 59, 62]);
    const stageII = momentsOf([47, 66, 48]);
    expect(moments.groups).toEqual([
      { group: 'I', ...stageI },
      { group: 'II', ...stageII },
      { group: 'III', n: 0, mean: null, m2: 0 },
    ]);
  });

  it('without groupBy reports one group, all', async () => {
    const moments = await momentsByGroup(testContext(small, { variable: 'age' }));
    expect(moments.groupBy).toBeUndefined();
    expect(moments.groups).toEqual([{ group: 'all', ...momentsOf([50, 61, 47, 70, 55, 66, 59, 62, 48]) }]);
  });

  it('refuses a variable that is not numeric', async () => {
    await expect(momentsByGroup(testContext(small, { variable: 'sex' }))).rejects.toThrow(
      "variable 'sex' is category; it must be integer or number",
    );
  });
});

describe('coxEstimate', () => {
  const reference = metaReference();
  const sites = veteranSites(veteranRows());
  const byRow = reference.meta.find((c) => c.name === 'veteran cox arm, site = row mod 3');

  it("reproduces R's per-site coxph log hazard ratios and SEs (Efron)", async () => {
    const estimates = await Promise.all(
      sites.map((rows, s) =>
        coxEstimate(testContext(veteranProduct(`site-${s}`, rows), { endpoint: 'survival', groupBy: 'arm' })),
      ),
    );
    estimates.forEach((aggregates, s) => {
      expect(checkDocument(EstimateAggregatesSchema, aggregates)).toEqual([]);
      const [estimate] = aggregates.estimates;
      expect(estimate?.id).toBe('arm=test');
      expect(estimate?.label).toBe('Treatment arm: test vs standard');
      expect(estimate?.n).toBe(sites[s]?.length);
      expect(estimate?.events).toBe(sites[s]?.filter((row) => row.status === 1).length);
      expect(estimate?.estimate).toBeCloseTo(byRow?.coxCoef?.[s] as number, 6);
      expect(estimate?.se).toBeCloseTo(byRow?.coxSe?.[s] as number, 6);
    });
  });

  it('estimates the other level against the reference given, and refuses other attributes', async () => {
    const product = veteranProduct('all', veteranRows());
    const flipped = await coxEstimate(
      testContext(product, { endpoint: 'survival', groupBy: 'arm', reference: 'test' }),
    );
    const usual = await coxEstimate(testContext(product, { endpoint: 'survival', groupBy: 'arm' }));
    expect(flipped.estimates[0]?.estimate).toBeCloseTo(-(usual.estimates[0]?.estimate as number), 9);
    expect(usual.estimates[0]?.estimate).toBeCloseTo(reference.pooledCox.coef, 6);
    await expect(
      coxEstimate(testContext(product, { endpoint: 'survival', groupBy: 'celltype' })),
    ).rejects.toThrow(
      'Cell type has 4 levels (squamous, smallcell, adeno, large); a federated Cox estimate compares two',
    );
    await expect(
      coxEstimate(testContext(product, { endpoint: 'survival', groupBy: 'arm', reference: 'tset' })),
    ).rejects.toThrow("reference 'tset' is not a level of Treatment arm");
  });
});

describe('riskTables', () => {
  const sites = veteranSites(veteranRows());

  it('with gridEnd, gives every site the same grid, from the parameters only', async () => {
    const tables = await Promise.all(
      sites.map((rows, s) =>
        riskTables(
          testContext(veteranProduct(`site-${s}`, rows), {
            endpoint: 'survival',
            groupBy: 'arm',
            gridStep: 90,
            gridEnd: 400,
          }),
        ),
      ),
    );
    for (const table of tables) {
      expect(checkDocument(RiskTableAggregatesSchema, table)).toEqual([]);
      expect(table.grid).toEqual([0, 90, 180, 270, 360]);
      expect(table.strata.map((stratum) => stratum.group)).toEqual(['standard', 'test']);
    }
    // Everybody is at risk at time 0; events after 360 count as censored at 360.
    tables.forEach((table, s) => {
      const n = table.strata.reduce((sum, stratum) => sum + (stratum.nRisk?.[0] ?? 0), 0);
      expect(n).toBe(sites[s]?.length);
      const leaving = table.strata.reduce(
        (sum, stratum) =>
          sum +
          (stratum.nEvent ?? []).reduce((a, b) => a + b, 0) +
          (stratum.nCensor ?? []).reduce((a, b) => a + b, 0),
        0,
      );
      expect(leaving).toBe(sites[s]?.length);
    });
  });

  it('without gridEnd, runs the grid to the first multiple of the step at or after the largest time', async () => {
    // Site 2's largest time is 467 days, the others' 999.
    const table = await riskTables(
      testContext(veteranProduct('site-1', sites[1] ?? []), { endpoint: 'survival' }),
    );
    expect(table.grid.at(-1)).toBe(480);
    expect(table.grid[1]).toBe(30);
    expect(table.strata).toHaveLength(1);
    expect(table.strata[0]?.group).toBe('all');
  });

  it('builds the grid by multiplication, to the same numbers at every site', () => {
    expect(federatedGrid(0.1, 0.3, 5)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(federatedGrid(30, undefined, 0)).toEqual([0]);
    expect(federatedGrid(30, undefined, 60)).toEqual([0, 30, 60]);
    expect(() => federatedGrid(0.001, 1e6, 0)).toThrow('choose a larger gridStep');
    expect(() => federatedGrid(0, undefined, 10)).toThrow('gridStep is 0');
  });
});
