import { createHash } from 'node:crypto';

/**
 * Canonical JSON of a query: object keys sorted, no whitespace, `undefined` members dropped. Two
 * queries that differ only in key order get the same text, hence the same noise and the same
 * repeated-query counter. (Semantic equivalences — `all: [a, b]` against `all: [b, a]` — are the
 * caller's to normalise before this, e.g. with the cohort compiler's normalize phase.)
 */
export function canonicalQuery(query: unknown): string {
  return JSON.stringify(sortKeys(query)) ?? 'null';
}

/** sha256 (hex) of the canonical query. */
export function queryHash(query: unknown): string {
  return createHash('sha256').update(canonicalQuery(query)).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = sortKeys(member);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`A query cannot contain ${value}`);
  }
  return value;
}
