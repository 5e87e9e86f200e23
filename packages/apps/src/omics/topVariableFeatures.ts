/** The features kept for an embedding, and why the others were not. */
export interface FeatureSelection {
  /** Row indices of the chosen features, most variable first. */
  rows: number[];
  /** Features with a missing value in some entity of the analysis (left out: PCA needs complete data). */
  incomplete: number;
  /** Features with no variation over the entities (they carry no information and cannot be scaled). */
  constant: number;
}

/**
 * The `count` features with the largest sample variance over the given entity columns, as R's
 * `head(order(apply(x, 1, var), decreasing = TRUE), count)`: ties keep storage order.
 */
export function topVariableFeatures(
  values: Float64Array,
  entities: number,
  columns: Int32Array,
  count: number,
): FeatureSelection {
  const features = entities === 0 ? 0 : values.length / entities;
  const candidates: Array<{ row: number; variance: number }> = [];
  let incomplete = 0;
  let constant = 0;
  const n = columns.length;
  for (let f = 0; f < features; f++) {
    const offset = f * entities;
    let sum = 0;
    let complete = true;
    for (const column of columns) {
      const value = values[offset + column] ?? Number.NaN;
      if (Number.isNaN(value)) {
        complete = false;
        break;
      }
      sum += value;
    }
    if (!complete) {
      incomplete++;
      continue;
    }
    const mean = sum / n;
    let squares = 0;
    for (const column of columns) {
      const deviation = (values[offset + column] ?? 0) - mean;
      squares += deviation * deviation;
    }
    const variance = squares / (n - 1);
    if (!(variance > 0)) {
      constant++;
      continue;
    }
    candidates.push({ row: f, variance });
  }
  candidates.sort((a, b) => b.variance - a.variance || a.row - b.row);
  return { rows: candidates.slice(0, count).map((candidate) => candidate.row), incomplete, constant };
}
