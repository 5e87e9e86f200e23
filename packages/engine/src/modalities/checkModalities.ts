import type { Mapping, Modality, Problem } from '@plexus/spec';
import { didYouMean } from '@plexus/spec';
import { problemAt } from '../load/problemAt.ts';
import type { DocumentPath, YamlFile } from '../yaml/YamlFile.ts';
import { modalityFields, modalityScope, resolveModalityField } from './modalityScope.ts';

/** Frame column prefixes with a meaning of their own: a modality may not take them as its id. */
const RESERVED_IDS = new Set(['endpoint']);
const NUMERIC = new Set(['integer', 'number']);

/** Which column types each field accepts (when it is a column; expressions are typed at build time). */
const FIELD_TYPES: Record<string, ReadonlySet<string> | undefined> = {
  time: new Set(['integer', 'number', 'date']),
  value: NUMERIC,
  pos: new Set(['integer']),
};

/**
 * Checks what a mapping's modalities name: sources, joined lookups, columns and their types, and that
 * each modality says exactly where its data comes from. Files are checked by their own pass.
 */
export function checkModalities(mapping: Mapping, file: YamlFile): Problem[] {
  const problems: Problem[] = [];
  const report = (path: DocumentPath, code: Problem['code'], message: string, atKey = false) =>
    problems.push(problemAt(file, path, code as never, message, { atKey }));
  const sourceIds = Object.keys(mapping.sources);
  const seen = new Set<string>();

  (mapping.modalities ?? []).forEach((modality, index) => {
    const at = (...rest: Array<string | number>): DocumentPath => ['modalities', index, ...rest];
    if (RESERVED_IDS.has(modality.id))
      report(
        at('id'),
        'duplicate-id',
        `'${modality.id}' is reserved (frame columns use endpoint:<id>); choose another modality id`,
      );
    else if (seen.has(modality.id))
      report(at('id'), 'duplicate-id', `duplicate modality id '${modality.id}'`);
    seen.add(modality.id);

    const exactlyOne = sourceChoice(modality);
    if (exactlyOne) {
      report(
        at(),
        'invalid-value',
        `${modality.kind} modality '${modality.id}' needs exactly one of ${exactlyOne}`,
      );
      return;
    }
    const scope = modalityScope(modality);
    if (!scope) return;
    const sourcePath =
      modality.kind === 'events' ? at('source') : at(modality.kind === 'matrix' ? 'long' : 'table', 'source');
    if (!mapping.sources[scope.source]) {
      report(
        sourcePath,
        'unknown-source',
        `unknown source '${scope.source}'${didYouMean(scope.source, sourceIds)}`,
      );
      return;
    }
    let joinsOk = true;
    scope.joins.forEach((join, joinIndex) => {
      const joined = mapping.sources[join.source];
      if (!joined) {
        report(
          at('joins', joinIndex, 'source'),
          'unknown-source',
          `unknown source '${join.source}'${didYouMean(join.source, sourceIds)}`,
        );
        joinsOk = false;
        return;
      }
      const own = mapping.sources[scope.source]?.columns ?? {};
      if (!own[join.on.left]) {
        report(
          at('joins', joinIndex, 'on', 'left'),
          'unknown-column',
          `unknown column '${join.on.left}' in source '${scope.source}'${didYouMean(join.on.left, Object.keys(own))}`,
        );
        joinsOk = false;
      }
      if (!joined.columns[join.on.right]) {
        report(
          at('joins', joinIndex, 'on', 'right'),
          'unknown-column',
          `unknown column '${join.on.right}' in source '${join.source}'${didYouMean(join.on.right, Object.keys(joined.columns))}`,
        );
        joinsOk = false;
      }
    });
    if (!joinsOk) return;
    for (const { name, path, field } of modalityFields(modality)) {
      const resolved = resolveModalityField(mapping, scope, field);
      if ('error' in resolved) {
        report(at(...path), resolved.code, `${modality.id}.${name}: ${resolved.error}`);
        continue;
      }
      const allowed = FIELD_TYPES[name === 'value' && modality.kind === 'events' ? 'value' : name];
      if (resolved.kind === 'column' && allowed && !allowed.has(resolved.column.type)) {
        report(
          at(...path),
          'invalid-value',
          `${modality.id}.${name}: column '${resolved.columnId}' is ${resolved.column.type}; ${name} needs ${[...allowed].join(' or ')}`,
        );
      }
    }
    if (modality.kind === 'events') {
      const time = resolveModalityField(mapping, scope, modality.time.value);
      if (
        !('error' in time) &&
        time.kind === 'column' &&
        time.column.type === 'date' &&
        modality.time.unit !== undefined
      ) {
        report(
          at('time', 'unit'),
          'invalid-value',
          `${modality.id}.time: '${time.columnId}' is a date, so events are timed by date and take no unit; remove unit`,
        );
      }
    }
  });

  (mapping.modalities ?? []).forEach((modality, index) => {
    if (modality.kind !== 'matrix' || !modality.features) return;
    const annotation = modality.features;
    const path: DocumentPath = ['modalities', index, 'features'];
    const source = mapping.sources[annotation.source];
    if (!source) {
      report(
        [...path, 'source'],
        'unknown-source',
        `unknown source '${annotation.source}'${didYouMean(annotation.source, sourceIds)}`,
      );
      return;
    }
    for (const key of ['id', 'name'] as const) {
      if (!source.columns[annotation[key]])
        report(
          [...path, key],
          'unknown-column',
          `unknown column '${annotation[key]}' in source '${annotation.source}'${didYouMean(annotation[key], Object.keys(source.columns))}`,
        );
    }
  });
  return problems;
}

/** The pair of keys of which a modality must have exactly one, when it has none or both. */
function sourceChoice(modality: Modality): string | undefined {
  if (modality.kind === 'matrix' && (modality.wide === undefined) === (modality.long === undefined))
    return 'wide (a matrix file) or long (a source)';
  if (modality.kind === 'variants' && (modality.vcf === undefined) === (modality.table === undefined))
    return 'vcf (a VCF file) or table (a source)';
  return undefined;
}
