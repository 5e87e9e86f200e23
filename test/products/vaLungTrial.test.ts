import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSnapshot } from '@plexus/engine';
import { openProducts, type ProductRegistry, type ProductService } from '@plexus/runtime';
import type { Block, ResultDocument, StatisticBlock, TableBlock } from '@plexus/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { block, expectClose } from './resultBlocks.ts';

/** R 4.2 / survival 3.5-3 on the same data (see packages/stats/test/reference/README). */
const reference = JSON.parse(
  readFileSync(
    resolve(import.meta.dirname, '../../packages/stats/test/reference/veteran.survival.json'),
    'utf8',
  ),
) as {
  km_by_group: {
    curve: Array<Record<string, number | string | null>>;
    median: Array<Record<string, number | string | null>>;
  };
  logrank: { chisq: number; df: number; p: number; observed: number[]; expected: number[] };
};
const ARM_OF_STRATUM: Record<string, string> = { 'trt=1': 'standard', 'trt=2': 'test' };
const PRODUCT = resolve(import.meta.dirname, '../../products/va-lung-trial');

let snapshotRoot: string;
let registry: ProductRegistry;
let product: ProductService;

beforeAll(async () => {
  snapshotRoot = await mkdtemp(join(tmpdir(), 'plexus-va-'));
  await buildSnapshot(PRODUCT, { snapshotRoot });
  registry = await openProducts([PRODUCT], { snapshotRoot });
  product = registry.get('va-lung-trial') as ProductService;
});

afterAll(async () => {
  await registry.close();
  await rm(snapshotRoot, { recursive: true, force: true });
});

describe('va-lung-trial kaplan-meier by arm equals R survfit/survdiff', () => {
  let result: ResultDocument | undefined;
  beforeAll(async () => {
    const run = await product.run('kaplan-meier', { groupBy: 'arm' });
    expect(run.status).toBe('succeeded');
    result = run.result;
  });

  it('has every time point of both curves with R numbers', () => {
    const table = block<TableBlock>(result, 'survival-table');
    const ids = table.columns.map((column) => column.id);
    expect(ids).toEqual([
      'group',
      'time',
      'n_risk',
      'n_event',
      'n_censor',
      'surv',
      'std_err',
      'lower',
      'upper',
    ]);
    expect(table.rows).toHaveLength(reference.km_by_group.curve.length);
    reference.km_by_group.curve.forEach((expected, index) => {
      const row = table.rows[index] ?? [];
      expect(row[0]).toBe(ARM_OF_STRATUM[String(expected.stratum)]);
      for (const [column, key] of [
        [1, 'time'],
        [2, 'n_risk'],
        [3, 'n_event'],
        [4, 'n_censor'],
        [5, 'surv'],
        [6, 'std_err'],
        [7, 'lower'],
        [8, 'upper'],
      ] as const) {
        expectClose(row[column], expected[key], `row ${index} ${key}`);
      }
    });
  });

  it('reports medians with their 95% CI as R does', () => {
    const medians = block<TableBlock>(result, 'medians');
    expect(medians.rows).toHaveLength(2);
    reference.km_by_group.median.forEach((expected, index) => {
      const row = medians.rows[index] ?? [];
      expect(row[0]).toBe(ARM_OF_STRATUM[String(expected.stratum)]);
      expect(row[1]).toBe(expected.n);
      expect(row[2]).toBe(expected.events);
      expectClose(row[3], expected.median, 'median');
      expectClose(row[4], expected.lower, 'median lower');
      expectClose(row[5], expected.upper, 'median upper');
    });
  });

  it('reports the log-rank test as survdiff does', () => {
    const test = block<StatisticBlock>(result, 'log-rank');
    expectClose(test.value, reference.logrank.chisq, 'chisq');
    expect(test.df).toBe(reference.logrank.df);
    expectClose(test.p, reference.logrank.p, 'p');
    const groups = block<TableBlock>(result, 'log-rank-groups');
    groups.rows.forEach((row, index) => {
      expectClose(row[1], reference.logrank.observed[index], 'observed');
      expectClose(row[2], reference.logrank.expected[index], 'expected');
    });
  });

  it('draws curves with confidence bands and censor marks as Vega-Lite', () => {
    const chart = block<
      Block & { type: 'chart'; spec: { layer: Array<{ mark: { type: string; interpolate?: string } }> } }
    >(result, 'km-curve');
    expect(chart.spec.$schema).toMatch(/vega-lite\/v5/);
    expect(chart.spec.layer.map((layer) => layer.mark.type)).toEqual(['area', 'line', 'point']);
    expect(chart.spec.layer[1]?.mark.interpolate).toBe('step-after');
  });

  it('gives numbers at risk that start with the group sizes', () => {
    const atRisk = block<TableBlock>(result, 'at-risk');
    expect(atRisk.rows[0]).toEqual([0, 69, 68]);
  });
});

describe('va-lung-trial protocols on cohorts', () => {
  it('runs kaplan-meier by cell type on Karnofsky >= 60 with four curves', async () => {
    const run = await product.run('kaplan-meier', {
      groupBy: 'cell_type',
      cohort: { all: [{ attribute: 'karnofsky', op: 'gte', value: 60 }] },
    });
    expect(run.status).toBe('succeeded');
    const medians = block<TableBlock>(run.result, 'medians');
    expect(medians.rows.map((row) => row[0])).toEqual(['squamous', 'smallcell', 'adeno', 'large']);
    const total = medians.rows.reduce((sum, row) => sum + Number(row[1]), 0);
    expect(total).toBe(85);
  });

  it('summarises the cohort with counts matching the data', async () => {
    const run = await product.run('cohort-summary', {
      cohort: { all: [{ attribute: 'arm', op: 'eq', value: 'test' }] },
    });
    expect(run.status).toBe('succeeded');
    expect(block<StatisticBlock>(run.result, 'count').value).toBe(68);
    const categories = block<TableBlock>(run.result, 'categorical-attributes');
    expect(categories.rows.filter((row) => row[0] === 'Treatment arm')).toEqual([
      ['Treatment arm', 'standard', 0, 0],
      ['Treatment arm', 'test', 68, 100],
    ]);
    const endpoints = block<TableBlock>(run.result, 'endpoints');
    expect(endpoints.rows[0]?.slice(0, 3)).toEqual(['Overall survival', 64, 4]);
  });

  it('is deterministic: the same parameters give byte-identical result documents', async () => {
    for (const protocol of ['kaplan-meier', 'cohort-summary']) {
      const [first, second] = await Promise.all([product.run(protocol, {}), product.run(protocol, {})]);
      expect(JSON.stringify(first?.result)).toBe(JSON.stringify(second?.result));
    }
  });
});

describe('va-lung-trial cox-regression equals R coxph', () => {
  const cox = JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, '../../packages/stats/test/reference/veteran.survival.json'),
      'utf8',
    ),
  ) as Record<
    'cox_efron' | 'cox_breslow',
    {
      terms: Array<Record<string, number | string>>;
      concordance: number;
      lrt: [number, number, number];
      wald: [number, number, number];
      score: [number, number, number];
    }
  >;

  // R's model is coxph(Surv(time, status) ~ trt + karno + age + celltype); trt coded 1/2 equals our
  // arm dummy (test vs standard), so every number must agree.
  it.each(['efron', 'breslow'] as const)('with %s ties', async (ties) => {
    const expected = cox[`cox_${ties}`];
    const run = await product.run('cox-regression', { ties });
    expect(run.status).toBe('succeeded');
    const coefficients = block<TableBlock>(run.result, 'coefficients');
    expect(coefficients.rows).toHaveLength(expected.terms.length);
    expected.terms.forEach((term, index) => {
      const row = coefficients.rows[index] ?? [];
      for (const [column, key] of [
        [2, 'coef'],
        [3, 'hr'],
        [4, 'lower'],
        [5, 'upper'],
        [6, 'se'],
        [7, 'z'],
        [8, 'p'],
      ] as const) {
        expectClose(row[column], term[key], `${term.term} ${key}`);
      }
    });
    for (const [id, key] of [
      ['likelihood-ratio', 'lrt'],
      ['wald', 'wald'],
      ['score', 'score'],
    ] as const) {
      const statistic = block<StatisticBlock>(run.result, id);
      expectClose(statistic.value, expected[key][0], `${key} test`);
      expectClose(statistic.p, expected[key][2], `${key} p`);
    }
    expectClose(block<StatisticBlock>(run.result, 'concordance').value, expected.concordance, 'concordance');
  });

  it('adds hazard ratios against the reference group to Kaplan–Meier', async () => {
    const run = await product.run('kaplan-meier', { groupBy: 'cell_type' });
    const ratios = block<TableBlock>(run.result, 'hazard-ratios');
    // R: summary(coxph(Surv(time, status) ~ factor(celltype, levels = c("squamous", ...))))$conf.int
    expect(ratios.rows.map((row) => row[0])).toEqual(['smallcell', 'adeno', 'large']);
    expectClose(ratios.rows[0]?.[2], 2.72169, 'HR smallcell', 1e-5);
    expectClose(ratios.rows[1]?.[2], 3.150978, 'HR adeno', 1e-5);
    expectClose(ratios.rows[2]?.[3], 0.7310022, 'lower large', 1e-5);
  });

  it('compares with a chosen reference group, and names the groups when it is not one', async () => {
    const run = await product.run('kaplan-meier', { groupBy: 'arm', reference: 'test' });
    // R: 1 / exp(coef) of coxph(Surv(time, status) ~ trt): the standard arm against the test arm.
    expect(block<TableBlock>(run.result, 'hazard-ratios').rows[0]?.slice(0, 2)).toEqual(['standard', 'test']);
    const wrong = await product.run('kaplan-meier', { groupBy: 'arm', reference: 'tst' });
    expect(wrong).toMatchObject({ status: 'failed', error: { code: 'INPUT_INVALID' } });
    expect(wrong.error?.message).toContain("did you mean 'test'");
  });

  // R: fisher.test(rbind(table(old$prior), table(young$prior))); t.test(old$karno, young$karno)
  it('compares two cohorts, with Fisher for small counts, as R does', async () => {
    const run = await product.run('compare-groups', {
      compare: 'cohorts',
      cohort: { all: [{ attribute: 'age', op: 'gte', value: 70 }] },
      compareWith: { all: [{ attribute: 'age', op: 'lt', value: 45 }] },
    });
    expect(run.status).toBe('succeeded');
    const rows = new Map(block<TableBlock>(run.result, 'comparisons').rows.map((row) => [row[0], row]));
    expect(rows.get('Prior therapy')?.[4]).toBe('Fisher exact (odds ratio)');
    expectClose(rows.get('Prior therapy')?.[5], 5.2611766172354, 'odds ratio');
    expectClose(rows.get('Prior therapy')?.[6], 0.206233421750663, 'Fisher p');
    expectClose(rows.get('Karnofsky score')?.[5], -0.401478868269812, 'Welch t');
    expectClose(rows.get('Karnofsky score')?.[6], 0.691781709051522, 'Welch p');
    expectClose(rows.get('Karnofsky score')?.[8], 0.790362925756532, 'Wilcoxon p');
  });
});

describe('va-lung-trial cohort counts', () => {
  it('counts a cohort with its attrition table', async () => {
    const counted = await product.countCohort({
      all: [
        { attribute: 'karnofsky', op: 'gte', value: 60 },
        { attribute: 'cell_type', op: 'in', values: ['squamous', 'large'] },
      ],
    });
    // R: nrow(subset(veteran, karno >= 60)); nrow(subset(veteran, karno >= 60 & celltype %in% c('squamous', 'large')))
    expect(counted).toEqual({
      count: 44,
      entity: { singular: 'patient', plural: 'patients' },
      product: { id: 'va-lung-trial', version: product.versions.productVersion },
      dataVersion: product.versions.dataVersion,
      attrition: [
        { step: 0, criterion: 'all patients', count: 137 },
        { step: 1, criterion: 'Karnofsky score ≥ 60', count: 85 },
        { step: 2, criterion: 'Cell type in {squamous, large}', count: 44 },
      ],
    });
  });

  it('refuses a cohort that does not fit the model, naming the criterion', async () => {
    await expect(
      product.countCohort({ all: [{ attribute: 'cell_type', op: 'eq', value: 'squamos' }] }),
    ).rejects.toThrow(/cohort\.all\[0\]\.value/);
  });
});
