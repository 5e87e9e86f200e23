type Spec = { $schema: string } & Record<string, unknown>;

export interface EmbeddedPoint {
  id: string;
  x: number;
  y: number;
  group: string | null;
}

const MISSING = '(missing)';
const compact = (value: number): number => Number(value.toPrecision(6));

/**
 * One point per entity in two embedding coordinates, coloured by a category in the model's level
 * order (entities without a value grey, last), with the entity id and its group in the tooltip.
 */
export function embeddingScatter(
  points: EmbeddedPoint[],
  labels: { title: string; x: string; y: string; colour: string; levels: string[]; entity: string },
): Spec {
  const hasMissing = points.some((point) => point.group === null);
  const domain = [...labels.levels, ...(hasMissing ? [MISSING] : [])];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: labels.title,
    description: `${points.length} ${labels.entity} placed by ${labels.x} and ${labels.y}, coloured by ${labels.colour}.`,
    width: 520,
    height: 420,
    data: {
      values: points.map((point) => ({
        id: point.id,
        // Full precision: one point per entity is small, and the coordinates are results in their own right.
        x: point.x,
        y: point.y,
        group: point.group ?? MISSING,
      })),
    },
    mark: { type: 'point', filled: true, size: 50, opacity: 0.8 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: labels.x, scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', title: labels.y, scale: { zero: false } },
      color: { field: 'group', type: 'nominal', title: labels.colour, scale: { domain } },
      tooltip: [
        { field: 'id', title: 'Id' },
        { field: 'group', title: labels.colour },
        { field: 'x', title: labels.x, format: '.3f' },
        { field: 'y', title: labels.y, format: '.3f' },
      ],
    },
  };
}

/** Bars of the percentage of variance each of the first components explains, with the cumulative line. */
export function varianceChart(explained: ArrayLike<number>, shown: number): Spec {
  let cumulative = 0;
  const values = Array.from({ length: Math.min(shown, explained.length) }, (_, k) => {
    const percent = 100 * (explained[k] ?? 0);
    cumulative += percent;
    return {
      component: `PC${k + 1}`,
      order: k + 1,
      percent: compact(percent),
      cumulative: compact(cumulative),
    };
  });
  const x = {
    field: 'component',
    type: 'ordinal',
    title: 'Principal component',
    sort: { field: 'order' },
    axis: { labelAngle: 0 },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Variance explained by principal component',
    width: 480,
    height: 260,
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x,
          y: { field: 'percent', type: 'quantitative', title: 'Variance explained (%)' },
          tooltip: [
            { field: 'component', title: 'Component' },
            { field: 'percent', title: 'Variance (%)', format: '.2f' },
            { field: 'cumulative', title: 'Cumulative (%)', format: '.2f' },
          ],
        },
      },
      {
        mark: { type: 'line', point: true, color: '#444' },
        encoding: { x, y: { field: 'cumulative', type: 'quantitative' } },
      },
    ],
  };
}
