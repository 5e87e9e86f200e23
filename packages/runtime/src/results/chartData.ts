/** Keys of a Vega-Lite view that hold nested views, each of which may carry its own inline data. */
const NESTED_VIEWS = ['layer', 'concat', 'hconcat', 'vconcat'] as const;

/** Stands for inline rows in the design, so that a change of data alone is not a change of design. */
const INLINE = 'inline';

export interface ChartData {
  /** Every inline data row of the spec: top level, layers, concatenations, facet/repeat specs, datasets. */
  rows: unknown[];
  /** The spec with each inline data array replaced by a marker: what remains is the chart's design. */
  design: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function withoutValues(data: unknown, rows: unknown[]): unknown {
  if (!isRecord(data) || !Array.isArray(data.values)) return data;
  rows.push(...data.values);
  return { ...data, values: INLINE };
}

function view(spec: unknown, rows: unknown[]): unknown {
  if (!isRecord(spec)) return spec;
  const design: Record<string, unknown> = { ...spec };
  if ('data' in spec) design.data = withoutValues(spec.data, rows);
  if (isRecord(spec.datasets)) {
    const datasets: Record<string, unknown> = {};
    for (const name of Object.keys(spec.datasets).sort()) {
      const values = spec.datasets[name];
      if (Array.isArray(values)) {
        rows.push(...values);
        datasets[name] = INLINE;
      } else datasets[name] = values;
    }
    design.datasets = datasets;
  }
  for (const key of NESTED_VIEWS) {
    const nested = spec[key];
    if (Array.isArray(nested)) design[key] = nested.map((inner) => view(inner, rows));
  }
  if (isRecord(spec.spec)) design.spec = view(spec.spec, rows);
  return design;
}

/** Splits a Vega-Lite spec into its inline data rows and the rest of it. */
export function chartData(spec: unknown): ChartData {
  const rows: unknown[] = [];
  const design = view(spec, rows);
  return { rows, design };
}
