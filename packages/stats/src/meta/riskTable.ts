import { StatsInputError } from '../StatsInputError.ts';

/**
 * A site's risk table on a grid of times shared by all sites: at each grid time, how many of its
 * subjects are at risk, how many events and how many censorings it attributes to that time. Plain
 * arrays, so that it travels as JSON.
 */
export interface RiskTable {
  time: number[];
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
}

/** A risk table as the pooling functions accept it (any array-likes of numbers). */
export interface RiskTableInput {
  readonly time: ArrayLike<number>;
  readonly nRisk: ArrayLike<number>;
  readonly nEvent: ArrayLike<number>;
  readonly nCensor: ArrayLike<number>;
}

/** Throws unless grid is a non-empty, strictly increasing array of finite numbers. */
export function checkGrid(grid: ArrayLike<number>, field: string): Float64Array {
  if (grid.length === 0) throw new StatsInputError(`${field} is empty; give at least one grid time`, field);
  const g = Float64Array.from(grid);
  for (let j = 0; j < g.length; j++) {
    if (!Number.isFinite(g[j]))
      throw new StatsInputError(`${field}[${j}] is ${g[j]}; grid times must be finite`, field);
    if (j > 0 && !((g[j] as number) > (g[j - 1] as number))) {
      throw new StatsInputError(
        `${field} must be strictly increasing, but ${field}[${j}] = ${g[j]} follows ${g[j - 1]}`,
        field,
      );
    }
  }
  return g;
}

/** Index of the first grid time >= t (grid.length when there is none). */
function firstAtOrAfter(grid: Float64Array, t: number): number {
  let lo = 0;
  let hi = grid.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((grid[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Builds a site's risk table on a shared `grid` from its own right-censored data (status 1/true =
 * event, 0/false = censored). It is exactly the table that R's survfit would give at the grid times
 * for the site's data coarsened to the grid:
 *
 * - an event at time T is moved to the first grid time >= T (events are binned to the interval
 *   (previous grid time, grid time] that ends at the grid time);
 * - a censoring at time C is moved to the last grid time <= C (a censored subject is credited only
 *   with the grid times it reached); subjects censored before the first grid time are at risk at
 *   no grid time and are left out;
 * - events after the last grid time count as censored at the last grid time.
 *
 * Then nRisk[j] = subjects whose coarsened time is >= grid[j], and nEvent[j], nCensor[j] are those
 * whose coarsened time is grid[j]. When the grid holds every distinct event time of the data,
 * nRisk and nEvent at each grid time equal survfit's n.risk and n.event there, so Kaplan–Meier and
 * log-rank statistics computed from the tables are exact.
 */
export function riskTable(
  time: ArrayLike<number>,
  status: ArrayLike<number | boolean>,
  grid: ArrayLike<number>,
): RiskTable {
  const g = checkGrid(grid, 'grid');
  if (status.length !== time.length) {
    throw new StatsInputError(
      `time has ${time.length} entries but status has ${status.length}; they must be parallel arrays with one entry per subject`,
      'status',
    );
  }
  const m = g.length;
  const nEvent = new Array<number>(m).fill(0);
  const nCensor = new Array<number>(m).fill(0);
  for (let i = 0; i < time.length; i++) {
    const t = time[i] as number;
    if (!(Number.isFinite(t) && t >= 0)) {
      throw new StatsInputError(
        `time[${i}] is ${t}; survival times must be finite and >= 0 (drop subjects with missing time first)`,
        'time',
      );
    }
    const s = status[i];
    let isEvent: boolean;
    if (s === 1 || s === true) isEvent = true;
    else if (s === 0 || s === false) isEvent = false;
    else {
      throw new StatsInputError(
        `status[${i}] is ${String(s)}; it must be 1/true (event) or 0/false (censored)`,
        'status',
      );
    }
    const j = firstAtOrAfter(g, t);
    if (isEvent) {
      if (j < m) nEvent[j] = (nEvent[j] as number) + 1;
      else nCensor[m - 1] = (nCensor[m - 1] as number) + 1;
    } else {
      const k = j < m && g[j] === t ? j : j - 1;
      if (k >= 0) nCensor[k] = (nCensor[k] as number) + 1;
    }
  }
  const nRisk = new Array<number>(m).fill(0);
  let atRisk = 0;
  for (let j = m - 1; j >= 0; j--) {
    atRisk += (nEvent[j] as number) + (nCensor[j] as number);
    nRisk[j] = atRisk;
  }
  return { time: Array.from(g), nRisk, nEvent, nCensor };
}

/** Validated risk tables as typed arrays, all on the grid of the first one. */
export interface CheckedRiskTables {
  grid: Float64Array;
  nRisk: Float64Array[];
  nEvent: Float64Array[];
  nCensor: Float64Array[];
}

/**
 * Checks that every table has the same grid (identical times) and parallel columns of finite,
 * non-negative counts with nEvent <= nRisk; `label(i)` names table i in messages.
 */
export function checkRiskTables(
  tables: readonly RiskTableInput[],
  field: string,
  label: (i: number) => string,
): CheckedRiskTables {
  if (tables.length === 0)
    throw new StatsInputError(`${field} is empty; give at least one site's risk table`, field);
  const first = tables[0] as RiskTableInput;
  const grid = checkGrid(first.time, `${label(0)}.time`);
  const m = grid.length;
  const out: CheckedRiskTables = { grid, nRisk: [], nEvent: [], nCensor: [] };
  tables.forEach((table, i) => {
    const name = label(i);
    if (table.time.length !== m || Array.from(table.time).some((t, j) => t !== grid[j])) {
      throw new StatsInputError(
        `${name}.time differs from ${label(0)}.time; all risk tables must be on the same shared grid`,
        field,
      );
    }
    const columns = { nRisk: table.nRisk, nEvent: table.nEvent, nCensor: table.nCensor };
    for (const [column, values] of Object.entries(columns)) {
      if (values.length !== m) {
        throw new StatsInputError(
          `${name}.${column} has ${values.length} entries for ${m} grid times; give one count per grid time`,
          field,
        );
      }
      for (let j = 0; j < m; j++) {
        const v = values[j] as number;
        if (!(Number.isFinite(v) && v >= 0)) {
          throw new StatsInputError(`${name}.${column}[${j}] is ${v}; counts must be finite and >= 0`, field);
        }
      }
    }
    for (let j = 0; j < m; j++) {
      if ((table.nEvent[j] as number) > (table.nRisk[j] as number)) {
        throw new StatsInputError(
          `${name} has ${table.nEvent[j]} events but only ${table.nRisk[j]} at risk at time ${grid[j]}; nEvent must not exceed nRisk`,
          field,
        );
      }
    }
    out.nRisk.push(Float64Array.from(table.nRisk));
    out.nEvent.push(Float64Array.from(table.nEvent));
    out.nCensor.push(Float64Array.from(table.nCensor));
  });
  return out;
}
