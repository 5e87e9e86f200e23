import { describe, expect, it } from 'vitest';
import { errorBody } from './errorBody.ts';

describe('errorBody', () => {
  it('has code, message and details, and copies only the fields a detail has', () => {
    expect(
      errorBody('NOT_FOUND', 'Gone.', [{ message: 'no such product', at: 'productId', found: undefined }]),
    ).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'Gone.',
        details: [{ message: 'no such product', at: 'productId' }],
      },
    });
    const detail = errorBody('X', 'm', [{ message: 'no' }]).error.details[0];
    expect(Object.keys(detail ?? {})).toEqual(['message']);
  });

  it('adds the error id only when given', () => {
    expect(errorBody('INTERNAL', 'Oops.', [], 'id-1').error.errorId).toBe('id-1');
    expect('errorId' in errorBody('INTERNAL', 'Oops.').error).toBe(false);
  });

  it('keeps the body small: at most 50 details, long found values described instead of echoed', () => {
    const many = Array.from({ length: 80 }, (_, i) => ({ message: `problem ${i}` }));
    expect(errorBody('INPUT_INVALID', 'Bad.', many).error.details).toHaveLength(50);
    const [detail] = errorBody('INPUT_INVALID', 'Bad.', [
      { message: 'too big', found: { rows: Array.from({ length: 1000 }, (_, i) => i) } },
    ]).error.details;
    expect(detail?.found).toBe('an object');
    const [short] = errorBody('INPUT_INVALID', 'Bad.', [
      { message: 'm', found: { a: 1 }, allowed: [1, 'x'.repeat(900)] },
    ]).error.details;
    expect(short?.found).toEqual({ a: 1 });
    expect(short?.allowed?.[1]).toMatch(/^'x+\.\.\.'$/);
  });
});
