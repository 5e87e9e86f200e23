import type { PluginContext } from '@plexus/runtime';
import { type Cell, type Cohort, InputError, type PluginOutput } from '@plexus/spec';
import { describe, StatsInputError } from '@plexus/stats';
import { boxPlotChart, type GroupedValue } from './boxPlotChart.ts';
import { entityGroups } from './entityGroups.ts';
import { groupTest } from './groupTest.ts';
import { matrixModality } from './matrixModality.ts';

/**
 * One feature of a matrix modality (a probe, a gene) compared across the levels of a category: box
 * plots with every entity, n, mean, SD, median and IQR per group, and a test — Welch's t for two
 * groups, Kruskal–Wallis with the one-way ANOVA beside it for more. Numbers match R.
 */
export async function featureByGroup(context: PluginContext): Promise<PluginOutput> {
  const { params, product } = context;
  const cohort = params.cohort as Cohort | undefined;
  const feature = String(params.feature);
  const groupBy = String(params.groupBy);
  const modality = matrixModality(context, params.modality);
  const slice = await context.matrix({
    modality: modality.id,
    features: [feature],
    ...(cohort ? { cohort } : {}),
  });
  const featureId = slice.features[0] ?? feature;
  const featureName = slice.names[0] ?? null;
  const featureLabel = featureName ? `${featureName} (${featureId})` : featureId;
  const groups = await entityGroups(context, cohort, groupBy, slice.ids);

  const byLevel = new Map<string, number[]>(groups.levels.map((level) => [level, []]));
  const missingByLevel = new Map<string, number>(groups.levels.map((level) => [level, 0]));
  const points: GroupedValue[] = [];
  slice.ids.forEach((id, column) => {
    const label = groups.labels[column];
    if (label === null || label === undefined) return;
    const value = slice.values[column] ?? Number.NaN;
    if (Number.isNaN(value)) {
      missingByLevel.set(label, (missingByLevel.get(label) ?? 0) + 1);
      return;
    }
    byLevel.get(label)?.push(value);
    points.push({ id, group: label, value });
  });
  const present = groups.levels.filter((level) => (byLevel.get(level)?.length ?? 0) > 0);
  if (present.length < 2) {
    throw new InputError(
      `${groups.attributeLabel} has ${present.length} group${present.length === 1 ? '' : 's'} with a value of ${featureLabel} in this cohort (${present.join(', ') || 'none'}); a comparison needs at least two — widen the cohort or choose another attribute`,
      [{ at: 'groupBy', message: 'fewer than two groups with values', found: groupBy }],
    );
  }
  const samples = present.map((level) => byLevel.get(level) ?? []);
  let tests: ReturnType<typeof groupTest>;
  try {
    tests = groupTest(present, samples);
  } catch (error) {
    // Too few values or no variation: the caller's data cannot be tested, which is not a plugin fault.
    if (error instanceof StatsInputError)
      throw new InputError(`${featureLabel} by ${groups.attributeLabel} cannot be tested: ${error.message}`);
    throw error;
  }

  const unit = modality.unit ? { unit: modality.unit } : {};
  const rows: Cell[][] = present.map((level) => {
    const d = describe(byLevel.get(level) ?? []);
    return [level, d.n, missingByLevel.get(level) ?? 0, d.mean, d.sd, d.median, d.q1, d.q3, d.q3 - d.q1];
  });
  const unlabelled = groups.labels.filter((label) => label === null).length;
  const absent = groups.levels.filter((level) => !present.includes(level));
  const testText =
    present.length === 2
      ? `Welch's two-sample t-test (unequal variances) compares the means of ${present[0]} and ${present[1]}.`
      : `The Kruskal–Wallis rank-sum test compares the ${present.length} groups without assuming normality; the one-way ANOVA F test (equal variances) is given beside it.${samples.some((sample) => sample.length < 3) ? ' Groups with fewer than 3 values weigh little and make the ANOVA fragile; consider narrowing the cohort.' : ''}`;
  const leftOut = [
    unlabelled > 0 ? `${unlabelled} without a value of ${groups.attributeLabel} are left out.` : '',
    absent.length > 0 ? `Groups without a value in this cohort: ${absent.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const text = [
    `**${featureLabel}** of ${modality.label}${modality.unit ? ` (${modality.unit})` : ''} by **${groups.attributeLabel}**, among the ${slice.ids.length} ${product.entity.plural} of the cohort: ${points.length} with a value in ${present.length} groups.`,
    '',
    `${testText}${leftOut ? ` ${leftOut}` : ''}`,
  ].join('\n');

  return {
    title: `${featureLabel} by ${groups.attributeLabel}`,
    summary: tests
      .map((test) => `${test.name} = ${test.value?.toPrecision(4)}, p = ${test.p?.toPrecision(3)}`)
      .join('; '),
    blocks: [
      { id: 'summary', type: 'markdown', text },
      {
        id: 'box-plot',
        type: 'chart',
        title: `${featureLabel} by ${groups.attributeLabel}`,
        spec: boxPlotChart(points, {
          title: `${featureLabel} by ${groups.attributeLabel}`,
          value: `${featureLabel}${modality.unit ? ` (${modality.unit})` : ''}`,
          group: groups.attributeLabel,
          levels: present,
        }),
      },
      {
        id: 'groups',
        type: 'table',
        title: `${featureLabel} per group`,
        columns: [
          { id: 'group', label: groups.attributeLabel, type: 'string' },
          { id: 'n', label: 'n', type: 'integer' },
          { id: 'missing', label: 'Missing', type: 'integer' },
          { id: 'mean', label: 'Mean', type: 'number', ...unit },
          { id: 'sd', label: 'SD', type: 'number', ...unit },
          { id: 'median', label: 'Median', type: 'number', ...unit },
          { id: 'q1', label: 'Q1', type: 'number', ...unit },
          { id: 'q3', label: 'Q3', type: 'number', ...unit },
          { id: 'iqr', label: 'IQR', type: 'number', ...unit },
        ],
        rows,
      },
      ...tests,
    ],
  };
}
