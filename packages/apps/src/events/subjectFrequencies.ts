import type { EventTable } from '@plexus/engine';
import { chiSquareTest, fisherExact, fisherExactRxC } from '@plexus/stats';
import type { CohortGroups } from './cohortGroups.ts';

/** Above this many tables with the observed margins, a 2 × k table gets the chi-square test instead. */
const MAX_FISHER_TABLES = 200_000;

/** Subjects with at least one event of one kind (a name, a group, a text value), by group. */
export interface Frequency {
  key: string;
  /** Entities with the event in each group (group order of CohortGroups). */
  counts: number[];
  /** Entities with the event in the whole cohort, those with a missing group included. */
  total: number;
  /** Events (records), not entities. */
  events: number;
  /** Two-sided p of equal proportions across groups; null with fewer than two groups. */
  p: number | null;
  test: 'Fisher' | 'chi-square' | null;
}

/** Entity positions and event counts per key; events of entities outside the cohort are ignored. */
export function tally(
  table: EventTable,
  grouped: CohortGroups,
  keyOf: (event: number) => string | null,
): Map<string, { entities: Set<number>; events: number }> {
  const tallies = new Map<string, { entities: Set<number>; events: number }>();
  for (let event = 0; event < table.length; event++) {
    const entity = grouped.index.get(table.ids[event] ?? '');
    const key = keyOf(event);
    if (entity === undefined || key === null) continue;
    let entry = tallies.get(key);
    if (!entry) {
      entry = { entities: new Set(), events: 0 };
      tallies.set(key, entry);
    }
    entry.entities.add(entity);
    entry.events++;
  }
  return tallies;
}

/**
 * An upper bound on the 2 × k tables with these margins: the first k − 1 cells of the first row each
 * range over at most min(row sum, column sum) + 1 values. Cheap, so enumeration is tried only when
 * it will finish quickly.
 */
function tableBound(withEvent: number, sizes: number[]): number {
  let bound = 1;
  for (const size of sizes.slice(0, -1)) bound *= Math.min(withEvent, size) + 1;
  return bound;
}

/** Fisher's exact test of the 2 × k table (with / without the event × group), as R's fisher.test. */
export function proportionTest(
  counts: number[],
  sizes: number[],
): { p: number | null; test: Frequency['test'] } {
  if (sizes.length < 2) return { p: null, test: null };
  const withEvent = counts.reduce((sum, count) => sum + count, 0);
  const everyone = sizes.reduce((sum, size) => sum + size, 0);
  // With nobody (or everybody) having the event only one table has these margins: nothing to test.
  if (withEvent === 0 || withEvent === everyone) return { p: 1, test: 'Fisher' };
  const table = [counts, counts.map((count, at) => (sizes[at] ?? 0) - count)];
  if (sizes.length === 2) return { p: fisherExact(table).p, test: 'Fisher' };
  if (tableBound(Math.min(withEvent, everyone - withEvent), sizes) <= MAX_FISHER_TABLES)
    return { p: fisherExactRxC(table).p, test: 'Fisher' };
  return { p: chiSquareTest(table).p, test: 'chi-square' };
}

/** The frequency of one key: entities with the event per group and in total, with the test across groups. */
export function frequency(
  key: string,
  entry: { entities: Set<number>; events: number },
  grouped: CohortGroups,
): Frequency {
  const counts = grouped.groups.map(() => 0);
  for (const entity of entry.entities) {
    const group = grouped.groupOf[entity] ?? -1;
    if (group >= 0) counts[group] = (counts[group] ?? 0) + 1;
  }
  return {
    key,
    counts,
    total: entry.entities.size,
    events: entry.events,
    ...proportionTest(counts, grouped.sizes),
  };
}

/** Most frequent first; ties alphabetically, so that tables are stable across runs. */
export function byFrequency(a: Frequency, b: Frequency): number {
  return b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** A percentage with the precision a table shows; null for an empty denominator. */
export function percent(count: number, denominator: number): number | null {
  return denominator > 0 ? Number(((100 * count) / denominator).toFixed(1)) : null;
}
