import { StatsInputError } from '../StatsInputError.ts';

/** A covariate column: numbers (NaN/null = missing) or category labels (null = missing). */
export type CovariateInput =
  | Float64Array
  | ArrayLike<number | null | undefined>
  | readonly (string | null | undefined)[];

export interface CovariateColumn {
  name: string;
  /** Numeric values (NaN = missing) or labels (null = missing). */
  numeric: Float64Array | null;
  labels: (string | null)[] | null;
}

/** Classifies and validates the covariate columns; they must all have `n` entries. */
export function readCovariates(covariates: Record<string, CovariateInput>, n: number): CovariateColumn[] {
  const columns = Object.entries(covariates).map(([name, values]): CovariateColumn => {
    if (values.length !== n) {
      throw new StatsInputError(
        `covariate "${name}" has ${values.length} entries but time has ${n}; covariates must be parallel arrays with one entry per subject`,
        'covariates',
      );
    }
    if (values instanceof Float64Array) return { name, numeric: values, labels: null };
    const list = Array.from(values as ArrayLike<unknown>);
    if (list.some((v) => typeof v === 'string')) {
      const labels = list.map((v, i) => {
        if (v === null || v === undefined) return null;
        if (typeof v !== 'string') {
          throw new StatsInputError(
            `covariate "${name}" mixes labels and ${typeof v} values (row ${i}); pass a categorical covariate as strings (null = missing) or a numeric one as numbers`,
            'covariates',
          );
        }
        return v;
      });
      return { name, numeric: null, labels };
    }
    const numeric = Float64Array.from(list, (v, i) => {
      if (v === null || v === undefined) return Number.NaN;
      if (typeof v === 'number') return v;
      throw new StatsInputError(
        `covariate "${name}"[${i}] is ${String(v)}; covariates must be numbers or category labels (strings)`,
        'covariates',
      );
    });
    return { name, numeric, labels: null };
  });
  if (columns.length === 0) {
    throw new StatsInputError('covariates is empty; a Cox model needs at least one covariate', 'covariates');
  }
  return columns;
}

/** Whether row i has a value for every covariate (numbers finite, labels not null). */
export function hasCompleteCovariates(columns: CovariateColumn[], i: number): boolean {
  return columns.every((column) => {
    if (column.numeric) {
      const v = column.numeric[i] ?? Number.NaN;
      if (Number.isNaN(v)) return false;
      if (!Number.isFinite(v)) {
        throw new StatsInputError(
          `covariate "${column.name}"[${i}] is ${v}; numeric covariates must be finite (NaN marks a missing value)`,
          'covariates',
        );
      }
      return true;
    }
    return column.labels?.[i] !== null && column.labels?.[i] !== undefined;
  });
}

export interface CoxDesignMatrix {
  /** Model-matrix column names as R forms them (numeric: name; dummy: name + level). */
  terms: string[];
  p: number;
  /** Row-major rows.length x p design matrix. */
  x: Float64Array;
}

/**
 * The model matrix R's `model.matrix` builds for `~ covariates` without intercept in coxph:
 * numeric columns as is; a categorical column becomes treatment-contrast dummies against its
 * reference level (`reference[name]`, else the first level in order of first appearance among the
 * complete rows), one per other level in order of first appearance, named name + level.
 */
export function buildDesign(
  columns: CovariateColumn[],
  rows: readonly number[],
  reference: Record<string, string> = {},
): CoxDesignMatrix {
  for (const name of Object.keys(reference)) {
    const column = columns.find((c) => c.name === name);
    if (!column?.labels) {
      throw new StatsInputError(
        `reference names "${name}", which is not a categorical (string) covariate`,
        'reference',
      );
    }
  }
  const blocks: { terms: string[]; values: (row: number, out: Float64Array, offset: number) => void }[] = [];
  for (const column of columns) {
    const { numeric, labels, name } = column;
    if (numeric) {
      blocks.push({
        terms: [name],
        values: (row, out, offset) => {
          out[offset] = numeric[row] ?? 0;
        },
      });
      continue;
    }
    const levels: string[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const label = labels?.[row];
      if (typeof label === 'string' && !seen.has(label)) {
        seen.add(label);
        levels.push(label);
      }
    }
    const base = reference[name];
    if (base !== undefined) {
      if (!seen.has(base)) {
        throw new StatsInputError(
          `reference level "${base}" for "${name}" does not occur in the complete rows (levels: ${levels.join(', ')})`,
          'reference',
        );
      }
      levels.splice(levels.indexOf(base), 1);
      levels.unshift(base);
    }
    if (levels.length < 2) {
      throw new StatsInputError(
        `categorical covariate "${name}" has ${levels.length} level${levels.length === 1 ? ` ("${levels[0]}")` : 's'} among the complete rows; it needs at least two to estimate an effect, so drop it`,
        'covariates',
      );
    }
    const others = levels.slice(1);
    const index = new Map(others.map((level, k) => [level, k]));
    blocks.push({
      terms: others.map((level) => `${name}${level}`),
      values: (row, out, offset) => {
        for (let k = 0; k < others.length; k++) out[offset + k] = 0;
        const k = index.get(labels?.[row] ?? '');
        if (k !== undefined) out[offset + k] = 1;
      },
    });
  }
  const terms = blocks.flatMap((block) => block.terms);
  const p = terms.length;
  const x = new Float64Array(rows.length * p);
  rows.forEach((row, r) => {
    let offset = r * p;
    for (const block of blocks) {
      block.values(row, x, offset);
      offset += block.terms.length;
    }
  });
  return { terms, p, x };
}
