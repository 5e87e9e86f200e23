import { canonicalJson } from '@plexus/engine';
import type { ChartBlock, ChartChange } from '@plexus/spec';
import { chartData } from './chartData.ts';
import { textChangeIfDifferent } from './textChange.ts';

/** Two chart blocks with one id: inline data rows from → to, whether the data or the rest of the spec differ. */
export function compareCharts(a: ChartBlock, b: ChartBlock): ChartChange {
  const from = chartData(a.spec);
  const to = chartData(b.spec);
  const title = textChangeIfDifferent(a.title, b.title);
  return {
    id: a.id,
    type: 'chart',
    ...(title ? { title } : {}),
    dataRows: { from: from.rows.length, to: to.rows.length },
    dataChanged: canonicalJson(from.rows) !== canonicalJson(to.rows),
    specChanged: canonicalJson(from.design) !== canonicalJson(to.design),
  };
}
