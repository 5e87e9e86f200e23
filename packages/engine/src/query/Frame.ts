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
  /** Attribute ids, or `endpoint:<id>` for a time-to-event pair. */
  columns: readonly string[];
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
