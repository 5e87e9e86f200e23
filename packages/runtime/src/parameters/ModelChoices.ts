import type { ColumnType } from '@plexus/spec';

/** What parameter schemas need to know of a model: attribute ids with types and levels, endpoint ids. */
export interface ModelChoices {
  attributes: ReadonlyArray<{
    id: string;
    type: ColumnType;
    label?: string;
    levels?: readonly string[];
    /** The type could not be told (the mapping has problems there): do not judge it. */
    unresolved?: boolean;
  }>;
  endpoints: ReadonlyArray<{ id: string; label?: string }>;
  modalities?: ReadonlyArray<{ id: string; kind: 'events' | 'matrix' | 'variants'; label?: string }>;
}
