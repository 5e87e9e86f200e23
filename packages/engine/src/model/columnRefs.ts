import type { Mapping, SourceColumn } from '@plexus/spec';
import { didYouMean } from '@plexus/spec';

export interface ResolvedColumn {
  sourceId: string;
  columnId: string;
  column: SourceColumn;
}

/** Sources whose columns attributes may use: the entity source and the joined ones. */
export function sourcesInScope(mapping: Mapping): string[] {
  return [mapping.entity.source, ...(mapping.joins ?? []).map((join) => join.source)];
}

/** Resolves "column" (entity source) or "source.column"; the error names what exists instead. */
export function resolveColumnRef(
  mapping: Mapping,
  ref: string,
): ResolvedColumn | { error: string; code: 'unknown-source' | 'unknown-column' } {
  const [first, second] = ref.split('.');
  const sourceId = second === undefined ? mapping.entity.source : (first ?? '');
  const columnId = second ?? first ?? '';
  const inScope = sourcesInScope(mapping);
  if (!inScope.includes(sourceId)) {
    const declared = Object.keys(mapping.sources).includes(sourceId);
    return {
      code: 'unknown-source',
      error: declared
        ? `source '${sourceId}' is not joined to the entity source; add it under joins`
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
  return { sourceId, columnId, column };
}
