import { type ColumnType, describeValue, type Mapping, type Problem } from '@plexus/spec';
import { resolveColumnRef } from '../model/columnRefs.ts';
import type { DocumentPath, YamlFile } from '../yaml/YamlFile.ts';
import { problemAt } from './problemAt.ts';

const NUMERIC = new Set<ColumnType>(['integer', 'number']);

function columnType(mapping: Mapping, ref: string | undefined): ColumnType | undefined {
  if (ref === undefined) return undefined;
  const resolved = resolveColumnRef(mapping, ref);
  return 'error' in resolved ? undefined : resolved.column.type;
}

function kindOf(type: ColumnType): 'number' | 'boolean' | 'string' {
  return NUMERIC.has(type) ? 'number' : type === 'boolean' ? 'boolean' : 'string';
}

/**
 * Checks that values written in the mapping fit the type of what they apply to — range bounds on
 * numbers, accepted values and event codes of the column's kind, endpoint times that are numbers — so
 * that such slips are found by validate, not by a failing build.
 */
export function checkValueKinds(mapping: Mapping, file: YamlFile): Problem[] {
  const problems: Problem[] = [];
  const report = (path: DocumentPath, message: string) =>
    problems.push(problemAt(file, path, 'invalid-value', message));
  mapping.attributes.forEach((attribute, index) => {
    const type = columnType(mapping, attribute.column) ?? attribute.type;
    if (!type) return;
    (attribute.tests ?? []).forEach((test, testIndex) => {
      const path = ['attributes', index, 'tests', testIndex];
      if (typeof test !== 'object') return;
      if ('range' in test && !NUMERIC.has(type)) {
        report(
          path,
          `a range test needs a number or integer attribute, but '${attribute.id}' is ${type}; use accepted_values for categories`,
        );
      }
      if ('accepted_values' in test) {
        const wrong = test.accepted_values.filter((value) => typeof value !== kindOf(type));
        if (wrong.length > 0) {
          report(
            path,
            `accepted_values of ${type} attribute '${attribute.id}' must be ${kindOf(type)}s, found ${wrong.map(describeValue).join(', ')}`,
          );
        }
      }
    });
  });
  (mapping.endpoints ?? []).forEach((endpoint, index) => {
    const timeType = columnType(mapping, endpoint.time.column);
    if (timeType && !NUMERIC.has(timeType)) {
      report(
        ['endpoints', index, 'time', 'column'],
        `endpoint '${endpoint.id}': time column '${endpoint.time.column}' is ${timeType}; it must be a number or integer`,
      );
    }
    const eventType = columnType(mapping, endpoint.event.column);
    if (!eventType) return;
    for (const key of ['eventValues', 'censoredValues'] as const) {
      const wrong = endpoint.event[key].filter((value) => typeof value !== kindOf(eventType));
      if (wrong.length > 0) {
        report(
          ['endpoints', index, 'event', key],
          `endpoint '${endpoint.id}': ${key} must be ${kindOf(eventType)}s like the ${eventType} column '${endpoint.event.column}', found ${wrong.map(describeValue).join(', ')}`,
        );
      }
    }
  });
  return problems;
}
