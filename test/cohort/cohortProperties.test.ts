import type { Cohort } from '@plexus/spec';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProductBuilds } from './buildRandomProduct.ts';
import { naiveCohortIds, naiveCount } from './naiveEvaluator.ts';
import { randomAllCohort, randomCohort } from './randomCohort.ts';
import { randomProduct } from './randomProduct.ts';

/** Fixed so CI runs the same cases; fast-check prints seed, path and shrunk counterexample on failure. */
const SEED = 1_729;
const PRODUCTS = 15;
const TREES = 30;
const ALLS = 10;

let builds: ProductBuilds;

beforeAll(async () => {
  builds = await ProductBuilds.create();
});

afterAll(async () => {
  await builds?.close();
});

/**
 * One product with many cohorts over it: a build costs far more than a query. Fixed-length lists keep
 * every run checking as many cohorts; shrinking still simplifies each cohort and the product.
 */
const scenario = randomProduct.chain((product) =>
  fc.record({
    product: fc.constant(product),
    trees: fc.array(randomCohort(product), { minLength: TREES, maxLength: TREES }),
    alls: fc.array(randomAllCohort(product), { minLength: ALLS, maxLength: ALLS }),
  }),
);

const show = (cohort: Cohort) => JSON.stringify(cohort);

describe('compiled cohorts agree with the naive evaluation of docs/cohorts.md', () => {
  it('selects the same entities, counts them and tabulates attrition alike', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ product, trees, alls }) => {
        const reader = await builds.reader(product);
        for (const cohort of [...trees, ...alls]) {
          const expected = naiveCohortIds(product, cohort);
          const actual = await reader.cohortIds(cohort);
          expect(actual, `cohortIds of ${show(cohort)}`).toEqual(expected);
          expect(await reader.count(cohort), `count of ${show(cohort)}`).toBe(expected.length);
        }
        for (const cohort of alls) {
          const prefixes = cohort.all.map((_criterion, index) =>
            naiveCount(product, { all: cohort.all.slice(0, index + 1) }),
          );
          const attrition = await reader.attrition(cohort);
          expect(attrition.total, `attrition total of ${show(cohort)}`).toBe(product.ids.length);
          expect(
            attrition.steps.map((step) => step.count),
            `attrition of ${show(cohort)}`,
          ).toEqual(prefixes);
        }
      }),
      { seed: SEED, numRuns: PRODUCTS },
    );
  }, 300_000);
});
