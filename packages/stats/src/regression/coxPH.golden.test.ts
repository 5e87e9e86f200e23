import { describe, expect, it } from 'vitest';
import {
  loadReference,
  readCsv,
  type SurvivalDatasetName,
  type SurvivalReference,
  survivalData,
} from '../../test/helpers/datasets.ts';
import { CloseChecker } from '../../test/helpers/expectClose.ts';
import type { CovariateInput } from './coxDesign.ts';
import { type CoxTest, coxPH } from './coxPH.ts';

// Golden values: R 4.2 / survival 3.5-3 summary(coxph(Surv(time, event) ~ covariates, ties = ties)),
// stored in test/reference/<dataset>.survival.json as cox_efron and cox_breslow.
interface CoxReferenceTerm {
  term: string;
  coef: number;
  hr: number;
  se: number;
  z: number;
  p: number;
  lower: number;
  upper: number;
}

interface CoxReference {
  ties: 'efron' | 'breslow';
  n: number;
  events: number;
  terms: CoxReferenceTerm[];
  loglik: [number, number];
  concordance: number;
  /** [test, df, p] */
  lrt: [number, number, number];
  wald: [number, number, number];
  score: [number, number, number];
}

type CoxDatasetReference = SurvivalReference & {
  covariates: string[];
  cox_efron: CoxReference;
  cox_breslow: CoxReference;
};

const DATASETS: SurvivalDatasetName[] = ['veteran', 'lung', 'pbc'];
const TERM_FIELDS = ['coef', 'hr', 'se', 'z', 'p', 'lower', 'upper'] as const;

/** Numeric columns as numbers (NA = NaN); anything else as category labels (NA = null). */
function covariateColumns(name: SurvivalDatasetName, covariates: string[]): Record<string, CovariateInput> {
  const table = readCsv(name);
  const result: Record<string, CovariateInput> = {};
  for (const covariate of covariates) {
    const text = table.text(covariate);
    const numeric = text.every((v) => v === '' || v === 'NA' || !Number.isNaN(Number(v)));
    result[covariate] = numeric
      ? table.numeric(covariate)
      : text.map((v) => (v === '' || v === 'NA' ? null : v));
  }
  return result;
}

function checkTest(
  checker: CloseChecker,
  label: string,
  actual: CoxTest,
  expected: [number, number, number],
) {
  checker.check(`${label}.test`, actual.test, expected[0]);
  expect(actual.df, `${label}.df`).toBe(expected[1]);
  checker.check(`${label}.p`, actual.p, expected[2]);
}

describe.each(DATASETS)('coxPH matches R coxph on %s', (name) => {
  const reference = loadReference(name) as CoxDatasetReference;
  const data = survivalData(name, reference);
  const covariates = covariateColumns(name, reference.covariates);

  it.each(['efron', 'breslow'] as const)('every number with ties = %s', (ties) => {
    const expected = ties === 'efron' ? reference.cox_efron : reference.cox_breslow;
    const result = coxPH({ time: data.time, event: data.event, covariates, ties });
    expect(result.n).toBe(expected.n);
    expect(result.events).toBe(expected.events);
    expect(result.nDropped).toBe(data.time.length - expected.n);
    expect(result.converged).toBe(true);
    expect(result.terms.map((t) => t.term)).toEqual(expected.terms.map((t) => t.term));

    const checker = new CloseChecker(1e-6);
    expected.terms.forEach((term, j) => {
      for (const field of TERM_FIELDS)
        checker.check(`${term.term}.${field}`, result.terms[j]?.[field], term[field]);
    });
    checker.check('loglik[0]', result.loglik[0], expected.loglik[0]);
    checker.check('loglik[1]', result.loglik[1], expected.loglik[1]);
    checker.check('concordance', result.concordance, expected.concordance);
    checkTest(checker, 'lrt', result.lrt, expected.lrt);
    checkTest(checker, 'wald', result.wald, expected.wald);
    checkTest(checker, 'score', result.score, expected.score);
    expect(checker.count).toBe(expected.terms.length * TERM_FIELDS.length + 9);
    checker.expectAllClose();
  });
});
