import type { Frame, FrameColumn, ManifestAttribute } from '@plexus/engine';
import type { PluginContext } from '@plexus/runtime';
import { type Cell, InputError, type PluginOutput } from '@plexus/spec';
import { describe, pAdjust, welchTTest, wilcoxonRankSum } from '@plexus/stats';
import { groupLabels } from '../survival/kaplanMeierTables.ts';
import { categoricalTest } from './categoricalTest.ts';

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
  /** Wilcoxon's rank-sum p beside Welch's for numbers; null otherwise. */
  wilcoxonP: number | null;
}

type Outcome = Omit<Comparison, 'attribute' | 'kind'>;

/** One column of the two groups side by side: values and each value's group (0 or 1). */
interface TwoGroups {
  column: FrameColumn[];
  labels: [string, string];
}

function numericComparison(samples: [number[], number[]]): Outcome {
  const summary = (sample: number[]) => {
    const d = describe(sample);
    return `${round(d.mean)} ± ${round(d.sd)} (median ${round(d.median)}, n ${d.n})`;
  };
  const [x, y] = samples;
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
  return {
    first: summary(x),
    second: summary(y),
    test: 'Welch t',
    statistic: welch.statistic,
    p: welch.p,
    wilcoxonP: wilcoxonRankSum(x, y).p,
  };
}

function categoricalComparison(values: [Array<string | null>, Array<string | null>]): Outcome {
  const categories = [...new Set(values.flat().filter((value): value is string => value !== null))];
  const table = values.map((group) =>
    categories.map((category) => group.filter((value) => value === category).length),
  );
  const describeGroup = (index: number) =>
    categories.map((category, position) => `${category} ${table[index]?.[position] ?? 0}`).join(', ');
  if (categories.length < 2) {
    return {
      first: describeGroup(0),
      second: describeGroup(1),
      test: 'one category only',
      statistic: null,
      p: null,
      wilcoxonP: null,
    };
  }
  return { first: describeGroup(0), second: describeGroup(1), ...categoricalTest(table), wilcoxonP: null };
}

function compare(attribute: ManifestAttribute, groups: TwoGroups): Comparison {
  try {
    return compareOrThrow(attribute, groups);
  } catch (error) {
    // A test that cannot be computed (a category seen in one group only, say) is reported, not fatal.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      attribute: attribute.label,
      kind: attribute.type,
      first: '',
      second: '',
      test: `not tested: ${reason}`,
      statistic: null,
      p: null,
      wilcoxonP: null,
    };
  }
}

function compareOrThrow(attribute: ManifestAttribute, groups: TwoGroups): Comparison {
  const [first, second] = groups.column;
  if (!first || !second) throw new Error(`frame lacks ${attribute.id}`);
  if (
    (first.type === 'integer' || first.type === 'number') &&
    (second.type === 'integer' || second.type === 'number')
  ) {
    const present = (column: Float64Array) => Array.from(column).filter((value) => !Number.isNaN(value));
    return {
      attribute: attribute.label,
      kind: attribute.type,
      ...numericComparison([present(first.values), present(second.values)]),
    };
  }
  return {
    attribute: attribute.label,
    kind: attribute.type,
    ...categoricalComparison([groupLabels(first), groupLabels(second)]),
  };
}

/** Splits one frame's column by the two levels of a grouping attribute. */
function splitFrame(
  frame: Frame,
  groups: Array<string | null>,
  levels: [string, string],
  id: string,
): FrameColumn[] {
  const column = frame.columns[id];
  if (!column) throw new Error(`frame lacks ${id}`);
  return levels.map((level) => {
    const rows = groups.flatMap((group, row) => (group === level ? [row] : []));
    if (column.type === 'category')
      return { ...column, codes: Int32Array.from(rows, (row) => column.codes[row] ?? -1) };
    if (column.type === 'boolean')
      return { ...column, values: Int8Array.from(rows, (row) => column.values[row] ?? -1) };
    if (column.type === 'integer' || column.type === 'number') {
      return { ...column, values: Float64Array.from(rows, (row) => column.values[row] ?? Number.NaN) };
    }
    throw new Error(`cannot compare ${column.type} columns`);
  });
}

/**
 * Every attribute compared between two groups — the two levels of a categorical attribute (e.g. the
 * arms of a trial), or two cohorts: numbers by Welch's t-test (Wilcoxon's rank-sum test beside it),
 * categories by Pearson's chi-square test or Fisher's exact test for small counts, with
 * Benjamini–Hochberg adjusted p-values across attributes.
 */
export async function compareGroups(context: PluginContext): Promise<PluginOutput> {
  const { params, model } = context;
  const byCohorts = params.compare === 'cohorts';
  const groupBy = byCohorts ? undefined : String(params.groupBy);
  const compared = model.attributes.filter(
    (attribute) => attribute.id !== groupBy && attribute.type !== 'text' && attribute.type !== 'date',
  );
  const ids = compared.map((attribute) => attribute.id);
  let labels: [string, string];
  let columnsOf: (id: string) => FrameColumn[];
  let described: string;
  if (byCohorts) {
    const first = await context.frame({ cohort: params.cohort as never, columns: ids });
    const second = await context.frame({ cohort: params.compareWith as never, columns: ids });
    if (first.length === 0 || second.length === 0)
      throw new InputError('both cohorts must hold at least one entity to be compared');
    const shared =
      new Set(first.ids).size + new Set(second.ids).size - new Set([...first.ids, ...second.ids]).size;
    labels = ['cohort', 'comparison cohort'];
    columnsOf = (id) =>
      [first.columns[id], second.columns[id]].filter((column): column is FrameColumn => column !== undefined);
    described = `the cohort (${first.length} ${context.product.entity.plural}) and the comparison cohort (${second.length})${shared > 0 ? `; ${shared} belong to both, so the two samples are not independent` : ''}`;
  } else {
    const grouping = model.attributes.find((attribute) => attribute.id === groupBy);
    if (!grouping || groupBy === undefined) throw new Error('grouping attribute missing from the model');
    const frame = await context.frame({ cohort: params.cohort as never, columns: [groupBy, ...ids] });
    const groupColumn = frame.columns[groupBy];
    if (!groupColumn) throw new Error('frame lacks the grouping column');
    const groups = groupLabels(groupColumn);
    const present = (groupColumn.type === 'category' ? groupColumn.levels : ['true', 'false']).filter(
      (level) => groups.includes(level),
    );
    if (present.length !== 2) {
      throw new InputError(
        `${grouping.label} has ${present.length} group${present.length === 1 ? '' : 's'} in this cohort (${present.join(', ') || 'none'}); compare-groups needs exactly two — narrow the cohort, choose another attribute, or compare two cohorts`,
      );
    }
    labels = present as [string, string];
    columnsOf = (id) => splitFrame(frame, groups, labels, id);
    described = `**${labels[0]}** and **${labels[1]}** (${grouping.label}) among the ${frame.length} ${context.product.entity.plural} of the cohort`;
  }
  const comparisons = compared.map((attribute) =>
    compare(attribute, { column: columnsOf(attribute.id), labels }),
  );
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
    title: `Comparison of ${labels[0]} and ${labels[1]}`,
    summary: `${significant} of ${tested.length} attributes differ at a BH-adjusted p < 0.05`,
    blocks: [
      {
        id: 'summary',
        type: 'markdown',
        text: `Every attribute compared between ${described}. Numbers: Welch's t-test (Wilcoxon's rank-sum test beside it); categories: Pearson's chi-square test, or Fisher's exact test where an expected count is below 5. p-values are adjusted for the ${tested.length} comparisons by Benjamini–Hochberg.`,
      },
      {
        id: 'comparisons',
        type: 'table',
        title: 'Attributes by group',
        columns: [
          { id: 'attribute', label: 'Attribute', type: 'string' },
          { id: 'type', label: 'Type', type: 'string' },
          { id: 'first', label: labels[0], type: 'string' },
          { id: 'second', label: labels[1], type: 'string' },
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
