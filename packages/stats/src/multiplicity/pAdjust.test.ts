import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloseChecker } from '../../test/helpers/expectClose.ts';
import { loadHypothesisReference, rNumber } from '../../test/helpers/hypothesisReference.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { type PAdjustMethod, pAdjust } from './pAdjust.ts';

// References: R 4.2.2 p.adjust, test/reference/hypothesis.json (hypothesis.R).
const ref = loadHypothesisReference();
const METHODS: PAdjustMethod[] = ['BH', 'BY', 'holm', 'bonferroni'];

describe('pAdjust (golden)', () => {
  it('matches R p.adjust with NA, NaN and ties for every method', () => {
    const raw = ref.padjust.p.map(rNumber);
    const checker = new CloseChecker(1e-14);
    for (const { method, adjusted } of ref.padjust.results) {
      const result = pAdjust(raw, method);
      expect(result).toHaveLength(raw.length);
      adjusted.forEach((e, i) => {
        checker.check(`${method}[${i}]`, result[i], rNumber(e));
      });
    }
    expect(checker.count).toBe(48);
    checker.expectAllClose();
  });
  it('matches R BH on the 12 iris Welch p-values', () => {
    const checker = new CloseChecker(1e-12);
    const result = pAdjust(ref.iris.bh.p, 'BH');
    ref.iris.bh.adjusted.forEach((e, i) => {
      checker.check(`BH[${i}]`, result[i], e);
    });
    checker.expectAllClose();
  });
});

describe('pAdjust properties', () => {
  const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 });
  it('BH on sorted p is the cumulative min from the top of n p_i / i', () => {
    fc.assert(
      fc.property(pValues, (p) => {
        const sorted = [...p].sort((a, b) => a - b);
        const n = sorted.length;
        const expected = new Array<number>(n);
        let running = Number.POSITIVE_INFINITY;
        for (let i = n; i >= 1; i--) {
          running = Math.min(running, (n / i) * (sorted[i - 1] as number)); // R: n / i * p[o]
          expected[i - 1] = Math.min(1, running);
        }
        expect(pAdjust(sorted, 'BH')).toEqual(expected);
      }),
    );
  });
  it('adjusted values are >= raw, <= 1, and monotone in the raw order', () => {
    fc.assert(
      fc.property(pValues, fc.constantFrom(...METHODS), (p, method) => {
        const adjusted = pAdjust(p, method);
        p.forEach((raw, i) => {
          const a = adjusted[i] as number;
          expect(a).toBeGreaterThanOrEqual(raw);
          expect(a).toBeLessThanOrEqual(1);
          p.forEach((other, j) => {
            if (raw < other) expect(a).toBeLessThanOrEqual(adjusted[j] as number);
          });
        });
      }),
    );
  });
  it('is equivariant under permutation of the input', () => {
    fc.assert(
      fc.property(pValues, fc.constantFrom(...METHODS), (p, method) => {
        const reversed = pAdjust([...p].reverse(), method).reverse();
        expect(reversed).toEqual(pAdjust(p, method));
      }),
    );
  });
  it('keeps NaN in place and excludes it from n; BY >= BH; holm <= bonferroni', () => {
    expect(pAdjust([0.01, Number.NaN, 0.02], 'bonferroni')).toEqual([0.02, Number.NaN, 0.04]);
    expect(pAdjust([], 'BH')).toEqual([]);
    fc.assert(
      fc.property(pValues, (p) => {
        const bh = pAdjust(p, 'BH');
        const by = pAdjust(p, 'BY');
        const holm = pAdjust(p, 'holm');
        const bonferroni = pAdjust(p, 'bonferroni');
        p.forEach((_, i) => {
          expect(by[i] as number).toBeGreaterThanOrEqual((bh[i] as number) * (1 - 1e-15));
          expect(holm[i] as number).toBeLessThanOrEqual(bonferroni[i] as number);
        });
      }),
    );
  });
  it('rejects values outside [0, 1]', () => {
    expect(() => pAdjust([0.5, 1.2], 'BH')).toThrow(StatsInputError);
    expect(() => pAdjust([-0.1], 'holm')).toThrow(/p\[0\]/);
  });
});
