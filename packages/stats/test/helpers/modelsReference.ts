import { readFileSync } from 'node:fs';

/** One golden case of test/reference/models.json (written by models.R beside it). */
export interface ModelCase {
  name: string;
  kind: 'lm' | 'glm';
  input: {
    y: (number | null)[];
    predictors: Record<string, (number | null)[] | (string | null)[]>;
    reference: Record<string, string>;
  };
  result: {
    terms: { term: string; estimate: number; se: number; t?: number; z?: number; p: number }[];
    n: number;
    nDropped: number;
    sigma?: number;
    rSquared?: number;
    adjRSquared?: number;
    fStatistic?: { value: number; df1: number; df2: number; p: number };
    df?: number;
    deviance?: number;
    nullDeviance?: number;
    aic?: number;
    iterations?: number;
    converged?: boolean;
  };
}

/** Reads test/reference/models.json (R 4.2 summary(lm) / summary(glm) values). */
export function loadModelCases(): ModelCase[] {
  const url = new URL('../reference/models.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: ModelCase[] }).cases;
}
