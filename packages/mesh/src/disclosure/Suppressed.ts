/**
 * Why a value was withheld: `primary` — it is itself a non-zero count (or a group, stratum or estimate
 * resting on a count) below the threshold; `secondary` — it was withheld only so that a primary one
 * cannot be recovered by subtraction (its own value may be large).
 */
export type SuppressionReason = 'primary' | 'secondary';

/** A withheld value. Combiners must treat it as unknown, never as zero. */
export interface Suppressed {
  readonly suppressed: true;
  readonly reason: SuppressionReason;
  /** What to show instead of the value: `<5` for a primary suppression, `suppressed` for a secondary one. */
  readonly label: string;
}

/** A published count, or the marker that replaces it. */
export type PublishedCount = number | Suppressed;

export function suppressed(reason: SuppressionReason, minCellCount: number): Suppressed {
  return { suppressed: true, reason, label: reason === 'primary' ? `<${minCellCount}` : 'suppressed' };
}

export function isSuppressed(value: unknown): value is Suppressed {
  return (
    typeof value === 'object' && value !== null && (value as { suppressed?: unknown }).suppressed === true
  );
}
