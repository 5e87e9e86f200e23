import type {
  Frame,
  ManifestAttribute,
  ManifestMatrixModality,
  MatrixRequest,
  MatrixSlice,
} from '@plexus/engine';
import { type PluginContext, unreachableMesh } from '@plexus/runtime';
import type { MarkdownBlock, PluginOutput, StatisticBlock, TableBlock } from '@plexus/spec';
import { mulberry32 } from '@plexus/stats';
import { describe, expect, it } from 'vitest';
import { differentialExpression } from './differentialExpression.ts';
import { expressionEmbedding } from './expressionEmbedding.ts';
import { featureByGroup } from './featureByGroup.ts';

// A small product held in memory: 12 entities in groups a/b/c, 30 features, feature f0 missing in
// most of group b and f1 constant, so the edge cases show up in the outputs.
const ids = Array.from({ length: 12 }, (_, i) => `E${String(i).padStart(2, '0')}`);
const levels = ['a', 'b', 'c'];
const codes = Int32Array.from(ids, (_, i) => (i < 5 ? 0 : i < 9 ? 1 : 2));
const features = Array.from({ length: 30 }, (_, f) => `f${f}`);
const random = mulberry32(3);
const values = Float64Array.from({ length: features.length * ids.length }, (_, index) => {
  const feature = Math.floor(index / ids.length);
  const entity = index % ids.length;
  if (feature === 0 && entity >= 5 && entity < 8) return Number.NaN;
  if (feature === 1) return 4;
  return 6 + (codes[entity] === 0 ? feature / 10 : 0) + random();
});
// A boolean attribute: entities 0–5 treated, 6–11 not.
const treated = Int8Array.from(ids, (_, i) => (i < 6 ? 1 : 0));
const modality = {
  id: 'expression',
  kind: 'matrix',
  label: 'Expression',
  unit: 'log2 TPM',
} as ManifestMatrixModality;

function context(params: Record<string, unknown>): PluginContext {
  const flag: ManifestAttribute = {
    id: 'treated',
    label: 'Treated',
    type: 'boolean',
    summary: { count: 12, missing: 0 },
  };
  const group: ManifestAttribute = {
    id: 'group',
    label: 'Group',
    type: 'category',
    levels,
    summary: { count: 12, missing: 0 },
  };
  return {
    params,
    progress: () => {},
    mesh: unreachableMesh,
    product: {
      id: 'demo',
      version: '1.0.0',
      title: 'Demo',
      entity: { singular: 'sample', plural: 'samples' },
    },
    model: { attributes: [group, flag], endpoints: [], modalities: [modality], entityCount: ids.length },
    frame: async (): Promise<Frame> => ({
      ids,
      length: ids.length,
      columns: { group: { type: 'category', levels, codes }, treated: { type: 'boolean', values: treated } },
    }),
    matrix: async (request: MatrixRequest): Promise<MatrixSlice> => {
      const rows = request.features
        ? request.features.map((feature) => features.indexOf(feature))
        : features.map((_, f) => f);
      const slice = new Float64Array(rows.length * ids.length);
      rows.forEach((row, r) => {
        slice.set(values.subarray(row * ids.length, (row + 1) * ids.length), r * ids.length);
      });
      return {
        modality: 'expression',
        features: rows.map((row) => features[row] ?? ''),
        names: rows.map(() => null),
        ids,
        values: slice,
      };
    },
    events: async () => {
      throw new Error('no events in this product');
    },
    sql: async () => {
      throw new Error('no SQL in these tests');
    },
  };
}

const blockOf = <T>(output: PluginOutput, id: string): T =>
  output.blocks.find((block) => block.id === id) as T;

describe('differentialExpression', () => {
  it('counts skipped features and names the fold change for log2 data', async () => {
    const output = await differentialExpression(context({ groupBy: 'group', group1: 'a', group2: 'b' }));
    const text = blockOf<MarkdownBlock>(output, 'summary').text;
    expect(text).toContain('**a** (n = 5) and **b** (n = 4)');
    expect(text).toContain('Features tested: **28**');
    expect(text).toContain('1 feature with fewer than 2 values in a group and 1 feature with no variation');
    expect(text).toContain('mean(a) − mean(b) of the log2 values');
    const table = blockOf<TableBlock>(output, 'top-features');
    expect(table.rows).toHaveLength(28);
    const ps = table.rows.map((row) => row[7] as number);
    expect(ps).toEqual([...ps].sort((x, y) => x - y));
  });

  it.each([
    [{ group1: 'a', group2: 'z' }, "group2 'z' is not a level of Group (group); choose one of: a, b, c"],
    [{ group1: 'a' }, 'set group2 too'],
    [{}, 'Group has 3 groups in this cohort (a, b, c); set group1 and group2'],
    [{ group1: 'a', group2: 'a' }, "group1 and group2 are both 'a'"],
    [
      { group1: 'a', group2: 'b', modality: 'proteins' },
      "modality 'proteins' is not a matrix modality of demo",
    ],
  ])('refuses %j with a message saying what to change', async (groups, message) => {
    await expect(differentialExpression(context({ groupBy: 'group', ...groups }))).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringContaining(message),
    });
  });

  it('applies the expression filter before the multiple-testing correction', async () => {
    const output = await differentialExpression(
      context({ groupBy: 'group', group1: 'a', group2: 'c', minMeanExpression: 7.5 }),
    );
    const text = blockOf<MarkdownBlock>(output, 'summary').text;
    expect(text).toMatch(/left out by the expression filter \(mean over both groups below 7.5\): \d+/);
  });
});

describe('expressionEmbedding', () => {
  it('is reproducible for a seed and reports the variance of every component', async () => {
    const run = (seed: number) =>
      expressionEmbedding(
        context({ method: 'umap', colorBy: 'group', topFeatures: 10, seed, nNeighbors: 5 }),
      );
    const first = await run(1);
    expect((await run(1)).blocks).toEqual(first.blocks);
    expect((await run(2)).blocks).not.toEqual(first.blocks);
    // f0 has missing values and f1 is constant: 28 candidates, the 10 most variable used.
    expect(blockOf<MarkdownBlock>(first, 'summary').text).toContain('1 with missing values were left out');
    const variance = blockOf<TableBlock>(first, 'variance');
    expect(variance.rows).toHaveLength(10);
    expect(variance.rows.at(-1)?.[3]).toBeCloseTo(1, 12);
  });
});

describe('featureByGroup', () => {
  it('leaves out entities without a value and tests three groups by Kruskal–Wallis and ANOVA', async () => {
    const output = await featureByGroup(context({ feature: 'f0', groupBy: 'group' }));
    const groups = blockOf<TableBlock>(output, 'groups');
    expect(groups.rows.map((row) => row.slice(0, 3))).toEqual([
      ['a', 5, 0],
      ['b', 1, 3],
      ['c', 3, 0],
    ]);
    expect(blockOf<StatisticBlock>(output, 'kruskal-wallis').df).toBe(2);
    expect(blockOf<StatisticBlock>(output, 'anova').name).toBe('F (2, 6)');
  });

  it('uses Welch’s t-test for the two levels of a boolean', async () => {
    const output = await featureByGroup(context({ feature: 'f2', groupBy: 'treated' }));
    expect(blockOf<TableBlock>(output, 'groups').rows.map((row) => row[0])).toEqual(['true', 'false']);
    const welch = blockOf<StatisticBlock>(output, 'welch-t');
    expect(welch.name).toBe('t (true vs false)');
    expect(welch.p).toBeGreaterThan(0);
    expect(output.blocks.some((block) => block.id === 'anova')).toBe(false);
  });

  it('explains a feature that cannot be tested', async () => {
    await expect(featureByGroup(context({ feature: 'f1', groupBy: 'group' }))).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringContaining('f1 by Group cannot be tested'),
    });
  });
});
