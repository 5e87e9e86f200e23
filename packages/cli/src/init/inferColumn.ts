import type { ColumnType } from '@plexus/spec';
import { detectDateFormat } from './dateFormats.ts';
import { isNullToken } from './nullTokens.ts';

/** What init learned about one column of a file. */
export interface ColumnProfile {
  /** Header in the file. */
  header: string;
  type: ColumnType;
  /** strftime format of a date column that is not ISO 8601. */
  format?: string;
  /** Day-first was guessed for dates whose day and month are both ≤ 12. */
  ambiguousDate?: boolean;
  /** Booleans written 0/1: also a plausible event indicator. */
  zeroOne?: boolean;
  rows: number;
  missing: number;
  distinct: number;
  /** No value repeats and none is missing: a candidate key. */
  unique: boolean;
  /** Null tokens the column uses. */
  nullTokens: string[];
  /** Sorted distinct values of categories and booleans. */
  levels?: string[];
  min?: number;
  max?: number;
  /** The distinct non-missing values (for key and reference checks), as written. */
  values: Set<string>;
}

const INTEGER = /^[-+]?\d+$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const BOOLEAN_PAIRS: Array<[string, string]> = [
  ['true', 'false'],
  ['t', 'f'],
  ['yes', 'no'],
  ['y', 'n'],
];

/** A few distinct values relative to the rows: a category; otherwise free text. */
export function isFewDistinct(distinct: number, nonMissing: number): boolean {
  return distinct <= 20 && distinct <= Math.max(2, nonMissing / 2);
}

function booleanColumn(distinct: readonly string[]): boolean {
  const lower = new Set(distinct.map((value) => value.toLowerCase()));
  return BOOLEAN_PAIRS.some(([yes, no]) => [...lower].every((value) => value === yes || value === no));
}

/**
 * Infers the type of a column from every value: integer, number, boolean (true/false, yes/no, y/n,
 * t/f, 0/1), date (ISO and the common day-first, month-first and SAS formats), category when few
 * distinct values recur, else text. NA, empty, "." and NULL are missing values.
 */
export function inferColumn(header: string, raw: readonly string[]): ColumnProfile {
  const nullTokens = new Set<string>();
  const values: string[] = [];
  for (const value of raw) {
    if (isNullToken(value)) nullTokens.add(value.trim());
    else values.push(value.trim());
  }
  const distinctSet = new Set(values);
  const distinct = [...distinctSet];
  const profile: ColumnProfile = {
    header,
    type: 'text',
    rows: raw.length,
    missing: raw.length - values.length,
    distinct: distinct.length,
    unique: values.length === raw.length && distinct.length === values.length && raw.length > 0,
    nullTokens: [...nullTokens],
    values: distinctSet,
  };
  if (values.length === 0) return profile;

  const numbers = values.every((value) => NUMBER.test(value));
  const date = detectDateFormat(distinct, header);
  if (date && !(numbers && date.format !== '%Y%m%d')) {
    profile.type = 'date';
    if (date.format !== undefined) profile.format = date.format;
    if (date.ambiguous) profile.ambiguousDate = true;
    return profile;
  }
  if (distinct.every((value) => value === '0' || value === '1')) {
    profile.type = 'boolean';
    profile.zeroOne = true;
    profile.levels = distinct.sort();
    return profile;
  }
  if (numbers) {
    // Leading zeros ("007") are codes, not quantities.
    const codes = values.some((value) => /^[-+]?0\d/.test(value));
    if (!codes) {
      profile.type = values.every((value) => INTEGER.test(value)) ? 'integer' : 'number';
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const value of values) {
        const number = Number(value);
        if (number < min) min = number;
        if (number > max) max = number;
      }
      profile.min = min;
      profile.max = max;
      return profile;
    }
  }
  if (booleanColumn(distinct)) {
    profile.type = 'boolean';
    profile.levels = distinct.sort();
    return profile;
  }
  if (isFewDistinct(distinct.length, values.length)) {
    profile.type = 'category';
    profile.levels = distinct.sort((a, b) => a.localeCompare(b));
  }
  return profile;
}
