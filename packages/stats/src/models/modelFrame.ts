import {
  buildDesign,
  type CovariateInput,
  hasCompleteCovariates,
  readCovariates,
} from '../regression/coxDesign.ts';
import { StatsInputError } from '../StatsInputError.ts';

/** Predictor columns for a regression model: numbers (NaN/null = missing) or labels (null = missing). */
export type PredictorInput = CovariateInput;

export interface ModelFrame {
  /** Column names as R's `model.matrix` forms them: `(Intercept)`, numeric name, name + level. */
  terms: string[];
  /** Number of columns (intercept included). */
  p: number;
  /** Complete rows used. */
  n: number;
  nDropped: number;
  /** Column-major n x p design matrix (column j at j * n). */
  x: Float64Array;
  y: Float64Array;
}

/**
 * R's `model.frame(..., na.action = na.omit)` followed by `model.matrix(y ~ ...)` with an intercept
 * and treatment contrasts: rows missing the response or any predictor are dropped (and counted);
 * a categorical predictor is dummy-coded against `reference[name]`, else its first level in order
 * of appearance among the complete rows, with columns named name + level as R does.
 */
export function modelFrame(
  y: Float64Array | ArrayLike<number | null | undefined>,
  predictors: Record<string, PredictorInput>,
  reference: Record<string, string> | undefined,
): ModelFrame {
  const total = y.length;
  const names = Object.keys(predictors);
  if (names.length === 0) {
    throw new StatsInputError(
      'predictors is empty; a regression model needs at least one predictor',
      'predictors',
    );
  }
  for (const name of names) {
    const column = predictors[name];
    if (column && column.length !== total) {
      throw new StatsInputError(
        `predictor "${name}" has ${column.length} entries but y has ${total}; predictors must be parallel arrays with one entry per observation`,
        'predictors',
      );
    }
  }
  const columns = readCovariates(predictors, total);
  const rows: number[] = [];
  for (let i = 0; i < total; i++) {
    const value = y[i];
    if (value === null || value === undefined || Number.isNaN(value)) continue;
    if (!Number.isFinite(value)) {
      throw new StatsInputError(
        `y[${i}] is ${value}; the response must be finite (NaN or null marks a missing value)`,
        'y',
      );
    }
    if (hasCompleteCovariates(columns, i)) rows.push(i);
  }
  const design = buildDesign(columns, rows, reference ?? {});
  const n = rows.length;
  const p = design.p + 1;
  const x = new Float64Array(n * p);
  const response = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    x[r] = 1;
    for (let j = 0; j < design.p; j++) x[(j + 1) * n + r] = design.x[r * design.p + j] ?? 0;
    response[r] = y[rows[r] ?? 0] ?? Number.NaN;
  }
  return { terms: ['(Intercept)', ...design.terms], p, n, nDropped: total - n, x, y: response };
}
