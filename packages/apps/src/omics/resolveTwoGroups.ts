import { didYouMean, InputError } from '@plexus/spec';
import type { EntityGroups } from './entityGroups.ts';

/** Column indices of the entities in each of the two compared groups. */
export interface TwoGroups {
  group1: string;
  group2: string;
  first: Int32Array;
  second: Int32Array;
  /** Entities of the cohort in neither group (another level, or the attribute missing). */
  others: number;
}

function checkLevel(
  parameter: 'group1' | 'group2',
  value: string,
  groups: EntityGroups,
  groupBy: string,
  present: string[],
  entities: string,
): void {
  if (!groups.levels.includes(value)) {
    throw new InputError(
      `${parameter} '${value}' is not a level of ${groups.attributeLabel} (${groupBy}); choose one of: ${groups.levels.join(', ')}${didYouMean(value, groups.levels)}`,
      [{ at: parameter, message: `not a level of ${groupBy}`, found: value, allowed: groups.levels }],
    );
  }
  if (!present.includes(value)) {
    throw new InputError(
      `${parameter} '${value}': no ${entities} of the cohort with data have ${groups.attributeLabel} ${value}; groups present: ${present.join(', ') || 'none'} — choose one of them or widen the cohort`,
      [{ at: parameter, message: 'no entities in this group', found: value, allowed: present }],
    );
  }
}

/**
 * The two levels to compare, checked against the grouping attribute: both given, or — when neither
 * is — the only two levels present in the cohort. Every mistake names the parameter and the levels
 * that would work.
 */
export function resolveTwoGroups(
  groups: EntityGroups,
  groupBy: string,
  requested: { group1: unknown; group2: unknown },
  entities: string,
): TwoGroups {
  const present = groups.levels.filter((level) => groups.labels.includes(level));
  const given = (value: unknown) =>
    value === undefined || value === null || value === '' ? null : String(value);
  let group1 = given(requested.group1);
  let group2 = given(requested.group2);
  if (group1 === null && group2 === null) {
    if (present.length !== 2) {
      throw new InputError(
        `${groups.attributeLabel} has ${present.length} groups in this cohort (${present.join(', ') || 'none'}); set group1 and group2 to the two to compare`,
        [{ at: 'group1', message: 'required unless the attribute has exactly two groups', allowed: present }],
      );
    }
    [group1, group2] = present as [string, string];
  }
  if (group1 === null || group2 === null) {
    const missing = group1 === null ? 'group1' : 'group2';
    throw new InputError(
      `set ${missing} too: compare two levels of ${groups.attributeLabel} (${present.join(', ')})`,
      [{ at: missing, message: 'required with the other group', allowed: present }],
    );
  }
  checkLevel('group1', group1, groups, groupBy, present, entities);
  checkLevel('group2', group2, groups, groupBy, present, entities);
  if (group1 === group2) {
    throw new InputError(
      `group1 and group2 are both '${group1}'; choose two different levels of ${groups.attributeLabel}`,
      [{ at: 'group2', message: 'must differ from group1', found: group2 }],
    );
  }
  const first: number[] = [];
  const second: number[] = [];
  groups.labels.forEach((label, column) => {
    if (label === group1) first.push(column);
    else if (label === group2) second.push(column);
  });
  return {
    group1,
    group2,
    first: Int32Array.from(first),
    second: Int32Array.from(second),
    others: groups.labels.length - first.length - second.length,
  };
}
