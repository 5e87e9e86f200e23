import type { NumberChange } from '@plexus/spec';

/** A finite number, or null: JSON has no Infinity, so an overflowing delta is reported as null. */
function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * from → to with delta = to − from and relativeDelta = delta / |from|. Any difference is reported,
 * however small: 0.30000000000000004 against 0.3 is a delta of 5.6e-17, not equality.
 */
export function numberChange(from: number | null | undefined, to: number | null | undefined): NumberChange {
  const a = typeof from === 'number' ? from : null;
  const b = typeof to === 'number' ? to : null;
  if (a === null || b === null) return { from: a, to: b, delta: null, relativeDelta: null };
  const delta = finite(b - a);
  return {
    from: a,
    to: b,
    delta,
    relativeDelta: delta === null || a === 0 ? null : finite(delta / Math.abs(a)),
  };
}

/** The change of a number, or undefined when both documents hold the same value (or neither has one). */
export function numberChangeIfDifferent(
  from: number | null | undefined,
  to: number | null | undefined,
): NumberChange | undefined {
  const a = from ?? null;
  const b = to ?? null;
  return a === b ? undefined : numberChange(a, b);
}
