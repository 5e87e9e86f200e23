import { describe, expect, it } from 'vitest';
import { readCsv } from '../../test/helpers/datasets.ts';
import { CloseChecker, expectClose } from '../../test/helpers/expectClose.ts';
import { normalQuantile } from '../distributions/normal.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { coxPH } from './coxPH.ts';

const veteran = readCsv('veteran');
const vTime = veteran.numeric('time');
const vEvent = Array.from(veteran.numeric('status'), (s) => (s === 1 ? 1 : 0));

describe('coxPH options', () => {
  it('matches R with a reference level and a 90% interval', () => {
    // R 4.2 / survival 3.5-3: celltype releveled to ref = "large";
    // summary(coxph(Surv(time, status == 1) ~ celltype + karno, data = veteran), conf.int = 0.9)
    const expected = [
      [
        'celltypesquamous',
        -0.3256449016810444,
        0.2766795748588459,
        2.39205543830921e-1,
        0.458065861002436,
        1.138205046041087,
      ],
      [
        'celltypesmallcell',
        0.3896895006978416,
        0.2609584705288674,
        1.35358458365641e-1,
        0.961222866340052,
        2.268067137344126,
      ],
      [
        'celltypeadeno',
        0.8320883651046057,
        0.2934147103514259,
        4.56998784658309e-3,
        1.418307294709697,
        3.723680703823422,
      ],
      [
        'karno',
        -0.0310566317303186,
        0.0051771763871181,
        1.98831597016803e-9,
        0.961200428725848,
        0.977711214379043,
      ],
    ] as const;
    const result = coxPH({
      time: vTime,
      event: vEvent,
      covariates: { celltype: veteran.text('celltype'), karno: veteran.numeric('karno') },
      reference: { celltype: 'large' },
      confLevel: 0.9,
    });
    expect(result.terms.map((t) => t.term)).toEqual(expected.map((row) => row[0]));
    const checker = new CloseChecker(1e-6);
    expected.forEach(([term, coef, se, p, lower, upper], j) => {
      const actual = result.terms[j];
      checker.check(`${term}.coef`, actual?.coef, coef);
      checker.check(`${term}.se`, actual?.se, se);
      checker.check(`${term}.p`, actual?.p, p);
      checker.check(`${term}.lower`, actual?.lower, lower);
      checker.check(`${term}.upper`, actual?.upper, upper);
    });
    checker.check('loglik[0]', result.loglik[0], -505.449054918058);
    checker.check('loglik[1]', result.loglik[1], -475.763217747676);
    checker.check('lrt', result.lrt.test, 59.3716743407648);
    checker.check('lrt.p', result.lrt.p, 3.93135898469368e-12);
    checker.check('wald', result.wald.test, 61.2593023439501);
    checker.check('wald.p', result.wald.p, 1.57690639968707e-12);
    checker.check('score', result.score.test, 63.9385044284829);
    checker.check('score.p', result.score.p, 4.30565541223883e-13);
    checker.check('concordance', result.concordance, 0.734154929577465);
    checker.expectAllClose();
    expect(result.iterations).toBe(4);
    expect(result.lrt.df).toBe(4);
  });

  it('uses exp(coef +- qnorm(1 - alpha/2) se) for other confidence levels', () => {
    const result = coxPH({
      time: vTime,
      event: vEvent,
      covariates: { karno: veteran.numeric('karno') },
      confLevel: 0.8,
    });
    const term = result.terms[0];
    const z = normalQuantile(0.9);
    expectClose(term?.lower, Math.exp((term?.coef ?? 0) - z * (term?.se ?? 0)), 1e-12);
    expectClose(term?.upper, Math.exp((term?.coef ?? 0) + z * (term?.se ?? 0)), 1e-12);
  });

  it('drops incomplete rows, counts them, and fits the complete cases', () => {
    const karno = veteran.numeric('karno');
    const celltype: (string | null)[] = veteran.text('celltype');
    const time = Float64Array.from(vTime);
    const event: (number | null)[] = [...vEvent];
    karno[0] = Number.NaN;
    celltype[1] = null;
    time[2] = Number.NaN;
    event[3] = null;
    const withMissing = coxPH({ time, event, covariates: { karno, celltype } });
    const keep = (i: number) => i > 3;
    const complete = coxPH({
      time: vTime.filter((_, i) => keep(i)),
      event: vEvent.filter((_, i) => keep(i)),
      covariates: {
        karno: veteran.numeric('karno').filter((_, i) => keep(i)),
        celltype: veteran.text('celltype').filter((_, i) => keep(i)),
      },
    });
    expect(withMissing.nDropped).toBe(4);
    expect(withMissing.n).toBe(vTime.length - 4);
    expect(complete.nDropped).toBe(0);
    withMissing.terms.forEach((term, j) => {
      expectClose(term.coef, complete.terms[j]?.coef, 1e-12, term.term);
      expectClose(term.se, complete.terms[j]?.se, 1e-12, term.term);
    });
  });

  it('treats number arrays with null as numeric covariates with missing values', () => {
    const result = coxPH({
      time: [5, 8, 3, 9, 12, 4, 7, 10],
      event: [1, 0, 1, 1, 0, 1, 1, 1],
      covariates: { x: [0.5, null, 1.2, -0.3, 0.1, 2.0, 0.7, -1.1] },
    });
    expect(result.nDropped).toBe(1);
    expect(result.terms.map((t) => t.term)).toEqual(['x']);
  });
});

describe('coxPH input errors', () => {
  const time = [1, 2, 3, 4, 5, 6, 7, 8];
  const event = [1, 1, 0, 1, 1, 0, 1, 1];
  const x = Float64Array.from([0.3, 1.5, -0.2, 0.8, 2.1, 0.4, -1.0, 0.9]);

  it.each([
    [
      'a collinear covariate',
      { x, y: x.map((v) => 2 * v + 1) },
      /singular: y is constant or a linear combination/,
    ],
    ['a constant covariate', { x, c: new Float64Array(8).fill(3) }, /singular: c/],
    ['a single-level category', { x, g: Array<string>(8).fill('a') }, /needs at least two/],
    ['no covariates', {}, /at least one covariate/],
    ['a length mismatch', { x: new Float64Array(3) }, /has 3 entries but time has 8/],
    [
      'mixed labels and numbers',
      { g: ['a', 1, 'b', 'a', 'b', 'a', 'b', 'a'] as unknown as string[] },
      /mixes labels/,
    ],
  ])('rejects %s', (_, covariates, message) => {
    expect(() => coxPH({ time, event, covariates })).toThrow(StatsInputError);
    expect(() => coxPH({ time, event, covariates })).toThrow(message);
  });

  it('rejects a perfectly separating covariate (R: "Loglik converged before variable 1")', () => {
    const t = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const covariates = {
      g: Float64Array.from([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]),
      z: Float64Array.from([5, 3, 1, 2, 7, 4, 4, 6, 1, 2]),
    };
    expect(() => coxPH({ time: t, event: Array<number>(10).fill(1), covariates })).toThrow(
      /did not converge \(g\).*separates/,
    );
  });

  it('rejects data without events, bad ties, bad confLevel and unknown reference levels', () => {
    expect(() => coxPH({ time, event: Array<number>(8).fill(0), covariates: { x } })).toThrow(/has an event/);
    expect(() => coxPH({ time, event, covariates: { x }, ties: 'exact' as 'efron' })).toThrow(/ties/);
    expect(() => coxPH({ time, event, covariates: { x }, confLevel: 1 })).toThrow(/confLevel/);
    const g = ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'];
    expect(() => coxPH({ time, event, covariates: { g }, reference: { g: 'c' } })).toThrow(/does not occur/);
    expect(() => coxPH({ time, event, covariates: { x }, reference: { x: 'a' } })).toThrow(
      /not a categorical/,
    );
  });
});
