import type { ManifestAttribute, ManifestEventsModality } from '@plexus/engine';
import type { PluginContext } from '@plexus/runtime';
import { didYouMean, InputError } from '@plexus/spec';
import { groupLabels } from '../survival/kaplanMeierTables.ts';

/** The entities of a cohort split by a grouping attribute: the denominators of every frequency. */
export interface CohortGroups {
  /** Position of each entity id of the cohort. */
  index: Map<string, number>;
  /** Group position of each entity (-1 when its group value is missing). */
  groupOf: Int32Array;
  /** Groups present in the cohort, in level order; one group ('All') without a grouping attribute. */
  groups: string[];
  /** Entities of each group in the cohort. */
  sizes: number[];
  /** Entities of the cohort, those with a missing group value included. */
  total: number;
  /** Entities whose group value is missing (counted in the total only). */
  missingGroup: number;
  /** The grouping attribute, when there is one. */
  attribute?: ManifestAttribute;
}

/**
 * Loads the cohort with its grouping attribute. Every entity of the cohort counts in the denominators,
 * not only those with events: a frequency is a share of the subjects at risk, as safety tables report.
 */
export async function cohortGroups(
  context: PluginContext,
  cohort: unknown,
  groupBy: string | undefined,
): Promise<CohortGroups> {
  const attribute =
    groupBy === undefined
      ? undefined
      : context.model.attributes.find((candidate) => candidate.id === groupBy);
  if (groupBy !== undefined && !attribute) {
    const known = context.model.attributes.map((candidate) => candidate.id);
    throw new InputError(`unknown grouping attribute '${groupBy}'${didYouMean(groupBy, known)}`);
  }
  const frame = await context.frame({
    cohort: cohort as never,
    columns: groupBy === undefined ? [] : [groupBy],
  });
  if (frame.length === 0) {
    throw new InputError(`the cohort holds no ${context.product.entity.plural}; widen its criteria`);
  }
  const index = new Map(frame.ids.map((id, position) => [id, position]));
  const column = groupBy === undefined ? undefined : frame.columns[groupBy];
  if (groupBy !== undefined && !column) throw new Error(`frame lacks the grouping column ${groupBy}`);
  const labels = column ? groupLabels(column) : frame.ids.map(() => 'All');
  const levels = column?.type === 'category' ? column.levels : column ? ['true', 'false'] : ['All'];
  const groups = levels.filter((level) => labels.includes(level));
  const position = new Map(groups.map((group, at) => [group, at]));
  const groupOf = Int32Array.from(labels, (label) => (label === null ? -1 : (position.get(label) ?? -1)));
  const sizes = groups.map(() => 0);
  for (const group of groupOf) if (group >= 0) sizes[group] = (sizes[group] ?? 0) + 1;
  const missingGroup = groupOf.filter((group) => group < 0).length;
  return {
    index,
    groupOf,
    groups,
    sizes,
    total: frame.length,
    missingGroup,
    ...(attribute ? { attribute } : {}),
  };
}

/** The events modality a protocol names, or an InputError listing the product's events modalities. */
export function eventsModality(context: PluginContext, id: string): ManifestEventsModality {
  const events = context.model.modalities.filter(
    (modality): modality is ManifestEventsModality => modality.kind === 'events',
  );
  const found = events.find((modality) => modality.id === id);
  if (!found) {
    const known = events.map((modality) => modality.id);
    throw new InputError(
      `'${id}' is not an events modality of this product${didYouMean(id, known)}; choose one of ${known.join(', ') || '(none: the mapping declares no events modality)'}`,
    );
  }
  return found;
}

/** "Placebo (N = 86), …": the denominators, for the markdown that introduces a table. */
export function describeDenominators(grouped: CohortGroups, entities: string): string {
  const parts = grouped.groups.map((group, at) => `${group} (N = ${grouped.sizes[at] ?? 0})`);
  const missing =
    grouped.missingGroup > 0
      ? ` ${grouped.missingGroup} ${entities} without a value of ${grouped.attribute?.label ?? 'the grouping attribute'} count in the total only.`
      : '';
  return grouped.attribute
    ? `${grouped.total} ${entities} in the cohort, by ${grouped.attribute.label}: ${parts.join(', ')}.${missing}`
    : `${grouped.total} ${entities} in the cohort.`;
}
