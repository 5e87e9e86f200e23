import { describe, expect, it } from 'vitest';
import { ftsQuery } from './ftsQuery.ts';

describe('ftsQuery', () => {
  it('quotes every term, doubles quotes, and makes the last term a prefix', () => {
    expect(ftsQuery('lung cancer')).toBe('"lung" "cancer"*');
    expect(ftsQuery('say "hi"')).toBe('"say" """hi"""*');
    expect(ftsQuery('NEAR(a, b)')).toBe('"NEAR(a," "b)"*');
    expect(ftsQuery('  leuk  ')).toBe('"leuk"*');
  });

  it('drops terms with nothing to search, and gives null when none is left', () => {
    expect(ftsQuery('- * " ( )')).toBeNull();
    expect(ftsQuery('')).toBeNull();
    expect(ftsQuery('lung -')).toBe('"lung"*');
    expect(ftsQuery('肺癌')).toBe('"肺癌"*');
  });
});
