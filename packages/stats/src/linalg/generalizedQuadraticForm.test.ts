import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/helpers/expectClose.ts';
import { generalizedQuadraticForm } from './generalizedQuadraticForm.ts';

describe('generalizedQuadraticForm', () => {
  it("equals x' V^-1 x for a full-rank matrix", () => {
    // V = [[4, 2], [2, 3]], V^-1 = [[3, -2], [-2, 4]] / 8; x = [1, 2] -> (3 - 8 + 16) / 8
    const { value, rank } = generalizedQuadraticForm(
      [
        [4, 2],
        [2, 3],
      ],
      [1, 2],
    );
    expectClose(value, 11 / 8, 1e-15);
    expect(rank).toBe(2);
  });

  it('uses a generalized inverse when the matrix is singular', () => {
    // V = v v' with v = [1, 2]; for x = c v the form is c^2 (x in the column space).
    const { value, rank } = generalizedQuadraticForm(
      [
        [1, 2],
        [2, 4],
      ],
      [3, 6],
    );
    expectClose(value, 9, 1e-12);
    expect(rank).toBe(1);
  });

  it('returns 0 for an all-zero matrix', () => {
    expect(generalizedQuadraticForm([[0]], [1])).toEqual({ value: 0, rank: 0 });
  });
});
