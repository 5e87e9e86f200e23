import type { Block, ResultDocument } from '@plexus/spec';
import { expect } from 'vitest';

/** Relative closeness to R's number (1e-6, or looser for numbers R printed rounded), NA matched by null. */
export function expectClose(actual: unknown, expected: unknown, where: string, tolerance = 1e-6): void {
  if (expected === null || expected === undefined) {
    expect(actual, where).toBeNull();
    return;
  }
  expect(typeof actual, where).toBe('number');
  const scale = Math.max(Math.abs(expected as number), 1e-300);
  expect(
    Math.abs((actual as number) - (expected as number)) / scale,
    `${where}: ${actual} vs R ${expected}`,
  ).toBeLessThanOrEqual(tolerance);
}

export function block<T extends Block>(result: ResultDocument | undefined, id: string): T {
  const found = result?.blocks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`result has no block ${id}`);
  return found as T;
}
