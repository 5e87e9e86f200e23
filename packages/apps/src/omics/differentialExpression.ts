import type { PluginContext } from '@plexus/runtime';
import { type Cell, type Cohort, InputError, type PluginOutput } from '@plexus/spec';
import { pAdjust } from '@plexus/stats';
import { entityGroups } from './entityGroups.ts';
import { isLog2Scale, matrixModality } from './matrixModality.ts';
import { resolveTwoGroups } from './resolveTwoGroups.ts';
import { volcanoChart } from './volcanoChart.ts';
import { welchByFeature } from './welchByFeature.ts';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Differential expression between two levels of a category: a Welch t-test per feature of a matrix
 * modality, Benjamini–Hochberg adjusted p-values across the features tested, a volcano plot and the
 * top features. The fold change is the difference of group means, which on log2 data is the log2
 * fold change (the log2 ratio of geometric means). Numbers match R's t.test and p.adjust.
 */
export async function differentialExpression(context: PluginContext): Promise<PluginOutput> {
  const { params, product } = context;
  const cohort = params.cohort as Cohort | undefined;
  const groupBy = String(params.groupBy);
  const fdr = params.fdr === undefined ? 0.05 : Number(params.fdr);
  const top = params.top === undefined ? 50 : Number(params.top);
  const minMean =
    params.minMeanExpression === undefined || params.minMeanExpression === null
      ? null
      : Number(params.minMeanExpression);
  if (!(fdr > 0 && fdr < 1)) throw new InputError(`fdr must lie between 0 and 1, found ${fdr}`);

  const modality = matrixModality(context, params.modality);
  const slice = await context.matrix({ modality: modality.id, ...(cohort ? { cohort } : {}) });
  const entities = slice.ids.length;
  if (entities === 0)
    throw new InputError(
      `the cohort has no ${product.entity.plural} with ${modality.label.toLowerCase()} data`,
    );
  const groups = await entityGroups(context, cohort, groupBy, slice.ids);
  const two = resolveTwoGroups(
    groups,
    groupBy,
    { group1: params.group1, group2: params.group2 },
    product.entity.plural,
  );
  const { group1, group2 } = two;

  const welch = welchByFeature(slice.values, entities, two.first, two.second);
  const features = slice.features.length;
  // The expression filter uses the mean over both groups, blind to the labels, so it does not bias the tests.
  const filtered = new Uint8Array(features);
  if (minMean !== null) {
    for (let f = 0; f < features; f++) {
      const n1 = welch.n1[f] ?? 0;
      const n2 = welch.n2[f] ?? 0;
      const mean = ((welch.mean1[f] ?? 0) * n1 + (welch.mean2[f] ?? 0) * n2) / (n1 + n2);
      if (!(mean >= minMean)) filtered[f] = 1;
    }
  }
  const tested: number[] = [];
  let tooFew = 0;
  let constant = 0;
  for (let f = 0; f < features; f++) {
    if (filtered[f]) continue;
    const reason = welch.skipped[f];
    if (reason === 'too-few-values') tooFew++;
    else if (reason === 'constant') constant++;
    else tested.push(f);
  }
  if (tested.length === 0) {
    throw new InputError(
      `no feature could be tested between ${group1} (n = ${two.first.length}) and ${group2} (n = ${two.second.length}): a feature needs at least 2 values in each group${minMean === null ? '' : ` and a mean of at least ${minMean} (lower minMeanExpression)`}`,
    );
  }
  const adjusted = pAdjust(
    tested.map((f) => welch.p[f] ?? Number.NaN),
    'BH',
  );
  const adjustedOf = new Float64Array(features).fill(Number.NaN);
  tested.forEach((f, index) => {
    adjustedOf[f] = adjusted[index] ?? Number.NaN;
  });
  const significant = tested.filter((f) => (adjustedOf[f] ?? 1) < fdr);
  const difference = (f: number) => (welch.mean1[f] ?? Number.NaN) - (welch.mean2[f] ?? Number.NaN);
  const up = significant.filter((f) => difference(f) > 0).length;
  // By p, then by |t| (p-values can tie at underflow), then storage order: a stable, total order.
  const ranked = [...tested].sort(
    (a, b) =>
      (welch.p[a] ?? 1) - (welch.p[b] ?? 1) || Math.abs(welch.t[b] ?? 0) - Math.abs(welch.t[a] ?? 0) || a - b,
  );

  const log2 = isLog2Scale(modality);
  const foldChange = log2 ? 'log2 fold change' : 'difference in means';
  const unit = modality.unit ? ` (${modality.unit})` : '';
  const rows: Cell[][] = ranked
    .slice(0, top)
    .map((f) => [
      slice.features[f] ?? '',
      slice.names[f] ?? null,
      welch.mean1[f] ?? null,
      welch.mean2[f] ?? null,
      difference(f),
      welch.t[f] ?? null,
      welch.df[f] ?? null,
      welch.p[f] ?? null,
      adjustedOf[f] ?? null,
    ]);
  const skippedText = [
    tooFew > 0 ? `${plural(tooFew, 'feature')} with fewer than 2 values in a group` : '',
    constant > 0 ? `${plural(constant, 'feature')} with no variation (zero standard error)` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const text = [
    `Welch two-sample t-tests (unequal variances) of the ${features} features of **${modality.label}**${unit} between **${group1}** (n = ${two.first.length}) and **${group2}** (n = ${two.second.length}) of ${groups.attributeLabel}, among the ${entities} ${product.entity.plural} of the cohort with ${modality.label.toLowerCase()} data${two.others > 0 ? ` (${two.others} in other groups or without a value are left out)` : ''}.`,
    '',
    `- Features tested: **${tested.length}**${skippedText ? `; skipped: ${skippedText}` : ''}${minMean === null ? '' : `; left out by the expression filter (mean over both groups below ${minMean}): ${filtered.reduce((sum, value) => sum + value, 0)}`}.`,
    `- Significant at FDR ${fdr} (Benjamini–Hochberg adjusted p < ${fdr}): **${significant.length}** — ${up} higher in ${group1}, ${significant.length - up} higher in ${group2}.`,
    log2
      ? `- The ${foldChange} is mean(${group1}) − mean(${group2}) of the log2 values: the log2 ratio of the groups' geometric means (1 means twice as high in ${group1}).`
      : `- The values are not declared as log2 (unit: ${modality.unit ?? 'none'}), so the table gives the plain difference mean(${group1}) − mean(${group2}), not a log2 fold change.`,
    `- The table lists the ${Math.min(top, ranked.length)} features with the smallest p; df are Welch–Satterthwaite degrees of freedom.`,
  ].join('\n');

  return {
    title: `Differential expression: ${group1} vs ${group2} (${groups.attributeLabel})`,
    summary: `${significant.length} of ${tested.length} features differ between ${group1} and ${group2} at FDR ${fdr}`,
    blocks: [
      { id: 'summary', type: 'markdown', text },
      {
        id: 'significant',
        type: 'statistic',
        name: `features with Benjamini–Hochberg adjusted p < ${fdr}`,
        value: significant.length,
        method: `Welch t-tests of ${tested.length} features, ${group1} vs ${group2}`,
      },
      {
        id: 'volcano',
        type: 'chart',
        title: 'Volcano plot',
        spec: volcanoChart(
          tested.map((f) => ({
            feature: slice.features[f] ?? '',
            name: slice.names[f] ?? null,
            log2FC: difference(f),
            p: welch.p[f] ?? Number.NaN,
            pAdjusted: adjustedOf[f] ?? Number.NaN,
            significant: (adjustedOf[f] ?? 1) < fdr,
          })),
          { group1, group2, fdr, foldChange },
        ),
      },
      {
        id: 'top-features',
        type: 'table',
        title: `Top ${rows.length} features by p`,
        columns: [
          { id: 'feature', label: 'Feature', type: 'string' },
          { id: 'name', label: 'Name', type: 'string' },
          {
            id: 'mean1',
            label: `Mean ${group1}`,
            type: 'number',
            ...(modality.unit ? { unit: modality.unit } : {}),
          },
          {
            id: 'mean2',
            label: `Mean ${group2}`,
            type: 'number',
            ...(modality.unit ? { unit: modality.unit } : {}),
          },
          { id: 'log2fc', label: foldChange, type: 'number' },
          { id: 't', label: 't', type: 'number' },
          { id: 'df', label: 'df', type: 'number' },
          { id: 'p', label: 'p', type: 'number' },
          { id: 'p_adjusted', label: 'Adjusted p (BH)', type: 'number' },
        ],
        rows,
      },
    ],
  };
}
