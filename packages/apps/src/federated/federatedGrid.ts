import { InputError } from '@plexus/spec';

/** The longest grid a site builds (a smaller step is almost certainly a mistake of unit). */
export const MAX_GRID_LENGTH = 10_000;

/** The default grid step for an endpoint's unit: about a month. */
export function defaultGridStep(unit: string): number {
  const normalised = unit.trim().toLowerCase().replace(/s$/, '');
  const steps: Record<string, number> = { day: 30, week: 4, month: 1, year: 0.25 };
  const step = steps[normalised];
  if (step === undefined) {
    throw new InputError(`the endpoint is in ${unit}; set gridStep (the grid step, in ${unit})`, [
      { at: 'gridStep', message: 'required for this unit' },
    ]);
  }
  return step;
}

/**
 * The shared time grid of a federated Kaplan–Meier: 0, step, 2·step, … (each k·step rounded to 12
 * significant digits, so every site computes the same numbers).
 *
 * - With `end`, the grid runs up to the largest multiple of step ≤ end and depends on the
 *   parameters only: every site gets the same grid. Events after the last grid time count as
 *   censored there (riskTable's rule). This is the rule for federated runs.
 * - Without `end`, it runs up to the first multiple of step ≥ `maxTime`, the largest time of the
 *   site's data, so that nobody is cut off. Sites then have grids of different lengths but all
 *   prefixes of one sequence; since a site has nobody at risk after its own last grid time, the
 *   coordinator extends the shorter tables by rows of zeros, exactly. The length of the grid then
 *   tells the site's largest time to within one step: prefer `end` when that matters.
 */
export function federatedGrid(step: number, end: number | undefined, maxTime: number): number[] {
  if (!(Number.isFinite(step) && step > 0)) {
    throw new InputError(`gridStep is ${step}; it must be a number > 0`, [
      { at: 'gridStep', message: 'must be > 0', found: step },
    ]);
  }
  if (end !== undefined && !(Number.isFinite(end) && end >= 0)) {
    throw new InputError(`gridEnd is ${end}; it must be a number ≥ 0`, [
      { at: 'gridEnd', message: 'must be ≥ 0', found: end },
    ]);
  }
  // A small tolerance, so that an end of 0.3 with a step of 0.1 keeps 0.3.
  const last =
    end === undefined ? Math.max(0, Math.ceil(maxTime / step - 1e-9)) : Math.floor(end / step + 1e-9);
  if (last + 1 > MAX_GRID_LENGTH) {
    throw new InputError(
      `a grid step of ${step} gives ${last + 1} grid times, more than ${MAX_GRID_LENGTH}; choose a larger gridStep`,
      [{ at: 'gridStep', message: 'too small', found: step }],
    );
  }
  return Array.from({ length: last + 1 }, (_, k) => Number((k * step).toPrecision(12)));
}
