import type { Cohort } from '@plexus/spec';

/**
 * What an algorithm receives: columns for the entities of a cohort, typed and columnar, in entity-id
 * order. Missing values: NaN in numbers and dates, -1 in category codes and booleans, null in text.
 */
export type FrameColumn =
  | { type: 'integer' | 'number'; values: Float64Array }
  | { type: 'date' /** days since 1970-01-01 */; values: Float64Array }
  | { type: 'category'; codes: Int32Array; levels: string[] }
  | { type: 'boolean'; values: Int8Array }
  | { type: 'text'; values: Array<string | null> }
  | { type: 'endpoint'; time: Float64Array /** 1 event, 0 censored, -1 missing */; event: Int8Array };

export interface Frame {
  ids: string[];
  length: number;
  columns: Record<string, FrameColumn>;
}

export interface FrameRequest {
  cohort?: Cohort;
  /**
   * Attribute ids; `endpoint:<id>` for a time-to-event pair; `<matrix>:<feature>` for a feature's values
   * (number, NaN where not measured); `<variants>:<gene>` for whether the entity carries a variant in
   * the gene (boolean); `<events>:<name>` for how many events of that name the entity has (integer).
   * `matrix:` and `variant:` (or `variants:`) stand for the product's only modality of that kind.
   */
  columns: readonly string[];
}

/** A block of a matrix modality: features × entities, row-major, for the entities of a cohort. */
export interface MatrixSlice {
  modality: string;
  /** Feature ids, one per row. */
  features: string[];
  /** Feature names (e.g. gene symbols) where the modality has them. */
  names: Array<string | null>;
  /** Entity ids, one per column, in entity-id order. */
  ids: string[];
  /** values[f * ids.length + e]; NaN where not measured. */
  values: Float64Array;
}

export interface MatrixRequest {
  /** A matrix modality id; default the product's only matrix modality. */
  modality?: string;
  cohort?: Cohort;
  /** Feature ids or unique names; default every feature (in feature-id order). */
  features?: readonly string[];
}

/** Events of a modality for the entities of a cohort, columnar, ordered by entity id then time. */
export interface EventTable {
  modality: string;
  length: number;
  /** Entity id of each event. */
  ids: string[];
  /** Days from the origin, or days since 1970-01-01 for dated events; NaN when unknown. */
  time: Float64Array;
  timeKind: 'offset' | 'date';
  name: Array<string | null>;
  code: Array<string | null>;
  group: Array<string | null>;
  value: Float64Array;
  text: Array<string | null>;
  unit: Array<string | null>;
}

export interface EventsRequest {
  modality: string;
  cohort?: Cohort;
  /** Keep only events with these names. */
  names?: readonly string[];
}

/** The typed arrays of a frame, for zero-copy transfer to a worker thread. */
export function frameTransferables(frame: Frame): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const column of Object.values(frame.columns)) {
    if (column.type === 'category') buffers.push(column.codes.buffer as ArrayBuffer);
    else if (column.type === 'endpoint')
      buffers.push(column.time.buffer as ArrayBuffer, column.event.buffer as ArrayBuffer);
    else if (column.type !== 'text') buffers.push(column.values.buffer as ArrayBuffer);
  }
  return buffers;
}
