import type { PluginContext } from '@plexus/runtime';
import type { MomentAggregates } from '@plexus/spec';
import { momentsOf } from '@plexus/stats';
import { ALL_GROUP, attributeParam, groupingParam, levelCodes, optionalParam } from './modelParams.ts';

/**
 * A site's sufficient statistics of a numeric attribute for a federated `pooled-moments`: n, mean and
 * m2 = Σ (x − mean)² (momentsOf), for the whole cohort (group `all`) or per level of `groupBy` (every
 * level of the model, in its order; an empty group has n = 0, mean null, m2 0). Entities without a
 * value of the variable, or of `groupBy`, are left out. Exact values: the node applies its
 * disclosure control afterwards.
 *
 * Parameters: `cohort` (optional), `variable` (numeric attribute id), `groupBy` (category or
 * boolean attribute id, optional).
 */
export async function momentsByGroup(context: PluginContext): Promise<MomentAggregates> {
  const { params } = context;
  const variable = attributeParam(context, 'variable', ['integer', 'number']);
  const grouping =
    optionalParam(params, 'groupBy') === undefined ? undefined : groupingParam(context, 'groupBy');
  const frame = await context.frame({
    cohort: params.cohort as never,
    columns: grouping ? [variable.id, grouping.attribute.id] : [variable.id],
  });
  const column = frame.columns[variable.id];
  if (column?.type !== 'integer' && column?.type !== 'number') throw new Error('frame lacks the variable');
  const levels = grouping ? grouping.levels : [ALL_GROUP];
  const codes = grouping
    ? levelCodes(frame.columns[grouping.attribute.id], grouping.levels)
    : new Int32Array(frame.length);
  const values: number[][] = levels.map(() => []);
  for (let entity = 0; entity < frame.length; entity++) {
    const value = column.values[entity] ?? Number.NaN;
    const code = codes[entity] ?? -1;
    if (code >= 0 && Number.isFinite(value)) values[code]?.push(value);
  }
  return {
    kind: 'moments',
    variable: {
      id: variable.id,
      label: variable.label,
      ...(variable.unit === undefined ? {} : { unit: variable.unit }),
    },
    ...(grouping ? { groupBy: { id: grouping.attribute.id, label: grouping.attribute.label } } : {}),
    groups: levels.map((group, index) => {
      const moments = momentsOf(values[index] ?? []);
      return { group, n: moments.n, mean: moments.n > 0 ? moments.mean : null, m2: moments.m2 };
    }),
  };
}
