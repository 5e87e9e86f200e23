import { describe, expect, it } from 'vitest';
import { htmlPattern, matchesPattern } from './pattern.ts';

describe('pattern', () => {
  it('checks a schema pattern as JSON Schema does: a match anywhere, unless anchored', () => {
    expect(matchesPattern('id-42', '\\d+')).toBe(true);
    expect(matchesPattern('id-42', '^\\d+$')).toBe(false);
    expect(matchesPattern('anything', '(')).toBe(true);
  });

  it('gives an input pattern that, matched against the whole value, accepts the same values', () => {
    const whole = (pattern: string, value: string) =>
      new RegExp(`^(?:${htmlPattern(pattern)})$`, 'v').test(value);
    expect(whole('\\d+', 'id-42')).toBe(true);
    expect(whole('^\\d+$', 'id-42')).toBe(false);
    expect(whole('^\\d+$', '42')).toBe(true);
  });
});
