import type { FieldRef, Mapping, Modality, SourceColumn } from '@plexus/spec';
import { didYouMean } from '@plexus/spec';
import { quoteIdentifier } from '../duckdb/sql.ts';

/** The sources a modality reads: its own source plus the lookups joined to it. */
export interface ModalityScope {
  /** The source with one row per record (event, matrix cell, variant). */
  source: string;
  joins: Array<{ source: string; on: { left: string; right: string } }>;
}

export function modalityScope(modality: Modality): ModalityScope | undefined {
  if (modality.kind === 'events') return { source: modality.source, joins: modality.joins ?? [] };
  if (modality.kind === 'matrix')
    return modality.long ? { source: modality.long.source, joins: [] } : undefined;
  return modality.table ? { source: modality.table.source, joins: [] } : undefined;
}

export type ResolvedField =
  | { kind: 'column'; sql: string; column: SourceColumn; sourceId: string; columnId: string }
  | { kind: 'expression'; sql: string };

/** Resolves a field ("column", "joined.column" or {expression}) inside a modality's scope. */
export function resolveModalityField(
  mapping: Mapping,
  scope: ModalityScope,
  field: FieldRef,
): ResolvedField | { error: string; code: 'unknown-source' | 'unknown-column' } {
  if (typeof field !== 'string') return { kind: 'expression', sql: `(${field.expression})` };
  const [first, second] = field.split('.');
  const sourceId = second === undefined ? scope.source : (first ?? '');
  const columnId = second ?? first ?? '';
  const inScope = [scope.source, ...scope.joins.map((join) => join.source)];
  if (!inScope.includes(sourceId)) {
    return {
      code: 'unknown-source',
      error: Object.keys(mapping.sources).includes(sourceId)
        ? `source '${sourceId}' is not joined to '${scope.source}'; add it under the modality's joins`
        : `unknown source '${sourceId}'${didYouMean(sourceId, inScope)}`,
    };
  }
  const source = mapping.sources[sourceId];
  const column = source?.columns[columnId];
  if (!source || !column) {
    const names = Object.keys(source?.columns ?? {});
    return {
      code: 'unknown-column',
      error: `unknown column '${columnId}' in source '${sourceId}'${didYouMean(columnId, names)} (declared: ${names.join(', ')})`,
    };
  }
  return {
    kind: 'column',
    sql: `${quoteIdentifier(sourceId)}.${quoteIdentifier(columnId)}`,
    column,
    sourceId,
    columnId,
  };
}

/** Every field a modality declares, with its path in the mapping, for validation and SQL building. */
export function modalityFields(modality: Modality): Array<{ name: string; path: string[]; field: FieldRef }> {
  const fields: Array<{ name: string; path: string[]; field: FieldRef }> = [];
  const add = (name: string, path: string[], field: FieldRef | undefined) => {
    if (field !== undefined) fields.push({ name, path, field });
  };
  if (modality.kind === 'events') {
    add('entity', ['entity'], modality.entity);
    add('time', ['time', 'value'], modality.time.value);
    for (const name of ['name', 'code', 'group', 'value', 'text', 'unit'] as const)
      add(name, [name], modality[name]);
  } else if (modality.kind === 'matrix' && modality.long) {
    for (const name of ['entity', 'feature', 'value'] as const)
      add(name, ['long', name], modality.long[name]);
  } else if (modality.kind === 'variants' && modality.table) {
    for (const name of ['entity', 'chrom', 'pos', 'ref', 'alt', 'gene', 'consequence', 'genotype'] as const)
      add(name, ['table', name], modality.table[name]);
  }
  return fields;
}
