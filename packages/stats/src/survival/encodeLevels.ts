import { StatsInputError } from '../StatsInputError.ts';

export interface EncodedLevels {
  /** Level names, in the order given by `levels` or else of first appearance. */
  levels: string[];
  /** Index into `levels` for each value. */
  codes: Int32Array;
}

/**
 * Turns labels into integer codes, like R's factor(): by default the levels are taken in order of
 * first appearance (R would sort them; we keep the caller's data order); an explicit `levels`
 * list fixes the order and must contain every label present.
 */
export function encodeLevels(
  values: readonly string[],
  field: string,
  levels?: readonly string[],
): EncodedLevels {
  const index = new Map<string, number>();
  if (levels) {
    for (const level of levels) {
      if (index.has(level)) {
        throw new StatsInputError(
          `levels lists "${level}" twice; each ${field} level must appear once`,
          'levels',
        );
      }
      index.set(level, index.size);
    }
  }
  const codes = new Int32Array(values.length);
  for (const [i, value] of values.entries()) {
    let code = index.get(value);
    if (code === undefined) {
      if (levels) {
        throw new StatsInputError(
          `${field} value "${value}" is not in levels [${levels.join(', ')}]; add it to levels or set it to null to drop the row`,
          'levels',
        );
      }
      code = index.size;
      index.set(value, code);
    }
    codes[i] = code;
  }
  return { levels: [...index.keys()], codes };
}
