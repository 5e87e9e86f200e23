import { expect } from 'vitest';

/** A number that R may report as NA (null in the JSON references, NaN or null on our side). */
export type MaybeNumber = number | null | undefined;

function isMissing(value: MaybeNumber): boolean {
  return value === null || value === undefined || Number.isNaN(value);
}

/**
 * Why `actual` is not within relative `rel` of `expected` (null when it is). NA (null/undefined)
 * and NaN are interchangeable and only match each other; an expected 0 needs |actual| <= 1e-15.
 */
export function closeMismatch(actual: MaybeNumber, expected: MaybeNumber, rel = 1e-6): string | null {
  if (isMissing(expected) || isMissing(actual)) {
    return isMissing(expected) && isMissing(actual) ? null : `expected ${expected}, got ${actual}`;
  }
  const a = actual as number;
  const e = expected as number;
  if (a === e) return null;
  const diff = Math.abs(a - e);
  if (diff <= rel * Math.abs(e) || diff <= 1e-15) return null;
  return `expected ${e}, got ${a} (relative error ${(diff / Math.abs(e)).toExponential(2)})`;
}

/** Asserts that actual equals expected to relative `rel` (default 1e-6), with NA <-> NaN/null. */
export function expectClose(actual: MaybeNumber, expected: MaybeNumber, rel = 1e-6, label = 'value'): void {
  const mismatch = closeMismatch(actual, expected, rel);
  expect(mismatch, `${label}: ${mismatch}`).toBeNull();
}

/**
 * Collects mismatches over many comparisons so a golden test reports all of them at once;
 * `count` lets the test assert that it really compared what it meant to.
 */
export class CloseChecker {
  readonly mismatches: string[] = [];
  count = 0;

  constructor(private readonly rel = 1e-6) {}

  check(label: string, actual: MaybeNumber, expected: MaybeNumber): void {
    this.count++;
    const mismatch = closeMismatch(actual, expected, this.rel);
    if (mismatch) this.mismatches.push(`${label}: ${mismatch}`);
  }

  expectAllClose(): void {
    expect(this.mismatches.slice(0, 20), `${this.mismatches.length} of ${this.count} numbers differ`).toEqual(
      [],
    );
  }
}
