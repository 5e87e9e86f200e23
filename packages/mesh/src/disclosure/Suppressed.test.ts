import { describe, expect, it } from 'vitest';
import { complementarySuppression } from './complementarySuppression.ts';
import { isSuppressed, suppressed } from './Suppressed.ts';

describe('suppressed', () => {
  it('labels primary suppressions with the threshold and secondary ones without a value', () => {
    expect(suppressed('primary', 11)).toEqual({ suppressed: true, reason: 'primary', label: '<11' });
    expect(suppressed('secondary', 11).label).toBe('suppressed');
  });

  it('tells markers from counts', () => {
    expect(isSuppressed(suppressed('primary', 5))).toBe(true);
    for (const value of [0, 7, null, undefined, { suppressed: false }, 'x'])
      expect(isSuppressed(value)).toBe(false);
  });
});

describe('complementarySuppression', () => {
  it('adds the smallest non-empty partner to a lone small group of a partition', () => {
    expect(complementarySuppression([3, 40, 0, 12], 5, true)).toEqual([
      'primary',
      undefined,
      undefined,
      'secondary',
    ]);
    expect(complementarySuppression([3, 40, 0, 12], 5, false)).toEqual([
      'primary',
      undefined,
      undefined,
      undefined,
    ]);
    expect(complementarySuppression([3, 4, 40], 5, true)).toEqual(['primary', 'primary', undefined]);
    expect(complementarySuppression([3, 0], 5, true)).toEqual(['primary', undefined]);
  });
});
