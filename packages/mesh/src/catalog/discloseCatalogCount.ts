import type { CountDisclosure } from '@plexus/spec';
import { DEFAULT_MIN_CELL_COUNT } from '../disclosure/DisclosurePolicy.ts';

export interface CatalogDisclosureOptions {
  /** Counts below this are published as null. At least 1; the mesh's DEFAULT_MIN_CELL_COUNT unless told. */
  minCellCount?: number;
  /** Round the counts that are published to the nearest 10. */
  roundToTen?: boolean;
}

/**
 * Disclosure control for a count a node publishes: a small count is never published exactly (it could
 * single out people), so one below `minCellCount` becomes null with `suppressed: true`, and the others are
 * rounded to the nearest 10 when asked (halves away from zero).
 */
export function discloseCatalogCount(
  count: number,
  options: CatalogDisclosureOptions = {},
): { count: number | null; disclosure: CountDisclosure } {
  const minCellCount = options.minCellCount ?? DEFAULT_MIN_CELL_COUNT;
  if (!Number.isInteger(minCellCount) || minCellCount < 1) {
    throw new RangeError(`minCellCount must be an integer of at least 1, found ${minCellCount}`);
  }
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`a count must be a non-negative integer, found ${count}`);
  }
  const roundedTo = options.roundToTen ? 10 : 1;
  if (count < minCellCount) {
    return { count: null, disclosure: { minCellCount, suppressed: true, roundedTo } };
  }
  const published = roundedTo === 10 ? Math.round(count / 10) * 10 : count;
  return { count: published, disclosure: { minCellCount, suppressed: false, roundedTo } };
}
