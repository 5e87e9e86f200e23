import type { FrameColumn } from '@plexus/engine';
import type { PluginContext } from '@plexus/runtime';
import type { Cohort } from '@plexus/spec';
import { InputError } from '@plexus/spec';

/** A grouping attribute read for the columns of a matrix slice. */
export interface EntityGroups {
  attributeLabel: string;
  /** The attribute's levels in model order ('true', 'false' for a boolean). */
  levels: string[];
  /** Level of each matrix column (entity), null where the attribute is missing. */
  labels: Array<string | null>;
}

function labelsOf(column: FrameColumn): { levels: string[]; labels: Array<string | null> } {
  if (column.type === 'category') {
    return {
      levels: column.levels,
      labels: Array.from(column.codes, (code) => (code < 0 ? null : (column.levels[code] ?? null))),
    };
  }
  if (column.type === 'boolean') {
    return {
      levels: ['true', 'false'],
      labels: Array.from(column.values, (value) => (value < 0 ? null : value === 1 ? 'true' : 'false')),
    };
  }
  throw new InputError(`groups must come from a category or boolean attribute, found a ${column.type}`);
}

/**
 * Reads a category or boolean attribute for the same cohort as a matrix slice and lines it up with the
 * slice's entity ids by id (not by position), so the two requests cannot silently disagree.
 */
export async function entityGroups(
  context: PluginContext,
  cohort: Cohort | undefined,
  attributeId: string,
  ids: readonly string[],
): Promise<EntityGroups> {
  const attribute = context.model.attributes.find((candidate) => candidate.id === attributeId);
  if (!attribute) throw new InputError(`'${attributeId}' is not an attribute of ${context.product.id}`);
  const frame = await context.frame({ ...(cohort ? { cohort } : {}), columns: [attributeId] });
  const column = frame.columns[attributeId];
  if (!column) throw new Error(`frame lacks ${attributeId}`);
  const { levels, labels } = labelsOf(column);
  const byId = new Map(frame.ids.map((id, row) => [id, labels[row] ?? null]));
  return { attributeLabel: attribute.label, levels, labels: ids.map((id) => byId.get(id) ?? null) };
}
