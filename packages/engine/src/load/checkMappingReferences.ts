import type { Mapping, Problem } from '@plexus/spec';
import { didYouMean } from '@plexus/spec';
import { resolveColumnRef } from '../model/columnRefs.ts';
import { endpointEventColumn, endpointTimeColumn } from '../model/EntityModel.ts';
import type { DocumentPath, YamlFile } from '../yaml/YamlFile.ts';
import { problemAt } from './problemAt.ts';

/** Names the build adds to the entity table itself. */
const RESERVED = new Set(['id']);

/**
 * Checks that everything the mapping names exists: sources, columns, ids. Pure: looks only at the
 * document (files and expressions are checked by their own passes).
 */
export function checkMappingReferences(mapping: Mapping, file: YamlFile): Problem[] {
  const problems: Problem[] = [];
  const report = (path: DocumentPath, code: Problem['code'], message: string, atKey = false) =>
    problems.push(problemAt(file, path, code as never, message, { atKey }));
  const sourceIds = Object.keys(mapping.sources);
  const checkRef = (path: DocumentPath, ref: string) => {
    const resolved = resolveColumnRef(mapping, ref);
    if ('error' in resolved) report(path, resolved.code, resolved.error);
  };

  if (!mapping.sources[mapping.entity.source]) {
    report(
      ['entity', 'source'],
      'unknown-source',
      `unknown source '${mapping.entity.source}'${didYouMean(mapping.entity.source, sourceIds)}`,
    );
    return problems;
  }
  const idColumn = mapping.entity.id.column;
  if (idColumn !== undefined) checkRef(['entity', 'id', 'column'], idColumn);

  (mapping.joins ?? []).forEach((join, index) => {
    if (!mapping.sources[join.source]) {
      report(
        ['joins', index, 'source'],
        'unknown-source',
        `unknown source '${join.source}'${didYouMean(join.source, sourceIds)}`,
      );
      return;
    }
    if (join.source === mapping.entity.source) {
      report(
        ['joins', index, 'source'],
        'invalid-value',
        `source '${join.source}' is the entity source; it cannot be joined to itself`,
      );
      return;
    }
    checkRef(['joins', index, 'on', 'left'], `${mapping.entity.source}.${join.on.left}`);
    checkRef(['joins', index, 'on', 'right'], `${join.source}.${join.on.right}`);
  });

  const seen = new Map<string, string>();
  const claim = (id: string, path: DocumentPath, what: string) => {
    const previous = seen.get(id);
    if (RESERVED.has(id))
      report(path, 'duplicate-id', `'${id}' is reserved for the entity id; choose another ${what} id`);
    else if (previous) report(path, 'duplicate-id', `duplicate id '${id}': already used by ${previous}`);
    else seen.set(id, `${what} at ${path.slice(0, 2).join('[')}]`);
  };

  mapping.attributes.forEach((attribute, index) => {
    const path = ['attributes', index];
    claim(attribute.id, [...path, 'id'], 'attribute');
    const hasColumn = attribute.column !== undefined;
    const hasExpression = attribute.expression !== undefined;
    if (hasColumn === hasExpression) {
      report(path, 'invalid-value', `attribute '${attribute.id}' needs exactly one of column or expression`);
    } else if (attribute.column !== undefined) {
      checkRef([...path, 'column'], attribute.column);
    } else if (attribute.type === undefined) {
      report(
        path,
        'missing-key',
        `attribute '${attribute.id}' is an expression and needs a type (integer, number, boolean, category, date or text)`,
      );
    }
    (attribute.tests ?? []).forEach((test, testIndex) => {
      if (typeof test === 'object' && 'relationships' in test && test.relationships) {
        const target = mapping.sources[test.relationships.source];
        const testPath = [...path, 'tests', testIndex, 'relationships'];
        if (!target) {
          report(
            [...testPath, 'source'],
            'unknown-source',
            `unknown source '${test.relationships.source}'${didYouMean(test.relationships.source, sourceIds)}`,
          );
        } else if (!target.columns[test.relationships.column]) {
          const names = Object.keys(target.columns);
          report(
            [...testPath, 'column'],
            'unknown-column',
            `unknown column '${test.relationships.column}' in source '${test.relationships.source}'${didYouMean(test.relationships.column, names)}`,
          );
        }
      }
    });
  });

  (mapping.endpoints ?? []).forEach((endpoint, index) => {
    const path = ['endpoints', index];
    claim(endpoint.id, [...path, 'id'], 'endpoint');
    claim(endpointTimeColumn(endpoint.id), [...path, 'id'], 'endpoint time column');
    claim(endpointEventColumn(endpoint.id), [...path, 'id'], 'endpoint event column');
    for (const part of ['time', 'event'] as const) {
      const spec = endpoint[part];
      if ((spec.column === undefined) === (spec.expression === undefined)) {
        report(
          [...path, part],
          'invalid-value',
          `endpoint '${endpoint.id}' ${part} needs exactly one of column or expression`,
        );
      } else if (spec.column !== undefined) {
        checkRef([...path, part, 'column'], spec.column);
      }
    }
  });

  for (const [sourceId, source] of Object.entries(mapping.sources)) {
    for (const [columnId, column] of Object.entries(source.columns)) {
      if (!column.values) continue;
      const numeric = column.type === 'integer' || column.type === 'number';
      for (const [code, value] of Object.entries(column.values)) {
        if (numeric && typeof value !== 'number') {
          report(
            ['sources', sourceId, 'columns', columnId, 'values', code],
            'bad-value-map',
            `column '${columnId}' is ${column.type}, so code '${code}' must map to a number, found '${String(value)}'`,
          );
        }
        if (column.type === 'boolean' && typeof value !== 'boolean') {
          report(
            ['sources', sourceId, 'columns', columnId, 'values', code],
            'bad-value-map',
            `column '${columnId}' is boolean, so code '${code}' must map to true or false, found '${String(value)}'`,
          );
        }
      }
    }
  }
  return problems;
}
