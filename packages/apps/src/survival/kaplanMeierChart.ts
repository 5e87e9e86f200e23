import type { KaplanMeierStratum } from '@plexus/stats';

type Spec = { $schema: string } & Record<string, unknown>;

/**
 * A Vega-Lite KM plot: step curves starting at S(0) = 1, confidence bands as stepped areas, and a cross
 * at each censoring time. Data inline and aggregated (curve points only), so the chart can travel.
 */
export function kaplanMeierChart(
  strata: KaplanMeierStratum[],
  endpoint: { label: string; unit: string },
  groupLabel: string,
  percent: number,
): Spec {
  const curve: Array<Record<string, unknown>> = [];
  const censored: Array<Record<string, unknown>> = [];
  for (const stratum of strata) {
    curve.push({ group: stratum.stratum, time: 0, surv: 1, lower: 1, upper: 1 });
    stratum.time.forEach((time, index) => {
      const surv = stratum.surv[index];
      curve.push({
        group: stratum.stratum,
        time,
        surv,
        lower: stratum.lower[index],
        upper: stratum.upper[index],
      });
      if ((stratum.nCensor[index] ?? 0) > 0) censored.push({ group: stratum.stratum, time, surv });
    });
  }
  const x = { field: 'time', type: 'quantitative', title: `${endpoint.label} (${endpoint.unit})` };
  // Groups keep the model's level order (legend and colours), not the alphabetical one.
  const domain = strata.map((stratum) => stratum.stratum);
  const color = { field: 'group', type: 'nominal', title: groupLabel, scale: { domain } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: `Kaplan–Meier curves of ${endpoint.label} by ${groupLabel} with ${percent}% confidence bands; crosses mark censoring.`,
    width: 560,
    height: 340,
    // One legend for the three layers, drawn as solid strokes rather than the faint band colour.
    config: { legend: { symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 } },
    layer: [
      {
        data: { values: curve },
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.15 },
        encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' }, color },
      },
      {
        data: { values: curve },
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: {
          x,
          y: {
            field: 'surv',
            type: 'quantitative',
            title: 'Survival probability',
            scale: { domain: [0, 1] },
          },
          color,
          tooltip: [
            { field: 'group', title: groupLabel },
            { field: 'time', title: `Time (${endpoint.unit})` },
            { field: 'surv', title: 'Survival', format: '.3f' },
            { field: 'lower', title: `${percent}% CI lower`, format: '.3f' },
            { field: 'upper', title: `${percent}% CI upper`, format: '.3f' },
          ],
        },
      },
      {
        data: { values: censored },
        mark: { type: 'point', shape: 'cross', size: 40, filled: true },
        encoding: { x, y: { field: 'surv', type: 'quantitative' }, color },
      },
    ],
  };
}
