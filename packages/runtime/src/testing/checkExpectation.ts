import type {
  Block,
  Cell,
  CountMatcher,
  NumberMatcher,
  ResultDocument,
  ResultExpectation,
  TableBlock,
} from '@plexus/spec';
import { didYouMean } from '@plexus/spec';

export interface ExpectationOutcome {
  pass: boolean;
  /** What was checked and what was found, e.g. "block log-rank: p 0.0712 is not below 0.05". */
  message: string;
}

/** A number as people read it in a message: integers whole, others to 6 significant digits. */
export function formatNumber(value: number, digits = 6): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(digits)));
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return 'missing (null)';
  if (typeof value === 'number') return formatNumber(value, 10);
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

/** Checks a number against a matcher: undefined when it holds, else what is wrong ("is not below 0.05"). */
export function checkNumber(found: unknown, matcher: NumberMatcher): { ok: boolean; text: string } {
  if (matcher === null)
    return found === null || found === undefined
      ? { ok: true, text: 'is missing (null), as expected' }
      : { ok: false, text: `is ${formatCell(found)}, expected missing (null)` };
  if (typeof found !== 'number')
    return {
      ok: false,
      text: `is ${formatCell(found)}, expected ${typeof matcher === 'number' ? formatNumber(matcher, 10) : 'a number'}`,
    };
  if (typeof matcher === 'number')
    return found === matcher
      ? { ok: true, text: `is ${formatNumber(found, 10)}` }
      : { ok: false, text: `is ${formatNumber(found, 10)}, expected ${formatNumber(matcher, 10)}` };
  if (matcher.equals !== undefined) {
    const expected = matcher.equals;
    const difference = Math.abs(found - expected);
    const allowed = Math.max(matcher.tolerance ?? 0, (matcher.relativeTolerance ?? 0) * Math.abs(expected));
    const within =
      matcher.relativeTolerance !== undefined && matcher.tolerance === undefined
        ? `within relative ${formatNumber(matcher.relativeTolerance)} of`
        : matcher.tolerance !== undefined && matcher.relativeTolerance === undefined
          ? `within ${formatNumber(matcher.tolerance)} of`
          : matcher.tolerance !== undefined
            ? `within ${formatNumber(matcher.tolerance)} or relative ${formatNumber(matcher.relativeTolerance ?? 0)} of`
            : 'equal to';
    return difference <= allowed
      ? { ok: true, text: `${formatNumber(found, 10)} is ${within} ${formatNumber(expected, 10)}` }
      : {
          ok: false,
          text: `${formatNumber(found, 10)} is not ${within} ${formatNumber(expected, 10)} (difference ${formatNumber(difference, 3)})`,
        };
  }
  if (matcher.between !== undefined) {
    const [low, high] = matcher.between;
    const inside = found >= low && found <= high;
    return {
      ok: inside,
      text: `${formatNumber(found)} is ${inside ? '' : 'not '}between ${formatNumber(low)} and ${formatNumber(high)}`,
    };
  }
  if (matcher.below !== undefined && !(found < matcher.below))
    return { ok: false, text: `${formatNumber(found)} is not below ${formatNumber(matcher.below)}` };
  if (matcher.above !== undefined && !(found > matcher.above))
    return { ok: false, text: `${formatNumber(found)} is not above ${formatNumber(matcher.above)}` };
  const bounds = [
    matcher.below !== undefined ? `below ${formatNumber(matcher.below)}` : undefined,
    matcher.above !== undefined ? `above ${formatNumber(matcher.above)}` : undefined,
  ].filter(Boolean);
  return { ok: true, text: `${formatNumber(found)} is ${bounds.join(' and ') || 'a number'}` };
}

export function checkCount(found: number, matcher: CountMatcher): { ok: boolean; text: string } {
  if (typeof matcher === 'number')
    return { ok: found === matcher, text: found === matcher ? `${found}` : `${found}, expected ${matcher}` };
  const { min, max } = matcher;
  if (min !== undefined && found < min) return { ok: false, text: `${found}, expected at least ${min}` };
  if (max !== undefined && found > max) return { ok: false, text: `${found}, expected at most ${max}` };
  const range =
    min !== undefined && max !== undefined
      ? `between ${min} and ${max}`
      : min !== undefined
        ? `at least ${min}`
        : `at most ${max}`;
  return { ok: true, text: `${found}, ${range}` };
}

const pass = (message: string): ExpectationOutcome => ({ pass: true, message });
const fail = (message: string): ExpectationOutcome => ({ pass: false, message });

function wrongType(id: string, what: string, wanted: string, block: Block): ExpectationOutcome {
  return fail(`block ${id}: ${what} checks a ${wanted} block, but ${id} is a ${block.type} block`);
}

function describeWhere(where: Record<string, unknown>): string {
  return Object.entries(where)
    .map(([column, value]) => `${column} = ${formatCell(value)}`)
    .join(' and ');
}

function columnIndex(table: TableBlock, column: string): number | string {
  const index = table.columns.findIndex((candidate) => candidate.id === column);
  if (index >= 0) return index;
  const ids = table.columns.map((candidate) => candidate.id);
  return `has no column '${column}'${didYouMean(column, ids)} (columns: ${ids.join(', ')})`;
}

function checkCell(id: string, table: TableBlock, check: ResultExpectation): ExpectationOutcome {
  const where = check.where ?? {};
  const column = check.column ?? '';
  const conditions: Array<[number, unknown]> = [];
  for (const [name, value] of Object.entries(where)) {
    const index = columnIndex(table, name);
    if (typeof index === 'string') return fail(`block ${id}: where: the table ${index}`);
    conditions.push([index, value]);
  }
  const target = columnIndex(table, column);
  if (typeof target === 'string') return fail(`block ${id}: column: the table ${target}`);
  const same = (cell: Cell | undefined, value: unknown) =>
    cell === value || (cell === null && value === null) || (typeof value === 'number' && cell === value);
  const matches = table.rows.filter((row) => conditions.every(([index, value]) => same(row[index], value)));
  const picked = `where ${describeWhere(where)}`;
  if (matches.length === 0) {
    const [firstIndex, firstValue] = conditions[0] ?? [0, undefined];
    const held = [...new Set(table.rows.map((row) => formatCell(row[firstIndex])))];
    const shown = held.length > 12 ? `${held.slice(0, 12).join(', ')}, …` : held.join(', ');
    const suggestion =
      typeof firstValue === 'string'
        ? didYouMean(
            firstValue,
            table.rows
              .map((row) => row[firstIndex])
              .filter((cell): cell is string => typeof cell === 'string'),
          )
        : '';
    return fail(
      `block ${id}: no row ${picked}${suggestion} (${table.columns[firstIndex]?.id} holds: ${shown || 'no rows'})`,
    );
  }
  if (matches.length > 1)
    return fail(
      `block ${id}: ${matches.length} rows match ${picked}; name more columns in where to pick one row`,
    );
  const cell = matches[0]?.[target];
  const label = `block ${id}: ${column} ${picked}`;
  if (check.equals !== undefined) {
    const ok = cell === check.equals;
    return ok
      ? pass(`${label} is ${formatCell(cell)}`)
      : fail(`${label} is ${formatCell(cell)}, expected ${formatCell(check.equals)}`);
  }
  const outcome = checkNumber(cell, check.value ?? null);
  return outcome.ok ? pass(`${label}: ${outcome.text}`) : fail(`${label}: ${outcome.text}`);
}

/** Rows of a chart's inline data: `spec.data.values`, or those of its first layer that has data. */
function chartDataRows(spec: Record<string, unknown>): number | undefined {
  const rowsOf = (part: unknown): number | undefined => {
    const values = (part as { data?: { values?: unknown } } | undefined)?.data?.values;
    return Array.isArray(values) ? values.length : undefined;
  };
  const top = rowsOf(spec);
  if (top !== undefined) return top;
  const layers = (spec as { layer?: unknown }).layer;
  if (Array.isArray(layers))
    for (const layer of layers) {
      const rows = rowsOf(layer);
      if (rows !== undefined) return rows;
    }
  return undefined;
}

/** Checks one expectation against a result document; the message says what was expected and what was found. */
export function checkExpectation(
  result: ResultDocument | undefined,
  check: ResultExpectation,
): ExpectationOutcome {
  const id = check.block;
  const blocks = result?.blocks ?? [];
  const block = blocks.find((candidate) => candidate.id === id);
  if (check.present !== undefined) {
    if (check.present) return block ? pass(`block ${id} is present`) : fail(missingBlock(id, blocks));
    return block
      ? fail(`block ${id}: expected no such block, but the result has a ${block.type} block ${id}`)
      : pass(`block ${id} is absent`);
  }
  if (!block) return fail(missingBlock(id, blocks));

  if (check.where !== undefined || check.column !== undefined) {
    if (block.type !== 'table') return wrongType(id, 'a cell (where, column)', 'table', block);
    return checkCell(id, block, check);
  }
  if (check.rows !== undefined) {
    if (block.type !== 'table') return wrongType(id, 'rows', 'table', block);
    const outcome = checkCount(block.rows.length, check.rows);
    return {
      pass: outcome.ok,
      message: `block ${id}: ${outcome.text.replace(/^\d+/, (n) => `${n} row${n === '1' ? '' : 's'}`)}`,
    };
  }
  if (check.contains !== undefined) {
    if (block.type !== 'markdown') return wrongType(id, 'contains', 'markdown', block);
    if (block.text.includes(check.contains)) return pass(`block ${id} contains '${check.contains}'`);
    const excerpt = block.text.length > 160 ? `${block.text.slice(0, 160)}…` : block.text;
    return fail(
      `block ${id}: text does not contain '${check.contains}' (it reads: '${excerpt.replace(/\s+/g, ' ')}')`,
    );
  }
  if (check.dataRows !== undefined) {
    if (block.type !== 'chart') return wrongType(id, 'dataRows', 'chart', block);
    const rows = chartDataRows(block.spec);
    if (rows === undefined) return fail(`block ${id}: the chart has no inline data (data.values)`);
    const outcome = checkCount(rows, check.dataRows);
    return {
      pass: outcome.ok,
      message: `block ${id}: ${outcome.text.replace(/^\d+/, (n) => `${n} data row${n === '1' ? '' : 's'}`)}`,
    };
  }
  for (const key of ['value', 'p', 'df'] as const) {
    const matcher = check[key];
    if (matcher === undefined) continue;
    if (block.type !== 'statistic') return wrongType(id, key, 'statistic', block);
    const outcome = checkNumber(block[key], matcher);
    return { pass: outcome.ok, message: `block ${id}: ${key} ${outcome.text}` };
  }
  if (check.ci !== undefined) {
    if (block.type !== 'statistic') return wrongType(id, 'ci', 'statistic', block);
    if (!block.ci) return fail(`block ${id}: the statistic has no confidence interval`);
    const texts: string[] = [];
    let ok = true;
    for (const key of ['lower', 'upper'] as const) {
      const matcher = check.ci[key];
      if (matcher === undefined) continue;
      const outcome = checkNumber(block.ci[key], matcher);
      ok &&= outcome.ok;
      texts.push(`ci ${key} ${outcome.text}`);
    }
    if (check.ci.level !== undefined) {
      const same = block.ci.level === check.ci.level;
      ok &&= same;
      texts.push(`ci level ${block.ci.level}${same ? '' : `, expected ${formatNumber(check.ci.level, 10)}`}`);
    }
    return { pass: ok, message: `block ${id}: ${texts.join('; ')}` };
  }
  return fail(`block ${id}: the expectation checks nothing`);
}

function missingBlock(id: string, blocks: readonly Block[]): string {
  const ids = blocks.map((candidate) => candidate.id);
  return `block ${id}: not in the result${didYouMean(id, ids)} (blocks: ${ids.join(', ') || 'none'})`;
}
