import { describe, expect, it } from 'vitest';
import { type Cell, pageOf, sortRows } from './tableRows.ts';

const rows: Cell[][] = [
  ['b', 10, true],
  ['a10', null, false],
  ['a2', 2, null],
  ['A1', 2, true],
];

describe('sortRows', () => {
  it('sorts numbers numerically, missing last, stable on ties', () => {
    expect(sortRows(rows, 1, 'ascending').map((row) => row[0])).toEqual(['a2', 'A1', 'b', 'a10']);
    expect(sortRows(rows, 1, 'descending').map((row) => row[0])).toEqual(['b', 'a2', 'A1', 'a10']);
  });
  it('sorts text naturally and case-insensitively', () => {
    expect(sortRows(rows, 0, 'ascending').map((row) => row[0])).toEqual(['A1', 'a2', 'a10', 'b']);
  });
  it('sorts booleans false first and leaves the input alone', () => {
    expect(sortRows(rows, 2, 'ascending').map((row) => row[0])).toEqual(['a10', 'b', 'A1', 'a2']);
    expect(rows[0]?.[0]).toBe('b');
  });
});

describe('pageOf', () => {
  const many = Array.from({ length: 60 }, (_, index) => index);
  it('cuts pages of the given size and clamps the page number', () => {
    expect(pageOf(many, 0, 25)).toMatchObject({ page: 0, pageCount: 3, first: 1, last: 25 });
    expect(pageOf(many, 2, 25)).toMatchObject({ page: 2, first: 51, last: 60 });
    expect(pageOf(many, 9, 25).page).toBe(2);
    expect(pageOf([], 0, 25)).toMatchObject({ page: 0, pageCount: 1, first: 0, last: 0, rows: [] });
  });
});
