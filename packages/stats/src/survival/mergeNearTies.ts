/** The tolerance of R's all.equal and `aeqSurv`: sqrt(double epsilon). */
const TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * Treats times that differ only by floating-point noise as tied, as R's `survival::aeqSurv` does
 * for `survfit`/`survdiff` (timefix = TRUE): distinct values closer than 1.5e-8 in absolute terms,
 * or relative to the mean absolute time, are merged into the smallest of the run. Without this,
 * e.g. 1.1 + 2.2 and 3.3 would be separate event times and every risk set after them would shift.
 * Returns the input unchanged when there is nothing to merge.
 */
export function mergeNearTies(times: Float64Array): Float64Array {
  const unique = Array.from(new Set(times))
    .filter((t) => Number.isFinite(t))
    .sort((a, b) => a - b);
  if (unique.length < 2) return times;
  const meanAbs = unique.reduce((sum, t) => sum + Math.abs(t), 0) / unique.length;
  const representative = new Map<number, number>();
  let current = unique[0] ?? 0;
  let merged = false;
  representative.set(current, current);
  for (let i = 1; i < unique.length; i++) {
    const previous = unique[i - 1] ?? 0;
    const value = unique[i] ?? 0;
    const gap = value - previous;
    if (gap <= TOLERANCE || gap / meanAbs <= TOLERANCE) {
      merged = true;
    } else {
      current = value;
    }
    representative.set(value, current);
  }
  if (!merged) return times;
  return times.map((t) => representative.get(t) ?? t);
}
