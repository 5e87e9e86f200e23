import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSnapshot } from '@plexus/engine';
import { openProducts, type ProductRegistry, type ProductService } from '@plexus/runtime';
import type { ChartBlock, MarkdownBlock, StatisticBlock, TableBlock } from '@plexus/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { block, expectClose } from './resultBlocks.ts';

interface TopRow {
  feature: string;
  mean1: number;
  mean2: number;
  t: number;
  df: number;
  p: number;
  p_adjusted: number;
}
interface PcaReference {
  features: number;
  scale: boolean;
  sdev: number[];
  proportion: number[];
  cumulative: number[];
  abs_scores: Record<string, [number, number]>;
}
interface GroupSummary {
  group: string;
  n: number;
  mean: number;
  sd: number | null;
  median: number;
  q1: number;
  q3: number;
}

/** R 4.2 (base stats) on the product's own files: test/products/reference/all-leukemia.R. */
const reference = JSON.parse(
  readFileSync(resolve(import.meta.dirname, 'reference/all-leukemia.json'), 'utf8'),
) as {
  lineage_counts: { B: number; T: number };
  de_lineage: {
    tested: number;
    significant_05: number;
    significant_01: number;
    top: TopRow[];
    ranks: Array<{ rank: number; feature: string; t: number; df: number; p: number; p_adjusted: number }>;
  };
  de_bcr_abl: {
    n1: number;
    n2: number;
    min_mean: number;
    tested: number;
    filtered: number;
    significant_05: number;
    top: TopRow[];
  };
  pca: PcaReference[];
  feature: {
    feature: string;
    by_mol_biol: {
      groups: GroupSummary[];
      kruskal: { statistic: number; df: number; p: number };
      anova: { statistic: number; df1: number; df2: number; p: number };
    };
    by_lineage: { statistic: number; df: number; p: number; ci: [number, number] };
  };
};

const PRODUCT = resolve(import.meta.dirname, '../../products/all-leukemia');
const B_LINEAGE = { all: [{ attribute: 'lineage', op: 'eq', value: 'B' }] };

let snapshotRoot: string;
let registry: ProductRegistry;
let product: ProductService;

beforeAll(async () => {
  snapshotRoot = await mkdtemp(join(tmpdir(), 'plexus-all-'));
  await buildSnapshot(PRODUCT, { snapshotRoot });
  registry = await openProducts([PRODUCT], { snapshotRoot });
  product = registry.get('all-leukemia') as ProductService;
}, 120_000);

afterAll(async () => {
  await registry?.close();
  await rm(snapshotRoot, { recursive: true, force: true });
});

/** A chart block's Vega-Lite spec, read as the shape a test inspects. */
function chartSpec<T>(result: Parameters<typeof block>[0], id: string): T {
  return block<ChartBlock>(result, id).spec as unknown as T;
}

/** The top-table row as the reference's fields; columns: feature, name, mean1, mean2, log2FC, t, df, p, p adj. */
function checkRow(row: unknown[] | undefined, expected: TopRow, where: string): void {
  expect(row?.[0], where).toBe(expected.feature);
  expectClose(row?.[2], expected.mean1, `${where} mean1`);
  expectClose(row?.[3], expected.mean2, `${where} mean2`);
  expectClose(row?.[4], expected.mean1 - expected.mean2, `${where} log2FC`);
  expectClose(row?.[5], expected.t, `${where} t`);
  expectClose(row?.[6], expected.df, `${where} df`);
  expectClose(row?.[7], expected.p, `${where} p`);
  expectClose(row?.[8], expected.p_adjusted, `${where} adjusted p`);
}

describe('all-leukemia', () => {
  it('holds 128 patients, 95 B- and 33 T-lineage', async () => {
    expect(product.model().entity.count).toBe(128);
    const lineage = product.model().attributes.find((attribute) => attribute.id === 'lineage');
    expect(lineage?.levels).toEqual(['B', 'T']);
    const counted = await product.countCohort({ all: [{ attribute: 'lineage', op: 'eq', value: 'T' }] });
    expect(counted.count).toBe(reference.lineage_counts.T);
  });

  // R: t.test(x[B], x[T], var.equal = FALSE) for each of the 12,625 probe sets, p.adjust(p, "BH").
  it('finds the probe sets differing between B and T lineage as R does', async () => {
    const run = await product.run('differential-expression', { top: 1000 });
    expect(run.status, run.error?.message).toBe('succeeded');
    const significant = block<StatisticBlock>(run.result, 'significant');
    expect(significant.value).toBe(reference.de_lineage.significant_05);
    const table = block<TableBlock>(run.result, 'top-features');
    expect(table.rows).toHaveLength(1000);
    reference.de_lineage.top.forEach((expected, index) => {
      checkRow(table.rows[index], expected, `rank ${index + 1}`);
    });
    for (const expected of reference.de_lineage.ranks) {
      const row = table.rows[expected.rank - 1];
      expect(row?.[0], `rank ${expected.rank}`).toBe(expected.feature);
      expectClose(row?.[5], expected.t, `rank ${expected.rank} t`);
      expectClose(row?.[6], expected.df, `rank ${expected.rank} df`);
      expectClose(row?.[7], expected.p, `rank ${expected.rank} p`);
      expectClose(row?.[8], expected.p_adjusted, `rank ${expected.rank} adjusted p`);
    }
    const summary = block<MarkdownBlock>(run.result, 'summary').text;
    expect(summary).toContain(`**B** (n = ${reference.lineage_counts.B})`);
    expect(summary).toContain(`Features tested: **${reference.de_lineage.tested}**`);
    expect(summary).toContain('mean(B) − mean(T) of the log2 values');
    const volcano = chartSpec<{ data: { values: unknown[] } }>(run.result, 'volcano');
    expect(volcano.data.values).toHaveLength(reference.de_lineage.tested);
  });

  it('counts significance at a stricter FDR as R does', async () => {
    const run = await product.run('differential-expression', { fdr: 0.01, top: 5 });
    expect(block<StatisticBlock>(run.result, 'significant').value).toBe(reference.de_lineage.significant_01);
    expect(block<TableBlock>(run.result, 'top-features').rows).toHaveLength(5);
  });

  // R: BCR/ABL vs NEG among B-lineage patients, probe sets with rowMeans >= 6 over both groups.
  it('compares BCR/ABL with NEG within B lineage, after an expression filter', async () => {
    const run = await product.run('differential-expression', {
      cohort: B_LINEAGE,
      groupBy: 'mol_biol',
      group1: 'BCR/ABL',
      group2: 'NEG',
      minMeanExpression: reference.de_bcr_abl.min_mean,
      top: 10,
    });
    expect(run.status, run.error?.message).toBe('succeeded');
    expect(block<StatisticBlock>(run.result, 'significant').value).toBe(reference.de_bcr_abl.significant_05);
    const summary = block<MarkdownBlock>(run.result, 'summary').text;
    expect(summary).toContain(`**BCR/ABL** (n = ${reference.de_bcr_abl.n1})`);
    expect(summary).toContain(`**NEG** (n = ${reference.de_bcr_abl.n2})`);
    expect(summary).toContain(`Features tested: **${reference.de_bcr_abl.tested}**`);
    expect(summary).toContain(`): ${reference.de_bcr_abl.filtered}.`);
    const table = block<TableBlock>(run.result, 'top-features');
    reference.de_bcr_abl.top.forEach((expected, index) => {
      checkRow(table.rows[index], expected, `rank ${index + 1}`);
    });
  });

  it('refuses a group that is not a level, naming the parameter and the levels', async () => {
    const run = await product.run('differential-expression', { group2: 'X-lineage' });
    expect(run).toMatchObject({ status: 'failed', error: { code: 'INPUT_INVALID' } });
    expect(run.error?.message).toContain("group2 'X-lineage' is not a level of Lineage");
    expect(run.error?.message).toContain('B, T');
    const same = await product.run('differential-expression', { group1: 'T', group2: 'T' });
    expect(same).toMatchObject({ status: 'failed', error: { code: 'INPUT_INVALID' } });
    expect(same.error?.message).toContain('group1 and group2');
    // A level of the attribute that no patient of the cohort has.
    const absent = await product.run('differential-expression', { cohort: B_LINEAGE });
    expect(absent).toMatchObject({ status: 'failed', error: { code: 'INPUT_INVALID' } });
    expect(absent.error?.message).toContain("group2 'T'");
  });

  it('rejects parameters the model rules out before running, naming them', async () => {
    await expect(product.run('differential-expression', { groupBy: 'age' })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      details: [expect.objectContaining({ at: 'groupBy' })],
    });
    await expect(product.run('feature-by-group', { feature: 'no_such_probe' })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      details: [expect.objectContaining({ at: 'feature' })],
    });
    // Too small a group for any test is the run's failure, with the group sizes.
    const tiny = await product.run('differential-expression', {
      cohort: { all: [{ attribute: 'cell_type', op: 'in', values: ['B', 'T1'] }] },
    });
    expect(tiny).toMatchObject({ status: 'failed', error: { code: 'INPUT_INVALID' } });
    expect(tiny.error?.message).toContain('T (n = 1)');
  });

  // R: prcomp(t(x[order(apply(x, 1, var), decreasing = TRUE)[1:k], ]), center = TRUE, scale. = scale)
  it.each(reference.pca.map((expected) => [expected.features, expected.scale, expected] as const))(
    'gives the variance explained of the top %i probe sets (scale %s) as prcomp',
    async (topFeatures, scale, expected) => {
      const run = await product.run('expression-embedding', { topFeatures, scale });
      expect(run.status, run.error?.message).toBe('succeeded');
      const variance = block<TableBlock>(run.result, 'variance');
      expected.proportion.forEach((proportion, k) => {
        const row = variance.rows[k];
        expect(row?.[0]).toBe(`PC${k + 1}`);
        expectClose(row?.[1], expected.sdev[k], `PC${k + 1} sdev`);
        expectClose(row?.[2], proportion, `PC${k + 1} proportion`);
        expectClose(row?.[3], expected.cumulative[k], `PC${k + 1} cumulative`);
      });
      // Component signs are arbitrary (LAPACK in R): compare the scores' magnitudes, patient by patient.
      const points = chartSpec<{
        data: { values: Array<{ id: string; x: number; y: number }> };
      }>(run.result, 'embedding').data.values;
      expect(points).toHaveLength(128);
      for (const point of points) {
        const [pc1, pc2] = expected.abs_scores[point.id] ?? [Number.NaN, Number.NaN];
        expectClose(Math.abs(point.x), pc1, `${point.id} PC1`);
        expectClose(Math.abs(point.y), pc2, `${point.id} PC2`);
      }
    },
  );

  it('gives the same UMAP layout for the same seed, and another for another seed', async () => {
    const layout = async (seed: number) => {
      const run = await product.run('expression-embedding', { method: 'umap', seed, colorBy: 'mol_biol' });
      expect(run.status, run.error?.message).toBe('succeeded');
      return chartSpec<{ data: { values: unknown[] } }>(run.result, 'embedding').data.values;
    };
    const first = await layout(42);
    expect(first).toHaveLength(128);
    expect(await layout(42)).toEqual(first);
    expect(await layout(7)).not.toEqual(first);
  });

  // R: kruskal.test(v ~ mol.biol), summary(aov(v ~ mol.biol)), tapply(v, mol.biol, summary/sd).
  it('tests one probe set across molecular groups as R does', async () => {
    const run = await product.run('feature-by-group', {});
    expect(run.status, run.error?.message).toBe('succeeded');
    const expected = reference.feature.by_mol_biol;
    const kruskal = block<StatisticBlock>(run.result, 'kruskal-wallis');
    expectClose(kruskal.value, expected.kruskal.statistic, 'Kruskal–Wallis');
    expect(kruskal.df).toBe(expected.kruskal.df);
    expectClose(kruskal.p, expected.kruskal.p, 'Kruskal–Wallis p');
    const anova = block<StatisticBlock>(run.result, 'anova');
    expectClose(anova.value, expected.anova.statistic, 'F');
    expect(anova.name).toBe(`F (${expected.anova.df1}, ${expected.anova.df2})`);
    expectClose(anova.p, expected.anova.p, 'ANOVA p');
    const rows = new Map(block<TableBlock>(run.result, 'groups').rows.map((row) => [row[0], row]));
    expect([...rows.keys()]).toEqual(['NEG', 'BCR/ABL', 'ALL1/AF4', 'E2A/PBX1', 'NUP-98', 'p15/p16']);
    for (const group of expected.groups) {
      const row = rows.get(group.group);
      expect(row?.[1], group.group).toBe(group.n);
      expectClose(row?.[3], group.mean, `${group.group} mean`);
      expectClose(row?.[4], group.sd, `${group.group} sd`);
      expectClose(row?.[5], group.median, `${group.group} median`);
      expectClose(row?.[6], group.q1, `${group.group} q1`);
      expectClose(row?.[7], group.q3, `${group.group} q3`);
    }
    const chart = chartSpec<{
      layer: Array<{ mark: { type: string } }>;
    }>(run.result, 'box-plot');
    expect(chart.layer.map((layer) => layer.mark.type)).toEqual(['boxplot', 'point']);
  });

  it('uses Welch’s t-test for a probe set between two lineages', async () => {
    const run = await product.run('feature-by-group', {
      feature: reference.feature.feature,
      groupBy: 'lineage',
    });
    expect(run.status, run.error?.message).toBe('succeeded');
    const expected = reference.feature.by_lineage;
    const welch = block<StatisticBlock>(run.result, 'welch-t');
    expectClose(welch.value, expected.statistic, 't');
    expectClose(welch.df, expected.df, 'df');
    expectClose(welch.p, expected.p, 'p');
    expectClose(welch.ci?.lower, expected.ci[0], 'CI lower');
    expectClose(welch.ci?.upper, expected.ci[1], 'CI upper');
  });

  it('summarises the cohort', async () => {
    const run = await product.run('cohort-summary', {});
    expect(run.status, run.error?.message).toBe('succeeded');
  });
});
