type Spec = { $schema: string } & Record<string, unknown>;

export interface GroupedValue {
  id: string;
  group: string;
  value: number;
}

/**
 * Box plots (Tukey whiskers at 1.5 IQR) of a value by group with every entity drawn on top, spread
 * sideways by a fixed jitter — derived from the row, not random, so the same result draws the same
 * picture. Groups keep the model's level order.
 */
export function boxPlotChart(
  values: GroupedValue[],
  labels: { title: string; value: string; group: string; levels: string[] },
): Spec {
  const data = values.map((point, index) => ({
    id: point.id,
    group: point.group,
    value: point.value,
    // Golden-ratio sequence: evenly spread offsets in (−0.5, 0.5) without a random source.
    jitter: Number((((index * 0.6180339887498949) % 1) - 0.5).toFixed(3)),
  }));
  const x = {
    field: 'group',
    type: 'nominal',
    title: labels.group,
    sort: labels.levels,
    axis: { labelAngle: 0 },
  };
  const y = { field: 'value', type: 'quantitative', title: labels.value, scale: { zero: false } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: labels.title,
    width: { step: 70 },
    height: 340,
    data: { values: data },
    layer: [
      {
        mark: { type: 'boxplot', extent: 1.5, outliers: false, opacity: 0.5 },
        encoding: {
          x,
          y,
          color: { field: 'group', type: 'nominal', legend: null, scale: { domain: labels.levels } },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 22, color: '#333', opacity: 0.7 },
        encoding: {
          x,
          xOffset: { field: 'jitter', type: 'quantitative', scale: { domain: [-1.2, 1.2] } },
          y,
          tooltip: [
            { field: 'id', title: 'Id' },
            { field: 'group', title: labels.group },
            { field: 'value', title: labels.value, format: '.3f' },
          ],
        },
      },
    ],
  };
}
