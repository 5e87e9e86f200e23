import { describe, expect, it } from 'vitest';
import { concordance } from './concordance.ts';

describe('concordance', () => {
  it('counts pairs as R survival::concordance(Surv(t, e) ~ x, reverse = TRUE)', () => {
    // R 4.2 / survival 3.5-3: concordant 20, discordant 6, tied.x 6, tied.y 1, tied.xy 0; C = 0.71875.
    const t = [1, 2, 2, 3, 3, 3, 5, 6, 6, 8];
    const e = [1, 1, 0, 1, 1, 0, 1, 0, 1, 0];
    const x = [3, 2, 2, 5, 1, 1, 0, 2, 2, 0];
    const result = concordance(t, e, x);
    expect(result).toEqual({ concordance: 0.71875, concordant: 20, discordant: 6, tiedRisk: 6, tiedTime: 1 });
  });

  it('agrees with an O(n^2) pair count', () => {
    const t = [4, 1, 7, 4, 2, 9, 7, 3, 4, 6, 1, 8];
    const e = [1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1];
    const x = [0.2, 1.1, -0.4, 0.2, 0.9, -1, 0.5, 0.2, 0.3, -0.1, 0.7, 0.2];
    let good = 0;
    let bad = 0;
    let tied = 0;
    for (let i = 0; i < t.length; i++) {
      for (let j = 0; j < t.length; j++) {
        const ti = t[i] ?? 0;
        const tj = t[j] ?? 0;
        // i is the earlier death; j outlives it (or is censored at the same time).
        if (e[i] !== 1 || !(tj > ti || (tj === ti && e[j] === 0))) continue;
        if ((x[i] ?? 0) > (x[j] ?? 0)) good++;
        else if ((x[i] ?? 0) < (x[j] ?? 0)) bad++;
        else tied++;
      }
    }
    const result = concordance(t, e, x);
    expect([result.concordant, result.discordant, result.tiedRisk]).toEqual([good, bad, tied]);
    expect(result.concordance).toBeCloseTo((good + tied / 2) / (good + bad + tied), 14);
  });
});
