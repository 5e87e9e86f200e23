import { describe, expect, it } from 'vitest';
import { mergeNearTies } from './mergeNearTies.ts';

describe('mergeNearTies (R aeqSurv)', () => {
  it('maps runs of near-equal times to the smallest value of the run', () => {
    const merged = mergeNearTies(Float64Array.from([0.1 + 0.2, 0.3, 2, 1, 1 + 1e-12]));
    expect(Array.from(merged)).toEqual([0.3, 0.3, 2, 1, 1]);
  });

  it('returns the same array when all distinct times are well separated', () => {
    const times = Float64Array.from([1, 2, 2, 3.5]);
    expect(mergeNearTies(times)).toBe(times);
  });

  it('uses a tolerance relative to the mean absolute time for large times', () => {
    const merged = mergeNearTies(Float64Array.from([1e9, 1e9 + 1, 5e8]));
    expect(Array.from(merged)).toEqual([1e9, 1e9, 5e8]);
  });
});
