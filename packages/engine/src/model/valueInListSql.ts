import { quoteLiteral } from '../duckdb/sql.ts';

type Scalar = string | number | boolean;

/**
 * SQL that is true when a value is one of a list given in YAML, comparing as the list's kind: numbers
 * numerically (so 1 matches 1.0), booleans as true/false, anything else as text. The list comes from
 * the product's own mapping, never from a request.
 */
export function valueInListSql(valueSql: string, values: readonly Scalar[]): string {
  if (values.length > 0 && values.every((value) => typeof value === 'number' && Number.isFinite(value))) {
    return `list_contains([${values.map((value) => String(value)).join(', ')}]::DOUBLE[], TRY_CAST(${valueSql} AS DOUBLE))`;
  }
  if (values.length > 0 && values.every((value) => typeof value === 'boolean')) {
    return `list_contains([${values.map((value) => quoteLiteral(String(value))).join(', ')}], lower(CAST(${valueSql} AS VARCHAR)))`;
  }
  return `list_contains([${values.map((value) => quoteLiteral(String(value))).join(', ')}], CAST(${valueSql} AS VARCHAR))`;
}
