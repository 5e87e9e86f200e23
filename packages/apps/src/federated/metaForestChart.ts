type Spec = { $schema: string } & Record<string, unknown>;

export interface ForestRow {
  label: string;
  kind: 'site' | 'pooled';
  value: number;
  lower: number;
  upper: number;
  /** Fixed-effect weight in percent (sites only). */
  weight: number | null;
}

/**
 * A meta-analysis forest plot: one row per site with its confidence interval (square sized by its
 * weight), then the pooled fixed-effect and random-effects estimates as diamonds, and a dashed line
 * at no effect (1 on a log axis for ratios, 0 for differences).
 */
export function metaForestChart(
  rows: ForestRow[],
  options: { ratio: boolean; measure: string; percent: number },
): Spec {
  const y = { field: 'label', type: 'nominal', sort: null, title: null };
  const title = `${options.measure} (${options.percent}% CI${options.ratio ? ', log scale' : ''})`;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: `Forest plot: ${options.measure} by site with ${options.percent}% confidence intervals, and the pooled fixed-effect and random-effects estimates`,
    width: 420,
    height: { step: 26 },
    data: { values: rows },
    layer: [
      {
        mark: { type: 'rule', strokeDash: [4, 4], color: '#888' },
        encoding: { x: { datum: options.ratio ? 1 : 0 } },
      },
      {
        mark: { type: 'rule' },
        encoding: {
          y,
          x: {
            field: 'lower',
            type: 'quantitative',
            title,
            ...(options.ratio ? { scale: { type: 'log' } } : {}),
          },
          x2: { field: 'upper' },
        },
      },
      {
        mark: { type: 'point', filled: true },
        encoding: {
          y,
          x: { field: 'value', type: 'quantitative' },
          shape: {
            field: 'kind',
            type: 'nominal',
            scale: { domain: ['site', 'pooled'], range: ['square', 'diamond'] },
            legend: null,
          },
          size: {
            field: 'kind',
            type: 'nominal',
            scale: { domain: ['site', 'pooled'], range: [60, 180] },
            legend: null,
          },
          color: {
            field: 'kind',
            type: 'nominal',
            scale: { domain: ['site', 'pooled'], range: ['#4c78a8', '#e45756'] },
            legend: null,
          },
          tooltip: [
            { field: 'label', title: 'Site' },
            { field: 'value', title: options.measure, format: '.3f' },
            { field: 'lower', title: 'lower', format: '.3f' },
            { field: 'upper', title: 'upper', format: '.3f' },
            { field: 'weight', title: 'Weight (FE, %)', format: '.1f' },
          ],
        },
      },
    ],
  };
}
