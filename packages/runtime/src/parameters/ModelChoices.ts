import type { ColumnType } from '@plexus/spec';

/** What parameter schemas need to know of a model: attribute ids with types and levels, endpoint ids. */
export interface ModelChoices {
  attributes: ReadonlyArray<{ id: string; type: ColumnType; label?: string; levels?: readonly string[] }>;
  endpoints: ReadonlyArray<{ id: string; label?: string }>;
}
