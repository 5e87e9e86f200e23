import type { FrameColumn, ManifestAttribute } from '@plexus/engine';
import type { PluginContext } from '@plexus/runtime';
import { type Cell, InputError, type PluginOutput } from '@plexus/spec';
import { describe, kruskalWallis, oneWayAnova } from '@plexus/stats';
import { categoricalTest } from '../comparison/categoricalTest.ts';
import { groupLabels } from '../survival/kaplanMeierTables.ts';

type NumericTest = 'anova' | 'kruskal-wallis';

interface TestOutcome {
  test: string;
  statistic: number | null;
  df: number | null;
  p: number | null;
}

/** One attribute's rows: the displayed ones, the raw numbers behind them and its test. */
interface Section {
  display: Cell[][];
  statistics: Cell[][];
  test: TestOutcome;
}

const DESCRIBED = new Set(['integer', 'number', 'category', 'boolean']);

/** Decimals for an attribute's summaries: about two significant digits of its SD, at least one. */
function decimalsFor(sd: number): number {
  if (!(sd > 0) || !Number.isFinite(sd)) return 1;
  return Math.min(3, Math.max(1, 1 - Math.floor(Math.log10(sd))));
}

/** Whole numbers of an integer attribute as they are (age 76); everything else to the attribute's decimals. */
function formatter(decimals: number, integer: boolean): (value: number) => string {
  return (value) => {
    if (Number.isNaN(value)) return '–';
    return integer && Number.isInteger(value) ? String(value) : value.toFixed(decimals);
  };
}

function numericTest(samples: number[][], test: NumericTest): TestOutcome {
  const used = samples.filter((sample) => sample.length > 0);
  if (used.length < 2)
    return { test: 'not tested: fewer than two groups with values', statistic: null, df: null, p: null };
  try {
    if (test === 'kruskal-wallis') {
      const result = kruskalWallis(used);
      return { test: 'Kruskal–Wallis', statistic: result.statistic, df: result.df, p: result.p };
    }
    const result = oneWayAnova(used);
    return { test: 'one-way ANOVA (F)', statistic: result.statistic, df: result.dfBetween, p: result.p };
  } catch (error) {
    return {
      test: `not tested: ${error instanceof Error ? error.message : String(error)}`,
      statistic: null,
      df: null,
      p: null,
    };
  }
}

function numericSection(
  attribute: ManifestAttribute,
  values: Float64Array,
  groupOf: Int32Array,
  groups: string[],
  test: NumericTest,
): Section {
  const samples = groups.map((_group, at) => Array.from(values).filter((_value, row) => groupOf[row] === at));
  const all = describe(values);
  const descriptions = [...samples.map((sample) => describe(sample)), all];
  const format = formatter(decimalsFor(all.sd), attribute.type === 'integer');
  const cells = (render: (d: ReturnType<typeof describe>) => string) => descriptions.map(render);
  const display: Cell[][] = [
    ['n', ...cells((d) => String(d.n))],
    ['Mean (SD)', ...cells((d) => (d.n > 0 ? `${format(d.mean)} (${format(d.sd)})` : '–'))],
    [
      'Median [Q1, Q3]',
      ...cells((d) => (d.n > 0 ? `${format(d.median)} [${format(d.q1)}, ${format(d.q3)}]` : '–')),
    ],
    ['Min – max', ...cells((d) => (d.n > 0 ? `${format(d.min)} – ${format(d.max)}` : '–'))],
  ];
  if (all.missing > 0) display.push(['Missing', ...cells((d) => String(d.missing))]);
  const names = ['n', 'mean', 'sd', 'median', 'q1', 'q3', 'min', 'max'] as const;
  const statistics = descriptions.flatMap((d, at) =>
    names.map((name) => [
      attribute.id,
      null,
      groups[at] ?? 'Total',
      name,
      Number.isNaN(d[name]) ? null : d[name],
    ]),
  );
  // Missing values count in the Missing row but stay out of the test.
  const known = samples.map((sample) => sample.filter((value) => !Number.isNaN(value)));
  return {
    display: display.map((row) => [attribute.label, ...row]),
    statistics,
    test: numericTest(known, test),
  };
}

function categorySection(
  attribute: ManifestAttribute,
  column: FrameColumn,
  groupOf: Int32Array,
  groups: string[],
): Section {
  const labels = groupLabels(column);
  const levels = column.type === 'category' ? column.levels : ['true', 'false'];
  const columns = groups.length + 1;
  // counts[level][group], the last group being the total; the last level is "missing".
  const counts = [...levels, null].map(() => new Array<number>(columns).fill(0));
  const sizes = new Array<number>(columns).fill(0);
  labels.forEach((label, row) => {
    const level = label === null ? levels.length : levels.indexOf(label);
    const group = groupOf[row] ?? -1;
    const line = counts[level];
    if (!line) return;
    for (const at of group >= 0 ? [group, groups.length] : [groups.length]) {
      line[at] = (line[at] ?? 0) + 1;
      sizes[at] = (sizes[at] ?? 0) + 1;
    }
  });
  const cell = (count: number, size: number) =>
    size > 0 ? `${count} (${((100 * count) / size).toFixed(1)}%)` : '0';
  const display: Cell[][] = [];
  const statistics: Cell[][] = [];
  [...levels, '(missing)'].forEach((level, index) => {
    const line = counts[index] ?? [];
    const missingRow = index === levels.length;
    if (missingRow && (line[groups.length] ?? 0) === 0) return;
    display.push([attribute.label, level, ...line.map((count, at) => cell(count, sizes[at] ?? 0))]);
    line.forEach((count, at) => {
      const size = sizes[at] ?? 0;
      statistics.push([attribute.id, level, groups[at] ?? 'Total', 'n', count]);
      statistics.push([
        attribute.id,
        level,
        groups[at] ?? 'Total',
        'percent',
        size > 0 ? (100 * count) / size : null,
      ]);
    });
  });
  // The test compares the known values: the missing row and the total column stay out.
  const table = groups.map((_group, at) => levels.map((_level, index) => counts[index]?.[at] ?? 0));
  return { display, statistics, test: categoryTest(table) };
}

function categoryTest(table: number[][]): TestOutcome {
  const rows = table.filter((row) => row.some((count) => count > 0));
  const usedLevels = (rows[0] ?? []).filter((_count, level) => rows.some((row) => (row[level] ?? 0) > 0));
  if (rows.length < 2 || usedLevels.length < 2)
    return { test: 'not tested: fewer than two groups or values', statistic: null, df: null, p: null };
  try {
    const outcome = categoricalTest(rows);
    const df = outcome.test === 'chi-square' ? (rows.length - 1) * (usedLevels.length - 1) : null;
    return { test: outcome.test, statistic: outcome.statistic, df, p: outcome.p };
  } catch (error) {
    return {
      test: `not tested: ${error instanceof Error ? error.message : String(error)}`,
      statistic: null,
      df: null,
      p: null,
    };
  }
}

/**
 * "Table 1" of a study: every chosen attribute described by a grouping attribute (the arms of a
 * trial) and in total — numbers as n, mean (SD), median [Q1, Q3] and range; categories as n (%) of
 * each group's entities, missing values as a row of their own — with a test of difference between
 * groups: one-way ANOVA (or Kruskal–Wallis) for numbers, Pearson's chi-square test for categories, or
 * Fisher's exact test where an expected count is below 5, as compare-groups does.
 */
export async function demographicsTable(context: PluginContext): Promise<PluginOutput> {
  const { params, model, product } = context;
  const groupBy = String(params.groupBy);
  const grouping = model.attributes.find((attribute) => attribute.id === groupBy);
  if (!grouping) throw new Error('grouping attribute missing from the model');
  const test: NumericTest = params.numericTest === 'kruskal-wallis' ? 'kruskal-wallis' : 'anova';
  const requested = Array.isArray(params.attributes) ? params.attributes.map(String) : undefined;
  const attributes = (
    requested
      ? requested.map((id) => model.attributes.find((attribute) => attribute.id === id))
      : model.attributes.filter((attribute) => DESCRIBED.has(attribute.type))
  ).filter(
    (attribute): attribute is ManifestAttribute => attribute !== undefined && attribute.id !== groupBy,
  );
  const unsupported = attributes.filter((attribute) => !DESCRIBED.has(attribute.type));
  if (unsupported.length > 0) {
    throw new InputError(
      `a demographics table describes numbers and categories; leave out ${unsupported.map((attribute) => `${attribute.label} (${attribute.type})`).join(', ')}`,
    );
  }
  if (attributes.length === 0)
    throw new InputError('choose at least one attribute other than the grouping attribute');

  const frame = await context.frame({
    cohort: params.cohort as never,
    columns: [groupBy, ...attributes.map((attribute) => attribute.id)],
  });
  if (frame.length === 0)
    throw new InputError(`the cohort holds no ${product.entity.plural}; widen its criteria`);
  const groupColumn = frame.columns[groupBy];
  if (!groupColumn) throw new Error('frame lacks the grouping column');
  const labels = groupLabels(groupColumn);
  const levels = groupColumn.type === 'category' ? groupColumn.levels : ['true', 'false'];
  const groups = levels.filter((level) => labels.includes(level));
  const groupOf = Int32Array.from(labels, (label) => (label === null ? -1 : groups.indexOf(label)));
  const sizes = groups.map((_group, at) => groupOf.filter((group) => group === at).length);

  const display: Cell[][] = [];
  const statistics: Cell[][] = [];
  const tests: Cell[][] = [];
  for (const attribute of attributes) {
    const column = frame.columns[attribute.id];
    if (!column) throw new Error(`frame lacks ${attribute.id}`);
    const section =
      column.type === 'integer' || column.type === 'number'
        ? numericSection(attribute, column.values, groupOf, groups, test)
        : categorySection(attribute, column, groupOf, groups);
    for (const [index, row] of section.display.entries())
      display.push([...row, index === 0 ? section.test.test : null, index === 0 ? section.test.p : null]);
    statistics.push(...section.statistics);
    tests.push([
      attribute.id,
      attribute.label,
      section.test.test,
      section.test.statistic,
      section.test.df,
      section.test.p,
    ]);
  }

  const missingGroup = frame.length - sizes.reduce((sum, size) => sum + size, 0);
  const entities = product.entity.plural;
  const text = [
    `${frame.length} ${entities} in the cohort, by ${grouping.label}: ${groups.map((group, at) => `${group} (N = ${sizes[at]})`).join(', ')}.${missingGroup > 0 ? ` ${missingGroup} without a value of ${grouping.label} count in the total only.` : ''}`,
    `Numbers: n, mean (SD), median [Q1, Q3] (R's type 7 quantiles) and range, with ${test === 'anova' ? 'one-way ANOVA (F test, equal variances, as summary(aov()))' : 'the Kruskal–Wallis rank-sum test (as kruskal.test)'} across the groups. Categories: n (%) of each group's ${entities}, missing values in a row of their own, with Pearson's chi-square test (Yates' continuity correction on 2 × 2 tables, as R's chisq.test), or Fisher's exact test where an expected count is below 5. Missing values are left out of the tests; p-values are not adjusted for the number of attributes.`,
  ].join('\n\n');
  return {
    title: `${capitalize(entities)} by ${grouping.label}`,
    summary: `${attributes.length} attributes of ${frame.length} ${entities} in ${groups.length} groups`,
    blocks: [
      { id: 'summary', type: 'markdown', text },
      {
        id: 'table-1',
        type: 'table',
        title: `Characteristics of the ${entities} by ${grouping.label}`,
        columns: [
          { id: 'attribute', label: 'Attribute', type: 'string' },
          { id: 'statistic', label: '', type: 'string' },
          ...groups.map((group, at) => ({
            id: `group-${at + 1}`,
            label: `${group} (N = ${sizes[at]})`,
            type: 'string' as const,
          })),
          { id: 'total', label: `Total (N = ${frame.length})`, type: 'string' },
          { id: 'test', label: 'Test', type: 'string' },
          { id: 'p', label: 'p', type: 'number' },
        ],
        rows: display,
      },
      {
        id: 'statistics',
        type: 'table',
        title: 'The numbers behind the table, unrounded',
        columns: [
          { id: 'attribute', label: 'Attribute', type: 'string' },
          { id: 'level', label: 'Level', type: 'string' },
          { id: 'group', label: grouping.label, type: 'string' },
          { id: 'statistic', label: 'Statistic', type: 'string' },
          { id: 'value', label: 'Value', type: 'number' },
        ],
        rows: statistics,
      },
      {
        id: 'tests',
        type: 'table',
        title: 'Tests of difference between groups',
        columns: [
          { id: 'attribute', label: 'Attribute id', type: 'string' },
          { id: 'label', label: 'Attribute', type: 'string' },
          { id: 'test', label: 'Test', type: 'string' },
          { id: 'statistic', label: 'Statistic', type: 'number' },
          { id: 'df', label: 'df', type: 'number' },
          { id: 'p', label: 'p', type: 'number' },
        ],
        rows: tests,
      },
    ],
  };
}

function capitalize(text: string): string {
  return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
}
