import type { ManifestAttribute } from '@plexus/engine';
import type { PluginContext } from '@plexus/runtime';
import { type Block, InputError, type PluginOutput } from '@plexus/spec';
import type { ConfType } from '@plexus/stats';
import { fitCoxModel } from '../regression/coxModel.ts';
import { type BiomarkerSplit, biomarkerStrata } from './biomarkerStrata.ts';
import { compareSurvival } from './compareSurvival.ts';

/**
 * The biomarker as a continuous covariate in a Cox model, adjusted for the chosen attributes: its
 * hazard ratio per unit, so that the split into strata does not decide the answer alone.
 */
async function continuousModel(
  context: PluginContext,
  biomarker: ManifestAttribute,
  endpointId: string,
): Promise<Block[]> {
  const adjustFor = ((context.params.adjustFor as string[] | undefined) ?? []).filter(
    (id) => id !== biomarker.id,
  );
  const covariates = [
    biomarker,
    ...adjustFor.map((id) => context.model.attributes.find((attribute) => attribute.id === id)),
  ].filter((attribute): attribute is ManifestAttribute => attribute !== undefined);
  const frame = await context.frame({
    cohort: context.params.cohort as never,
    columns: [...covariates.map((attribute) => attribute.id), `endpoint:${endpointId}`],
  });
  const confLevel = Number(context.params.confLevel);
  const percent = Math.round(confLevel * 100);
  let model: ReturnType<typeof fitCoxModel>;
  try {
    model = fitCoxModel(frame, `endpoint:${endpointId}`, covariates, { ties: 'efron', confLevel });
  } catch (error) {
    return [
      {
        id: 'cox-continuous-note',
        type: 'markdown',
        text: `No Cox model of ${biomarker.label}: ${(error as Error).message}`,
      },
    ];
  }
  const adjusted = covariates.slice(1).map((attribute) => attribute.label);
  return [
    {
      id: 'cox-continuous',
      type: 'table',
      title: `Cox model of ${biomarker.label} as a continuous covariate${adjusted.length ? `, adjusted for ${adjusted.join(', ')}` : ''}`,
      columns: [
        { id: 'term', label: 'Term', type: 'string' },
        { id: 'hr', label: 'Hazard ratio', type: 'number' },
        { id: 'lower', label: `${percent}% CI lower`, type: 'number' },
        { id: 'upper', label: `${percent}% CI upper`, type: 'number' },
        { id: 'p', label: 'p', type: 'number' },
      ],
      rows: model.fit.terms.map((term) => [
        model.labels.get(term.term) ?? term.term,
        term.hr,
        term.lower,
        term.upper,
        term.p,
      ]),
    },
  ];
}

const SPLIT_NAMES: Record<BiomarkerSplit, string> = {
  median: 'split at the median',
  tertiles: 'tertiles',
  quartiles: 'quartiles',
  cutoff: 'cutoff',
};

/**
 * Survival by a numeric biomarker: the cohort split at the biomarker's median, tertiles, quartiles or
 * a chosen cutoff, with Kaplan–Meier curves per stratum and the log-rank test across strata.
 */
export async function survivalByBiomarker(context: PluginContext): Promise<PluginOutput> {
  const { params, model } = context;
  const endpointId = String(params.endpoint);
  const biomarkerId = String(params.biomarker);
  const split = String(params.split) as BiomarkerSplit;
  const endpoint = model.endpoints.find((candidate) => candidate.id === endpointId);
  const biomarker = model.attributes.find((candidate) => candidate.id === biomarkerId);
  if (!endpoint || !biomarker) throw new Error('endpoint or biomarker missing from the model');

  const frame = await context.frame({
    cohort: params.cohort as never,
    columns: [biomarkerId, `endpoint:${endpointId}`],
  });
  const outcome = frame.columns[`endpoint:${endpointId}`];
  const values = frame.columns[biomarkerId];
  if (outcome?.type !== 'endpoint' || (values?.type !== 'number' && values?.type !== 'integer')) {
    throw new Error('frame lacks the requested columns');
  }
  const keep: number[] = [];
  for (let row = 0; row < frame.length; row++) {
    if (
      !Number.isNaN(values.values[row] ?? Number.NaN) &&
      !Number.isNaN(outcome.time[row] ?? Number.NaN) &&
      (outcome.event[row] ?? -1) >= 0
    ) {
      keep.push(row);
    }
  }
  if (keep.length === 0) {
    throw new InputError(
      `the cohort has no ${context.product.entity.plural} with a known ${biomarker.label.toLowerCase()} and ${endpoint.label.toLowerCase()}`,
    );
  }
  const kept = Float64Array.from(keep, (row) => values.values[row] ?? Number.NaN);
  const cutoff = params.cutoff === undefined ? undefined : Number(params.cutoff);
  const strata = biomarkerStrata(kept, split, cutoff);
  const groupLabel = `${biomarker.label} (${SPLIT_NAMES[split]})`;
  const { blocks, summary } = compareSurvival({
    time: Float64Array.from(keep, (row) => outcome.time[row] ?? Number.NaN),
    event: Uint8Array.from(keep, (row) => outcome.event[row] ?? 0),
    group: strata.stratum,
    levels: strata.labels,
    endpoint,
    groupLabel,
    confLevel: Number(params.confLevel),
    confType: String(params.confType) as ConfType,
    excluded: frame.length - keep.length,
    cohortSize: frame.length,
    entities: context.product.entity.plural,
  });
  blocks.splice(1, 0, {
    id: 'cut-points',
    type: 'table',
    title: `Cut points of ${biomarker.label}`,
    columns: [
      { id: 'cut', label: 'Cut point', type: 'number', ...(biomarker.unit ? { unit: biomarker.unit } : {}) },
      { id: 'rule', label: 'Rule', type: 'string' },
    ],
    rows: strata.cuts.map((cut) => [
      cut,
      split === 'cutoff' ? 'given cutoff' : 'R type-7 quantile of the values in the cohort',
    ]),
  });
  blocks.push(...(await continuousModel(context, biomarker, endpointId)));
  return { title: `${endpoint.label} by ${groupLabel}`, summary, blocks };
}
