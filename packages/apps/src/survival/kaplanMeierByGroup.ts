import type { PluginContext } from '@plexus/runtime';
import { didYouMean, InputError, type PluginOutput } from '@plexus/spec';
import type { ConfType } from '@plexus/stats';
import { compareSurvival } from './compareSurvival.ts';
import { groupLabels } from './kaplanMeierTables.ts';

/**
 * Kaplan–Meier curves of an endpoint by a categorical attribute, with medians, numbers at risk and the
 * log-rank test — the figures a survival section of a paper reports, computed as R's survival does.
 */
export async function kaplanMeierByGroup(context: PluginContext): Promise<PluginOutput> {
  const { params, model } = context;
  const endpointId = String(params.endpoint);
  const groupBy = String(params.groupBy);
  const confLevel = Number(params.confLevel);
  const confType = String(params.confType) as ConfType;
  const endpoint = model.endpoints.find((candidate) => candidate.id === endpointId);
  const attribute = model.attributes.find((candidate) => candidate.id === groupBy);
  if (!endpoint || !attribute) throw new Error('endpoint or attribute missing from the model');

  const frame = await context.frame({
    cohort: params.cohort as never,
    columns: [groupBy, `endpoint:${endpointId}`],
  });
  const outcome = frame.columns[`endpoint:${endpointId}`];
  const groups = frame.columns[groupBy];
  if (outcome?.type !== 'endpoint' || !groups) throw new Error('frame lacks the requested columns');
  const labels = groupLabels(groups);
  const keep: number[] = [];
  for (let row = 0; row < frame.length; row++) {
    if (
      labels[row] !== null &&
      !Number.isNaN(outcome.time[row] ?? Number.NaN) &&
      (outcome.event[row] ?? -1) >= 0
    )
      keep.push(row);
  }
  const time = Float64Array.from(keep, (row) => outcome.time[row] ?? Number.NaN);
  const event = Uint8Array.from(keep, (row) => outcome.event[row] ?? 0);
  const group = keep.map((row) => labels[row] ?? null);
  const present = (groups.type === 'category' ? groups.levels : ['true', 'false']).filter((level) =>
    group.includes(level),
  );
  // The reference group (first in tables and legend, the denominator of every hazard ratio).
  const reference = params.reference === undefined ? undefined : String(params.reference);
  if (reference !== undefined && !present.includes(reference)) {
    throw new InputError(
      `reference group '${reference}' is not a group of ${attribute.label} in this cohort${didYouMean(reference, present)}`,
      [{ at: 'reference', message: 'not a group in this cohort', found: reference, allowed: present }],
    );
  }
  const levels =
    reference === undefined ? present : [reference, ...present.filter((level) => level !== reference)];
  // An InputError fails the run as the caller's mistake (INPUT_INVALID), not as a fault of the plugin.
  if (keep.length === 0) {
    throw new InputError(
      `the cohort has no ${context.product.entity.plural} with a known ${endpoint.label.toLowerCase()} and ${attribute.label.toLowerCase()}`,
    );
  }

  const { blocks, summary } = compareSurvival({
    time,
    event,
    group,
    levels,
    endpoint,
    groupLabel: attribute.label,
    confLevel,
    confType,
    excluded: frame.length - keep.length,
    cohortSize: frame.length,
    entities: context.product.entity.plural,
  });
  return { title: `Kaplan–Meier: ${endpoint.label} by ${attribute.label}`, summary, blocks };
}
