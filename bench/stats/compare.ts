import type { Results } from './tasks.ts';

export interface Mismatch {
  name: string;
  ours: number;
  r: number;
}

function agrees(ours: number, r: number, tolerance: number): boolean {
  if (Number.isNaN(ours) && Number.isNaN(r)) return true;
  return Math.abs(ours - r) <= tolerance * Math.max(Math.abs(r), Number.MIN_VALUE);
}

/** Every figure R printed must be among ours and agree within the relative tolerance. */
export function compareResults(ours: Results, r: Results, tolerance: number): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (const [name, value] of Object.entries(r)) {
    const mine = ours[name] ?? Number.NaN;
    if (!agrees(mine, value, tolerance)) mismatches.push({ name, ours: mine, r: value });
  }
  if (Object.keys(r).length === 0) mismatches.push({ name: '(R printed no results)', ours: 0, r: 0 });
  return mismatches;
}
