import type { AttributeCriterion, Cohort } from '@plexus/spec';
import { describeValue, didYouMean, type ErrorDetail, InputError } from '@plexus/spec';
import { quoteIdentifier } from '../duckdb/sql.ts';
import type { ManifestAttribute } from '../snapshot/Manifest.ts';

export interface CompiledCohort {
  /** A WHERE condition with $n placeholders; "true" for every entity. */
  where: string;
  /** One condition per top-level criterion (sharing `params`), for attrition tables. */
  conditions: string[];
  params: Array<string | number | boolean>;
}

const ORDERED = new Set(['integer', 'number', 'date']);
const SQL_COMPARISON: Record<string, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

function expectedValue(attribute: ManifestAttribute): string {
  switch (attribute.type) {
    case 'integer':
    case 'number':
      return 'a number';
    case 'date':
      return 'a date as YYYY-MM-DD';
    case 'boolean':
      return 'true or false';
    case 'category':
      return `one of ${(attribute.levels ?? []).join(', ')}`;
    case 'text':
      return 'a string';
  }
}

/** Checks one value against the attribute's type; returns the detail to report when it does not fit. */
function valueProblem(attribute: ManifestAttribute, value: unknown, at: string): ErrorDetail | undefined {
  const fail = (): ErrorDetail => ({
    at,
    message: `${at}: expected ${expectedValue(attribute)} for attribute '${attribute.id}', found ${describeValue(value)}`,
    expected: expectedValue(attribute),
    found: value,
    ...(attribute.type === 'category' ? { allowed: attribute.levels ?? [] } : {}),
  });
  switch (attribute.type) {
    case 'integer':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : fail();
    case 'date':
      return typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(Date.parse(value))
        ? undefined
        : fail();
    case 'boolean':
      return typeof value === 'boolean' ? undefined : fail();
    case 'category':
      return typeof value === 'string' && (attribute.levels ?? []).includes(value) ? undefined : fail();
    case 'text':
      return typeof value === 'string' ? undefined : fail();
  }
}

/**
 * Compiles a cohort to a parameterised condition. Attribute names are looked up in the model, and only
 * the model's own ids reach the SQL text; every value is a bound parameter.
 */
export function compileCohort(
  cohort: Cohort | undefined,
  attributes: readonly ManifestAttribute[],
  prefix = 'cohort',
): CompiledCohort {
  const byId = new Map(attributes.map((attribute) => [attribute.id, attribute]));
  const details: ErrorDetail[] = [];
  const conditions: string[] = [];
  const params: Array<string | number | boolean> = [];
  const bind = (value: string | number | boolean): string => {
    params.push(value);
    return `$${params.length}`;
  };
  (cohort?.all ?? []).forEach((criterion: AttributeCriterion, index) => {
    const at = `${prefix}.all[${index}]`;
    const attribute = byId.get(criterion.attribute);
    if (!attribute) {
      details.push({
        at: `${at}.attribute`,
        message: `${at}.attribute: unknown attribute '${criterion.attribute}'${didYouMean(criterion.attribute, byId.keys())}`,
        found: criterion.attribute,
        allowed: [...byId.keys()],
      });
      return;
    }
    const column =
      attribute.type === 'date'
        ? `CAST(${quoteIdentifier(attribute.id)} AS VARCHAR)`
        : quoteIdentifier(attribute.id);
    const op = criterion.op;
    if (op === 'missing' || op === 'present') {
      conditions.push(`${quoteIdentifier(attribute.id)} IS ${op === 'missing' ? '' : 'NOT '}NULL`);
      return;
    }
    const ordered = ORDERED.has(attribute.type);
    if ((['lt', 'lte', 'gt', 'gte', 'between'] as string[]).includes(op) && !ordered) {
      details.push({
        at: `${at}.op`,
        message: `${at}.op: '${op}' needs a number or date attribute, but '${attribute.id}' is ${attribute.type}; use eq, ne, in or notIn`,
        found: op,
        allowed: ['eq', 'ne', 'in', 'notIn', 'missing', 'present'],
      });
      return;
    }
    const values =
      op === 'in' || op === 'notIn' || op === 'between'
        ? criterion.values
        : criterion.value !== undefined
          ? [criterion.value]
          : undefined;
    const key = op === 'in' || op === 'notIn' || op === 'between' ? 'values' : 'value';
    if (!values || values.length === 0 || (op === 'between' && values.length !== 2)) {
      details.push({
        at: `${at}.${key}`,
        message: `${at}: '${op}' needs ${op === 'between' ? 'values: [low, high]' : key === 'values' ? 'a list of values' : 'a value'}`,
      });
      return;
    }
    const problems = values.map((value, valueIndex) =>
      valueProblem(attribute, value, key === 'values' ? `${at}.values[${valueIndex}]` : `${at}.value`),
    );
    const found = problems.filter((problem): problem is ErrorDetail => problem !== undefined);
    if (found.length > 0) {
      details.push(...found);
      return;
    }
    // Numbers travel as text cast to DOUBLE: bound as a JS number, 1e308 would be taken for an int64 and overflow.
    const numeric = attribute.type === 'integer' || attribute.type === 'number';
    const placeholders = values.map((value) =>
      numeric ? `CAST(${bind(String(value))} AS DOUBLE)` : bind(value),
    );
    if (op === 'between') conditions.push(`${column} BETWEEN ${placeholders[0]} AND ${placeholders[1]}`);
    else if (op === 'in' || op === 'notIn')
      conditions.push(`${column} ${op === 'in' ? 'IN' : 'NOT IN'} (${placeholders.join(', ')})`);
    else conditions.push(`${column} ${SQL_COMPARISON[op]} ${placeholders[0]}`);
  });
  if (details.length > 0)
    throw new InputError(`invalid cohort: ${details.map((detail) => detail.message).join('; ')}`, details);
  return {
    conditions,
    where: conditions.length > 0 ? conditions.map((condition) => `(${condition})`).join(' AND ') : 'true',
    params,
  };
}
