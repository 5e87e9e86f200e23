import type { Mismatch } from './compare.ts';
import { type Spread, spread } from './stats.ts';
import type { Results, Task } from './tasks.ts';

export type Verdict = 'PASS' | 'FAIL' | 'SKIP';

export interface TaskSummary {
  name: Task['name'];
  label: string;
  target: string;
  ours: Spread & { timesMs: number[] };
  r: (Spread & { timesMs: number[] }) | null;
  /** Median ours / median R. */
  ratio: number | null;
  results: Results;
  rResults: Results | null;
  mismatches: Mismatch[];
  verdict: Verdict;
}

export interface TaskFigures {
  task: Task;
  oursMs: number[];
  results: Results;
  r: { timesMs: number[]; results: Results } | null;
  mismatches: Mismatch[];
}

/** Welch: every test together under this many milliseconds (median run). */
export const WELCH_LIMIT_MS = 200;

export function summarizeTask(figures: TaskFigures): TaskSummary {
  const { task, r, mismatches } = figures;
  const ours = { ...spread(figures.oursMs), timesMs: figures.oursMs };
  const rSpread = r ? { ...spread(r.timesMs), timesMs: r.timesMs } : null;
  const ratio = rSpread ? ours.median / rSpread.median : null;
  const agree = mismatches.length === 0;
  let target: string;
  let verdict: Verdict;
  if (task.name === 'welch') {
    target = `< ${WELCH_LIMIT_MS} ms`;
    verdict = ours.median < WELCH_LIMIT_MS && agree ? 'PASS' : 'FAIL';
  } else {
    target = '≤ 1× R';
    verdict = ratio === null ? 'SKIP' : ratio <= 1 && agree ? 'PASS' : 'FAIL';
  }
  return {
    name: task.name,
    label: task.label,
    target,
    ours,
    r: rSpread,
    ratio,
    results: figures.results,
    rResults: r?.results ?? null,
    mismatches,
    verdict,
  };
}
