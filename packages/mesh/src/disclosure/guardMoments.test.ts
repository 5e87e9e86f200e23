import { describe, expect, it } from 'vitest';
import { resolveDisclosurePolicy } from './DisclosurePolicy.ts';
import { guardMoments } from './guardMoments.ts';

const policy = resolveDisclosurePolicy({ minCellCount: 5 });
const group = (name: string, n: number) => ({ group: name, n, sum: n * 10, sumOfSquares: n * 110 });

describe('guardMoments', () => {
  it('publishes groups at or above the threshold untouched', () => {
    const groups = [group('a', 5), group('b', 20)];
    expect(guardMoments(groups, policy)).toEqual([
      { group: 'a', moments: groups[0] },
      { group: 'b', moments: groups[1] },
    ]);
  });

  it('withholds a small group and, in a partition, the smallest other one with it', () => {
    const result = guardMoments([group('a', 3), group('b', 40), group('c', 12)], policy);
    expect(result[0]).toEqual({
      group: 'a',
      suppressed: { suppressed: true, reason: 'primary', label: '<5' },
    });
    expect(result[1]).toMatchObject({ moments: { n: 40 } });
    expect(result[2]).toMatchObject({ suppressed: { reason: 'secondary' } });
  });

  it('needs no partner when two groups are small, and none for groups that do not partition', () => {
    const two = guardMoments([group('a', 3), group('b', 2), group('c', 12)], policy);
    expect(two.map((g) => ('suppressed' in g ? g.suppressed.reason : 'published'))).toEqual([
      'primary',
      'primary',
      'published',
    ]);
    const overlapping = guardMoments([group('a', 3), group('b', 40)], policy, { partition: false });
    expect(overlapping[1]).toMatchObject({ moments: { n: 40 } });
  });

  it('publishes empty groups: they reveal no one', () => {
    const result = guardMoments([group('a', 0), group('b', 40), group('c', 50)], policy);
    expect(result.every((g) => 'moments' in g)).toBe(true);
  });

  it('rejects a bad n', () => {
    expect(() => guardMoments([group('a', -1)], policy)).toThrow(RangeError);
  });
});
