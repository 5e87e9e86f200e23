import type { PluginContext } from '@plexus/runtime';
import { didYouMean, type EstimateAggregates, InputError } from '@plexus/spec';
import { coxPH } from '@plexus/stats';
import { endpointParam, groupingParam, levelCodes, optionalParam } from './modelParams.ts';

/**
 * A site's Cox estimate for a federated `meta-analysis`: the log hazard ratio of the other level of a
 * two-level attribute `groupBy` against `reference`, with its standard error, n and events, from
 * `coxph(Surv(time, status) ~ groupBy)` on the site's cohort (Efron ties, as R). The reference
 * defaults to `false` for a boolean and to the model's first level for a category, as R codes factors.
 * Exact values: the node applies its disclosure control (guardEstimate) afterwards.
 *
 * Parameters: `cohort` (optional), `endpoint` (endpoint id), `groupBy` (category or boolean attribute
 * id with two levels in the model), `reference` (one of them, optional).
 */
export async function coxEstimate(context: PluginContext): Promise<EstimateAggregates> {
  const { params } = context;
  const endpoint = endpointParam(context);
  const { attribute, levels } = groupingParam(context, 'groupBy');
  if (levels.length !== 2) {
    throw new InputError(
      `${attribute.label} has ${levels.length} levels (${levels.join(', ')}); a federated Cox estimate compares two`,
      [{ at: 'groupBy', message: 'needs exactly two levels', found: attribute.id }],
    );
  }
  const reference =
    optionalParam(params, 'reference') ?? (attribute.type === 'boolean' ? 'false' : (levels[0] as string));
  if (!levels.includes(reference)) {
    throw new InputError(
      `reference '${reference}' is not a level of ${attribute.label}${didYouMean(reference, levels)}`,
      [{ at: 'reference', message: 'not a level', found: reference, allowed: levels }],
    );
  }
  const other = levels.find((level) => level !== reference) as string;
  const endpointColumn = `endpoint:${endpoint.id}`;
  const frame = await context.frame({
    cohort: params.cohort as never,
    columns: [attribute.id, endpointColumn],
  });
  const outcome = frame.columns[endpointColumn];
  if (outcome?.type !== 'endpoint') throw new Error('frame lacks the endpoint');
  const codes = levelCodes(frame.columns[attribute.id], levels);
  const keep: number[] = [];
  for (let entity = 0; entity < frame.length; entity++) {
    if (
      (codes[entity] ?? -1) >= 0 &&
      Number.isFinite(outcome.time[entity]) &&
      (outcome.event[entity] ?? -1) >= 0
    )
      keep.push(entity);
  }
  const group = keep.map((entity) => levels[codes[entity] as number] as string);
  let fit: ReturnType<typeof coxPH>;
  try {
    fit = coxPH({
      time: Float64Array.from(keep, (entity) => outcome.time[entity] as number),
      event: Uint8Array.from(keep, (entity) => outcome.event[entity] as number),
      covariates: { [attribute.id]: group },
      reference: { [attribute.id]: reference },
      ties: 'efron',
    });
  } catch (error) {
    throw new InputError(
      `the Cox model of ${endpoint.label} on ${attribute.label} cannot be fitted at this site: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const term = fit.terms.find((candidate) => candidate.term === `${attribute.id}${other}`) ?? fit.terms[0];
  if (!term) throw new Error('the Cox fit has no term');
  return {
    kind: 'estimates',
    measure: 'log-hazard-ratio',
    estimates: [
      {
        id: `${attribute.id}=${other}`,
        label: `${attribute.label}: ${other} vs ${reference}`,
        estimate: term.coef,
        se: term.se,
        n: fit.n,
        events: fit.events,
      },
    ],
  };
}
