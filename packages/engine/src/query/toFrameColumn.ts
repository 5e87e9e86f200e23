import type { ManifestAttribute } from '../snapshot/Manifest.ts';
import type { FrameColumn } from './Frame.ts';

const toNumber = (value: unknown): number =>
  value === null || value === undefined ? Number.NaN : Number(value);

/** Converts DuckDB's JS values of one column into the typed frame representation. */
export function toFrameColumn(
  attribute: Pick<ManifestAttribute, 'type' | 'levels'> | { type: 'endpoint' },
  values: unknown[],
  events: unknown[] = [],
): FrameColumn {
  const length = values.length;
  switch (attribute.type) {
    case 'endpoint': {
      const time = Float64Array.from(values, toNumber);
      const event = Int8Array.from(events, (value) =>
        value === null || value === undefined ? -1 : value ? 1 : 0,
      );
      return { type: 'endpoint', time, event };
    }
    case 'integer':
    case 'number':
      return { type: attribute.type, values: Float64Array.from(values, toNumber) };
    case 'date':
      return { type: 'date', values: Float64Array.from(values, toNumber) };
    case 'boolean':
      return {
        type: 'boolean',
        values: Int8Array.from(values, (value) =>
          value === null || value === undefined ? -1 : value ? 1 : 0,
        ),
      };
    case 'category': {
      const levels = [...(attribute.levels ?? [])];
      const index = new Map(levels.map((level, position) => [level, position]));
      const codes = new Int32Array(length);
      values.forEach((value, row) => {
        if (value === null || value === undefined) {
          codes[row] = -1;
          return;
        }
        const text = String(value);
        let code = index.get(text);
        if (code === undefined) {
          code = levels.length;
          levels.push(text);
          index.set(text, code);
        }
        codes[row] = code;
      });
      return { type: 'category', codes, levels };
    }
    case 'text':
      return {
        type: 'text',
        values: values.map((value) => (value === null || value === undefined ? null : String(value))),
      };
  }
}
