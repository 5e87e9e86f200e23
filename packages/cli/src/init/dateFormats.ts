/**
 * Date formats init recognises, in strftime notation as the mapping's `format` takes them. ISO dates
 * (and ISO date-times with a space, which DuckDB casts to a date as they are) need no format.
 */
export interface DateFormat {
  /** undefined: ISO 8601, the default of the mapping. */
  format: string | undefined;
  /** Day and month could be either way round (every value has both ≤ 12): the user must check. */
  ambiguous?: boolean;
}

interface Pattern {
  regex: RegExp;
  /** The strftime format, or a function choosing between day-first and month-first. */
  format: string | undefined | ((values: readonly string[]) => DateFormat);
  /** Index of year, month and day among the regex groups (1-based); month may be a name. */
  parts: [number, number, number];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function dayOrMonthFirst(separator: string): (values: readonly string[]) => DateFormat {
  return (values) => {
    let firstOver12 = false;
    let secondOver12 = false;
    for (const value of values) {
      const [first = 0, second = 0] = value.split(separator).map(Number);
      if (first > 12) firstOver12 = true;
      if (second > 12) secondOver12 = true;
    }
    const dayFirst = `%d${separator}%m${separator}%Y`;
    const monthFirst = `%m${separator}%d${separator}%Y`;
    if (firstOver12 && !secondOver12) return { format: dayFirst };
    if (secondOver12 && !firstOver12) return { format: monthFirst };
    // Neither part ever exceeds 12: the day-first reading of most of the world is a guess to check.
    return { format: dayFirst, ambiguous: true };
  };
}

const PATTERNS: Pattern[] = [
  { regex: /^(\d{4})-(\d{2})-(\d{2})$/, format: undefined, parts: [1, 2, 3] },
  { regex: /^(\d{4})-(\d{2})-(\d{2}) \d{2}:\d{2}(:\d{2}(\.\d+)?)?$/, format: undefined, parts: [1, 2, 3] },
  { regex: /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}$/, format: '%Y-%m-%dT%H:%M:%S', parts: [1, 2, 3] },
  { regex: /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}$/, format: '%Y-%m-%dT%H:%M', parts: [1, 2, 3] },
  { regex: /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, format: '%Y/%m/%d', parts: [1, 2, 3] },
  { regex: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, format: dayOrMonthFirst('/'), parts: [3, 0, 0] },
  { regex: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, format: dayOrMonthFirst('.'), parts: [3, 0, 0] },
  { regex: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, format: dayOrMonthFirst('-'), parts: [3, 0, 0] },
  { regex: /^(\d{2})([A-Za-z]{3})(\d{4})$/, format: '%d%b%Y', parts: [3, 2, 1] },
  { regex: /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/, format: '%d-%b-%Y', parts: [3, 2, 1] },
  { regex: /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/, format: '%d %b %Y', parts: [3, 2, 1] },
];

/** Compact dates such as 20140102 are only dates when the column says so: otherwise they are numbers. */
const COMPACT: Pattern = { regex: /^(\d{4})(\d{2})(\d{2})$/, format: '%Y%m%d', parts: [1, 2, 3] };

function plausible(match: RegExpMatchArray, parts: [number, number, number]): boolean {
  const [y, m, d] = parts;
  if (y > 0) {
    const year = Number(match[y]);
    if (year < 1800 || year > 2200) return false;
  }
  if (m > 0) {
    const raw = match[m] ?? '';
    const month = /^\d+$/.test(raw) ? Number(raw) : MONTHS.indexOf(raw.toLowerCase()) + 1;
    if (month < 1 || month > 12) return false;
  }
  if (d > 0) {
    const day = Number(match[d]);
    if (day < 1 || day > 31) return false;
  }
  return true;
}

/** The one format every value is written in, or undefined when they are not all dates of one format. */
export function detectDateFormat(values: readonly string[], columnName = ''): DateFormat | undefined {
  if (values.length === 0) return undefined;
  const candidates = /date|dt$|_dt|day_of/i.test(columnName) ? [...PATTERNS, COMPACT] : PATTERNS;
  for (const pattern of candidates) {
    if (
      !values.every((value) => {
        const match = value.match(pattern.regex);
        return match !== null && plausible(match, pattern.parts);
      })
    )
      continue;
    return typeof pattern.format === 'function' ? pattern.format(values) : { format: pattern.format };
  }
  return undefined;
}
