import { describe, expect, it } from 'vitest';
import { lineDiff } from './lineDiff.ts';

describe('lineDiff', () => {
  it('finds nothing between equal texts', () => {
    expect(lineDiff('a\nb', 'a\nb')).toEqual({ added: 0, removed: 0, lines: [] });
  });

  it('lists a line inserted in the middle, keeping the common head and tail', () => {
    expect(lineDiff('a\nb\nc', 'a\nb\nx\nc')).toEqual({ added: 1, removed: 0, lines: ['+ x'] });
  });

  it('aligns moved lines by their longest common subsequence, removals before additions', () => {
    expect(lineDiff('a\nb\nc\nd', 'b\nc\na\nd')).toEqual({ added: 1, removed: 1, lines: ['- a', '+ a'] });
    expect(lineDiff('x\ny', 'p\nq')).toEqual({ added: 2, removed: 2, lines: ['- x', '- y', '+ p', '+ q'] });
  });

  it('treats an empty text as one empty line', () => {
    expect(lineDiff('', 'a')).toEqual({ added: 1, removed: 1, lines: ['- ', '+ a'] });
  });
});
