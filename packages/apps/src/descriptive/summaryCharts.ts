type Spec = { $schema: string } & Record<string, unknown>;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Bin edges on round numbers, about Sturges' number of bins (R's hist() default). */
function binEdges(min: number, max: number, n: number): number[] {
  if (min === max) return [min - 0.5, max + 0.5];
  const target = Math.ceil(Math.log2(n) + 1);
  const raw = (max - min) / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((multiple) => multiple * power >= raw) ?? 10) * power;
  const edges: number[] = [];
  for (let edge = Math.floor(min / step) * step; edge < max + step; edge += step)
    edges.push(Number(edge.toPrecision(12)));
  return edges;
}

/**
 * A histogram whose bins are counted here, so only counts (never individual values) go into the chart.
 * Bins are closed on the right like R's hist(), with the lowest bin closed on both sides.
 */
export function histogramChart(values: Float64Array, label: string, unit: string | undefined): Spec {
  const present = Array.from(values).filter((value) => !Number.isNaN(value));
  // A loop, not Math.min(...values): spreading a million values overflows the call stack.
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of present) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const edges = binEdges(min, max, present.length);
  const counts = new Array<number>(Math.max(1, edges.length - 1)).fill(0);
  for (const value of present) {
    let bin = edges.findIndex((edge, index) => index > 0 && value <= edge) - 1;
    if (bin < 0) bin = 0;
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  const data = counts.map((count, index) => ({ from: edges[index], to: edges[index + 1], count }));
  return {
    $schema: SCHEMA,
    description: `Distribution of ${label}`,
    width: 260,
    height: 140,
    data: { values: data },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: {
        field: 'from',
        type: 'quantitative',
        bin: { binned: true },
        title: unit ? `${label} (${unit})` : label,
      },
      x2: { field: 'to' },
      y: { field: 'count', type: 'quantitative', title: 'Count' },
    },
  };
}

export function countsChart(counts: Array<{ level: string; count: number }>, label: string): Spec {
  return {
    $schema: SCHEMA,
    description: `Counts of ${label}`,
    width: 260,
    height: { step: 22 },
    data: { values: counts },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'level', type: 'nominal', sort: null, title: label },
      x: { field: 'count', type: 'quantitative', title: 'Count' },
    },
  };
}
