import type { FrameColumn } from '@plexus/engine';
import type { PluginContext } from '@plexus/runtime';
import { type Cell, InputError, type PluginOutput } from '@plexus/spec';
import { chiSquareTest, describe, pAdjust, welchTTest, wilcoxonRankSum } from '@plexus/stats';
import { groupLabels } from '../survival/kaplanMeierTables.ts';

const round = (value: number, digits = 4): number | null =>
  Number.isFinite(value) ? Number(value.toPrecision(digits)) : null;

interface Comparison {
  attribute: string;
  kind: string;
  first: string;
  second: string;
  test: string;
  statistic: number | null;
  p: number | null;
  /** Secondary test for numbers (Wilcoxon); null otherwise. */
  wilcoxonP: number | null;
}

function numericComparison(
  values: Float64Array,
  groups: Array<string | null>,
  levels: [string, string],
): Omit<Comparison, 'attribute' | 'kind'> {
  const x: number[] = [];
  const y: number[] = [];
  values.forEach((value, row) => {
    if (Number.isNaN(value)) return;
    if (groups[row] === levels[0]) x.push(value);
    else if (groups[row] === levels[1]) y.push(value);
  });
  const summary = (sample: number[]) => {
    const d = describe(sample);
    return `${round(d.mean)} ± ${round(d.sd)} (median ${round(d.median)}, n ${d.n})`;
  };
  if (x.length < 2 || y.length < 2) {
    return {
      first: summary(x),
      second: summary(y),
      test: 'too few values',
      statistic: null,
      p: null,
      wilcoxonP: null,
    };
  }
  const welch = welchTTest(x, y);
  const wilcoxon = wilcoxonRankSum(x, y);
  return {
    first: summary(x),
    second: summary(y),
    test: 'Welch t',
    statistic: welch.statistic,
    p: welch.p,
    wilcoxonP: wilcoxon.p,
  };
}

function categoricalComparison(
  column: FrameColumn,
  groups: Array<string | null>,
  levels: [string, string],
): Omit<Comparison, 'attribute' | 'kind'> {
  const values = groupLabels(column);
  const categories = [...new Set(values.filter((value): value is string => value !== null))];
  const table = levels.map((level) =>
    categories.map(
      (category) => values.filter((value, row) => value === category && groups[row] === level).length,
    ),
  );
  const describeGroup = (index: number) =>
    categories.map((category, position) => `${category} ${table[index]?.[position] ?? 0}`).join(', ');
  const used = categories.filter((_category, position) => table.some((row) => (row[position] ?? 0) > 0));
  if (used.length < 2) {
    return {
      first: describeGroup(0),
      second: describeGroup(1),
      test: 'one category only',
      statistic: null,
      p: null,
      wilcoxonP: null,
    };
  }
  const compact = table.map((row) =>
    row.filter((_count, position) => table.some((other) => (other[position] ?? 0) > 0)),
  );
  const result = chiSquareTest(compact);
  return {
    first: describeGroup(0),
    second: describeGroup(1),
    test: 'chi-square',
    statistic: result.statistic,
    p: result.p,
    wilcoxonP: null,
  };
}

/**
 * Every attribute compared between the two groups of a categorical attribute (e.g. the arms of a
 * trial): numbers by Welch's t-test (and Wilcoxon's rank-sum test), categories by the chi-square
 * test, with Benjamini–Hochberg adjusted p-values across attributes.
 */
export async function compareGroups(context: PluginContext): Promise<PluginOutput> {
  const { params, model } = context;
  const groupBy = String(params.groupBy);
  const grouping = model.attributes.find((attribute) => attribute.id === groupBy);
  if (!grouping) throw new Error('grouping attribute missing from the model');
  const compared = model.attributes.filter(
    (attribute) => attribute.id !== groupBy && attribute.type !== 'text' && attribute.type !== 'date',
  );
  const frame = await context.frame({
    cohort: params.cohort as never,
    columns: [groupBy, ...compared.map((attribute) => attribute.id)],
  });
  const groupColumn = frame.columns[groupBy];
  if (!groupColumn) throw new Error('frame lacks the grouping column');
  const groups = groupLabels(groupColumn);
  const present = (groupColumn.type === 'category' ? groupColumn.levels : ['true', 'false']).filter((level) =>
    groups.includes(level),
  );
  if (present.length !== 2) {
    throw new InputError(
      `${grouping.label} has ${present.length} group${present.length === 1 ? '' : 's'} in this cohort (${present.join(', ') || 'none'}); compare-groups needs exactly two — narrow the cohort or choose another attribute`,
    );
  }
  const levels = present as [string, string];
  const comparisons: Comparison[] = compared.map((attribute) => {
    const column = frame.columns[attribute.id];
    if (!column) throw new Error(`frame lacks ${attribute.id}`);
    const result =
      column.type === 'integer' || column.type === 'number'
        ? numericComparison(column.values, groups, levels)
        : categoricalComparison(column, groups, levels);
    return { attribute: attribute.label, kind: attribute.type, ...result };
  });
  const tested = comparisons.filter((comparison) => comparison.p !== null);
  const adjusted = pAdjust(
    tested.map((comparison) => comparison.p as number),
    'BH',
  );
  const adjustedOf = new Map(tested.map((comparison, index) => [comparison, adjusted[index] ?? null]));
  const rows: Cell[][] = comparisons.map((comparison) => [
    comparison.attribute,
    comparison.kind,
    comparison.first,
    comparison.second,
    comparison.test,
    comparison.statistic,
    comparison.p,
    adjustedOf.get(comparison) ?? null,
    comparison.wilcoxonP,
  ]);
  const significant = tested.filter((comparison) => (adjustedOf.get(comparison) ?? 1) < 0.05).length;
  return {
    title: `Comparison of ${levels[0]} and ${levels[1]}`,
    summary: `${significant} of ${tested.length} attributes differ at a BH-adjusted p < 0.05`,
    blocks: [
      {
        id: 'summary',
        type: 'markdown',
        text: `Every attribute of the ${frame.length} ${context.product.entity.plural} in the cohort compared between **${levels[0]}** and **${levels[1]}** (${grouping.label}). Numbers: Welch's t-test (Wilcoxon's rank-sum test beside it); categories: Pearson's chi-square test. p-values are adjusted for the ${tested.length} comparisons by Benjamini–Hochberg.`,
      },
      {
        id: 'comparisons',
        type: 'table',
        title: 'Attributes by group',
        columns: [
          { id: 'attribute', label: 'Attribute', type: 'string' },
          { id: 'type', label: 'Type', type: 'string' },
          { id: 'first', label: levels[0], type: 'string' },
          { id: 'second', label: levels[1], type: 'string' },
          { id: 'test', label: 'Test', type: 'string' },
          { id: 'statistic', label: 'Statistic', type: 'number' },
          { id: 'p', label: 'p', type: 'number' },
          { id: 'p_bh', label: 'p (BH)', type: 'number' },
          { id: 'p_wilcoxon', label: 'p (Wilcoxon)', type: 'number' },
        ],
        rows,
      },
    ],
  };
}
