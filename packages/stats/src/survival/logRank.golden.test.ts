import { describe, expect, it } from 'vitest';
import { loadReference, type SurvivalDatasetName, survivalData } from '../../test/helpers/datasets.ts';
import { expectClose } from '../../test/helpers/expectClose.ts';
import { logRank } from './logRank.ts';

// Golden values: R 4.2 / survival 3.5-3 survdiff(Surv(time, event) ~ group), test/reference/*.json.
const DATASETS: SurvivalDatasetName[] = ['veteran', 'lung', 'pbc'];

describe.each(DATASETS)('logRank matches R survdiff on %s', (name) => {
  const reference = loadReference(name);
  const data = survivalData(name, reference);
  const result = logRank({ time: data.time, event: data.event, group: data.group });
  const expected = reference.logrank;

  it('chi-square, df and p-value', () => {
    expectClose(result.chisq, expected.chisq, 1e-6, 'chisq');
    expect(result.df).toBe(expected.df);
    expectClose(result.p, expected.p, 1e-6, 'p');
  });

  it('observed and expected events per group', () => {
    expect(result.groups).toEqual([`${reference.group}=1`, `${reference.group}=2`]);
    expect(result.observed).toHaveLength(expected.observed.length);
    expected.observed.forEach((value, i) => {
      expectClose(result.observed[i], value, 1e-6, `observed[${i}]`);
    });
    expected.expected.forEach((value, i) => {
      expectClose(result.expected[i], value, 1e-6, `expected[${i}]`);
    });
  });
});
