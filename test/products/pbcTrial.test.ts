import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSnapshot } from '@plexus/engine';
import { openProducts, type ProductRegistry, type ProductService } from '@plexus/runtime';
import type { StatisticBlock, TableBlock } from '@plexus/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { block, expectClose } from './resultBlocks.ts';

/** R 4.2 / survival 3.5-3 on the same data: survfit(Surv(time, dead) ~ trt), survdiff(). */
const reference = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../packages/stats/test/reference/pbc.survival.json'), 'utf8'),
) as {
  km_by_group: {
    curve: Array<Record<string, number | string | null>>;
    median: Array<Record<string, number | string | null>>;
  };
  logrank: { chisq: number; df: number; p: number };
};
const ARM: Record<string, string> = { 'trt=1': 'D-penicillamine', 'trt=2': 'placebo' };
const PRODUCT = resolve(import.meta.dirname, '../../products/pbc-trial');
const COLUMNS = ['time', 'n_risk', 'n_event', 'n_censor', 'surv', 'std_err', 'lower', 'upper'] as const;

let snapshotRoot: string;
let registry: ProductRegistry;
let product: ProductService;

beforeAll(async () => {
  snapshotRoot = await mkdtemp(join(tmpdir(), 'plexus-pbc-'));
  await buildSnapshot(PRODUCT, { snapshotRoot });
  registry = await openProducts([PRODUCT], { snapshotRoot });
  product = registry.get('pbc-trial') as ProductService;
});

afterAll(async () => {
  await registry.close();
  await rm(snapshotRoot, { recursive: true, force: true });
});

describe('pbc-trial', () => {
  it('describes 312 patients with 125 deaths', () => {
    expect(product.model().entity.count).toBe(312);
    expect(product.model().endpoints[0]?.summary).toEqual({
      count: 312,
      events: 125,
      censored: 187,
      missing: 0,
    });
  });

  it('gives Kaplan–Meier by arm, medians and log-rank as R does', async () => {
    const run = await product.run('kaplan-meier', {});
    expect(run.status).toBe('succeeded');
    const table = block<TableBlock>(run.result, 'survival-table');
    expect(table.rows).toHaveLength(reference.km_by_group.curve.length);
    reference.km_by_group.curve.forEach((expected, index) => {
      const row = table.rows[index] ?? [];
      expect(row[0]).toBe(ARM[String(expected.stratum)]);
      for (const [column, key] of COLUMNS.entries())
        expectClose(row[column + 1], expected[key], `row ${index} ${key}`);
    });
    const medians = block<TableBlock>(run.result, 'medians');
    reference.km_by_group.median.forEach((expected, index) => {
      const row = medians.rows[index] ?? [];
      expectClose(row[3], expected.median, 'median');
      expectClose(row[4], expected.lower, 'median lower');
      expectClose(row[5], expected.upper, 'median upper');
    });
    const test = block<StatisticBlock>(run.result, 'log-rank');
    expectClose(test.value, reference.logrank.chisq, 'chisq');
    expectClose(test.p, reference.logrank.p, 'p');
  });

  it('summarises laboratory values with their missing counts', async () => {
    const run = await product.run('cohort-summary', {});
    const numeric = block<TableBlock>(run.result, 'numeric-attributes');
    const cholesterol = numeric.rows.find((row) => row[0] === 'Serum cholesterol');
    // R: sum(is.na(pbc$chol[1:312])) is 28; summary() median 309.5
    expect(cholesterol?.slice(2, 4)).toEqual([284, 28]);
    expect(cholesterol?.[6]).toBe(309.5);
  });

  // R: survdiff(Surv(time, dead) ~ cut(bili, quantile(bili, probs), include.lowest = TRUE), data = pbc)
  // and survfit(...) medians; cutoff: cut(bili, c(-Inf, 2, Inf)).
  it.each([
    ['quartiles', {}, 139.852730584426, 4],
    ['tertiles', {}, 121.655945975119, 3],
    ['cutoff', { cutoff: 2 }, 110.267855526345, 2],
  ] as const)('splits bilirubin by %s and matches R', async (split, extra, chisq, strata) => {
    const run = await product.run('survival-by-biomarker', { biomarker: 'bilirubin', split, ...extra });
    expect(run.status).toBe('succeeded');
    expectClose(block<StatisticBlock>(run.result, 'log-rank').value, chisq, 'chisq');
    expect(block<TableBlock>(run.result, 'medians').rows).toHaveLength(strata);
  });

  it('gives the medians per bilirubin quartile as R', async () => {
    const run = await product.run('survival-by-biomarker', { biomarker: 'bilirubin', split: 'quartiles' });
    const medians = block<TableBlock>(run.result, 'medians');
    expect(medians.rows.map((row) => row.slice(0, 3))).toEqual([
      ['Q1: ≤ 0.8', 90, 14],
      ['Q2: 0.8–1.35', 66, 14],
      ['Q3: 1.35–3.425', 78, 39],
      ['Q4: > 3.425', 78, 58],
    ]);
    expect(medians.rows.map((row) => row.slice(3))).toEqual([
      [null, null, null],
      [null, 3090, null],
      [3222, 2105, 3445],
      [1170, 943, 1427],
    ]);
  });

  it('asks for the cutoff when the split is a cutoff', async () => {
    const run = await product.run('survival-by-biomarker', { split: 'cutoff' });
    expect(run).toMatchObject({ status: 'failed', error: { code: 'INPUT_INVALID' } });
    expect(run.error?.message).toContain('needs the cutoff parameter');
  });

  // R: t.test(x, y), wilcox.test(x, y), chisq.test(table(trt, x)) on pbc by trt.
  it('compares the arms attribute by attribute as R does', async () => {
    const run = await product.run('compare-groups', {});
    expect(run.status).toBe('succeeded');
    const rows = new Map(block<TableBlock>(run.result, 'comparisons').rows.map((row) => [row[0], row]));
    const check = (label: string, statistic: number, p: number, wilcoxonP: number | null) => {
      const row = rows.get(label) ?? [];
      expectClose(row[5], statistic, `${label} statistic`);
      expectClose(row[6], p, `${label} p`);
      expectClose(row[8], wilcoxonP, `${label} Wilcoxon p`);
    };
    check('Age', 2.3882216728223, 0.0175317757976482, 0.0196544760738694);
    check('Serum bilirubin', -1.50744471836268, 0.13286415338127, 0.842175893221622);
    check('Sex', 0.646891908311832, 0.421226100108528, null);
    check('Histologic stage', 4.6263143588862, 0.201296291082872, null);
    const adjusted = [...rows.values()]
      .map((row) => row[7])
      .filter((value): value is number => typeof value === 'number');
    expect(adjusted).toHaveLength(16);
    expect(adjusted.every((value, index) => value >= Number([...rows.values()][index]?.[6]))).toBe(true);
  });

  // R: summary(coxph(Surv(time, dead) ~ bili + age + albumin, data = pbc))$conf.int
  it('models bilirubin as a continuous covariate adjusted for chosen attributes', async () => {
    const run = await product.run('survival-by-biomarker', { adjustFor: ['age', 'albumin'] });
    const model = block<TableBlock>(run.result, 'cox-continuous');
    const expected = [
      [1.144893695, 1.1145359068, 1.1760783696],
      [1.037969947, 1.019723247, 1.0565431489],
      [0.235482532, 0.1524030536, 0.3638511275],
    ];
    expected.forEach((numbers, index) => {
      for (const [offset, value] of numbers.entries())
        expectClose(model.rows[index]?.[offset + 1], value, `term ${index}`, 1e-8);
    });
    const ratios = block<TableBlock>(run.result, 'hazard-ratios');
    expect(ratios.rows.map((row) => row[0])).toEqual(['Q2: 0.8–1.35', 'Q3: 1.35–3.425', 'Q4: > 3.425']);
  });
});
