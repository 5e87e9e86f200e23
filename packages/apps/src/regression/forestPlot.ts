type Spec = { $schema: string } & Record<string, unknown>;

/** A forest plot of hazard ratios with their confidence intervals on a log axis, a line at HR = 1. */
export function forestPlot(
  rows: Array<{ label: string; hr: number; lower: number; upper: number }>,
  percent: number,
): Spec {
  const y = { field: 'label', type: 'nominal', sort: null, title: null };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: `Hazard ratios with ${percent}% confidence intervals`,
    width: 420,
    height: { step: 26 },
    data: { values: rows },
    layer: [
      { mark: { type: 'rule', strokeDash: [4, 4], color: '#888' }, encoding: { x: { datum: 1 } } },
      {
        mark: { type: 'rule' },
        encoding: {
          y,
          x: {
            field: 'lower',
            type: 'quantitative',
            scale: { type: 'log' },
            title: `Hazard ratio (${percent}% CI, log scale)`,
          },
          x2: { field: 'upper' },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          y,
          x: { field: 'hr', type: 'quantitative' },
          tooltip: [
            { field: 'label', title: 'Term' },
            { field: 'hr', title: 'HR', format: '.3f' },
            { field: 'lower', title: 'lower', format: '.3f' },
            { field: 'upper', title: 'upper', format: '.3f' },
          ],
        },
      },
    ],
  };
}
