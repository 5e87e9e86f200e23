import { InputError } from '@plexus/spec';

/**
 * Row values come back differently per backend: PostgreSQL gives Date for timestamptz and strings for
 * bigint, SQLite gives text and numbers. These turn both into the record types' shapes.
 */
export function isoFrom(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return new Date(value).toISOString();
  throw new TypeError(`expected a timestamp, found ${typeof value}`);
}

export function isoOrNullFrom(value: unknown): string | null {
  return value === null || value === undefined ? null : isoFrom(value);
}

export function textFrom(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`expected text, found ${typeof value}`);
  return value;
}

export function textOrNullFrom(value: unknown): string | null {
  return value === null || value === undefined ? null : textFrom(value);
}

export function numberFrom(value: unknown): number {
  const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n))
    throw new TypeError(`expected a number, found ${String(value)}`);
  return n;
}

/** SQLite has no boolean: 0/1 in, 0/1 out. */
export function booleanFrom(value: unknown): boolean {
  return value === true || value === 1 || value === 1n;
}

/**
 * Accepts any timestamp Date can parse and stores its canonical UTC form, so that SQLite, which keeps
 * text, orders and compares timestamps the same way PostgreSQL does.
 */
export function normalizeTimestamp(value: string, field: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InputError(`${field} is not a timestamp`, [
      { at: field, message: 'not a timestamp', found: value },
    ]);
  }
  return date.toISOString();
}

export function nowIso(): string {
  return new Date().toISOString();
}
