import type { ColumnType, Mapping } from '@plexus/spec';
import { resolveColumnRef } from './columnRefs.ts';
import { declaredLevels } from './declaredLevels.ts';

/**
 * The attribute ids, types and declared levels a mapping promises, read without building — enough to
 * check protocols against, even when other parts of the mapping still have problems.
 */
export function modelChoicesFromMapping(mapping: Mapping): {
  attributes: Array<{ id: string; type: ColumnType; label: string; levels?: string[]; unresolved?: boolean }>;
  endpoints: Array<{ id: string; label: string }>;
  modalities: Array<{ id: string; kind: 'events' | 'matrix' | 'variants'; label: string }>;
} {
  const attributes = mapping.attributes.map((attribute) => {
    const resolved = attribute.column !== undefined ? resolveColumnRef(mapping, attribute.column) : undefined;
    const column = resolved && !('error' in resolved) ? resolved.column : undefined;
    const type: ColumnType = column?.type ?? attribute.type ?? 'text';
    const levels = declaredLevels(attribute, column);
    const unresolved = attribute.column !== undefined && column === undefined;
    return {
      id: attribute.id,
      type,
      label: attribute.label,
      ...(levels ? { levels } : {}),
      ...(unresolved ? { unresolved } : {}),
    };
  });
  return {
    attributes,
    endpoints: (mapping.endpoints ?? []).map((endpoint) => ({ id: endpoint.id, label: endpoint.label })),
    modalities: (mapping.modalities ?? []).map((modality) => ({
      id: modality.id,
      kind: modality.kind,
      label: modality.label,
    })),
  };
}
