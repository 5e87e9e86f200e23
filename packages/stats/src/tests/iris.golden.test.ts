import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { expectClose } from '../../test/helpers/expectClose.ts';
import { pAdjust } from '../multiplicity/pAdjust.ts';
import { chiSquareTest } from './chiSquareTest.ts';
import { welchTTest } from './tTest.ts';
import { wilcoxonRankSum } from './wilcoxonRankSum.ts';

/** R's numbers on iris as the reference file gives them (see test/README.md). */
const reference = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../test/reference/iris.stats.json'), 'utf8'),
) as {
  welch_t: { t: number; df: number; p: number; conf: [number, number] };
  wilcoxon: { W: number; p: number };
  bh: { p: number[]; adjusted: number[] };
  chisq: { table: number[][]; X2: number; p: number };
};

const rows = readFileSync(resolve(import.meta.dirname, '../../test/data/iris.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1);
const sepalLength = (species: string) =>
  rows.filter((row) => row.includes(species)).map((row) => Number(row.split(',')[0]));

describe('iris.stats.json', () => {
  it('Welch t-test of Sepal.Length, setosa vs versicolor', () => {
    const result = welchTTest(sepalLength('setosa'), sepalLength('versicolor'));
    expectClose(result.statistic, reference.welch_t.t);
    expectClose(result.df, reference.welch_t.df);
    expectClose(result.p, reference.welch_t.p);
    expectClose(result.ci[0], reference.welch_t.conf[0]);
    expectClose(result.ci[1], reference.welch_t.conf[1]);
  });

  it('Wilcoxon rank-sum of Sepal.Length, setosa vs versicolor (normal approximation, continuity correction)', () => {
    const result = wilcoxonRankSum(sepalLength('setosa'), sepalLength('versicolor'));
    expectClose(result.statistic, reference.wilcoxon.W);
    expectClose(result.p, reference.wilcoxon.p);
  });

  it('Benjamini–Hochberg adjustment', () => {
    for (const [index, value] of pAdjust(reference.bh.p, 'BH').entries())
      expectClose(value, reference.bh.adjusted[index]);
  });

  it('chi-square test of the 3 × 2 table', () => {
    const result = chiSquareTest(reference.chisq.table);
    expectClose(result.statistic, reference.chisq.X2);
    expectClose(result.p, reference.chisq.p);
  });
});
