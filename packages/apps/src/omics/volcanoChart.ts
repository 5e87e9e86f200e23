type Spec = { $schema: string } & Record<string, unknown>;

export interface VolcanoPoint {
  feature: string;
  name: string | null;
  log2FC: number;
  p: number;
  pAdjusted: number;
  significant: boolean;
}

/** Four significant digits: enough to draw and hover over, and a third of the size for 10⁴ points. */
const compact = (value: number): number | null =>
  Number.isFinite(value) ? Number(value.toPrecision(4)) : null;

/**
 * A volcano plot: log2 fold change against −log10 p, one point per tested feature, coloured by
 * significance at the chosen FDR. Every tested feature is drawn (a thinned plot hides how many
 * features move a little); p-values that underflow to 0 are drawn at the top of the finite range.
 * With 10⁴ points inline, each carries only what is drawn or shown on hover: the label of the colour
 * and p itself are computed by Vega from a flag and −log10 p, and names only when the feature has one.
 */
export function volcanoChart(
  points: VolcanoPoint[],
  labels: { group1: string; group2: string; fdr: number; foldChange: string },
): Spec {
  let highest = 0;
  for (const point of points) if (point.p > 0) highest = Math.max(highest, -Math.log10(point.p));
  const significantLabel = `FDR < ${labels.fdr}`;
  const named = points.some((point) => point.name !== null);
  const values = points.map((point) => ({
    feature: point.feature,
    ...(point.name !== null ? { name: point.name } : {}),
    log2FC: compact(point.log2FC),
    minusLog10P: compact(point.p > 0 ? -Math.log10(point.p) : highest),
    pAdjusted: compact(point.pAdjusted),
    significant: point.significant,
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: `Differential expression: ${labels.group1} vs ${labels.group2}`,
    description: `Volcano plot of ${points.length} features: ${labels.foldChange} against −log10 p (Welch t-test); colour marks Benjamini–Hochberg adjusted p below ${labels.fdr}.`,
    width: 560,
    height: 400,
    data: { values },
    transform: [
      {
        calculate: `datum.significant ? '${significantLabel}' : 'not significant'`,
        as: 'status',
      },
      { calculate: 'pow(10, -datum.minusLog10P)', as: 'p' },
    ],
    mark: { type: 'point', filled: true, size: 18, opacity: 0.6 },
    encoding: {
      x: {
        field: 'log2FC',
        type: 'quantitative',
        title: `${labels.foldChange} (${labels.group1} − ${labels.group2})`,
      },
      y: { field: 'minusLog10P', type: 'quantitative', title: '−log10 p' },
      color: {
        field: 'status',
        type: 'nominal',
        title: 'Significance',
        scale: { domain: [significantLabel, 'not significant'], range: ['#d62728', '#9e9e9e'] },
      },
      tooltip: [
        { field: 'feature', title: 'Feature' },
        ...(named ? [{ field: 'name', title: 'Name' }] : []),
        { field: 'log2FC', title: labels.foldChange, format: '.3f' },
        { field: 'p', title: 'p', format: '.3g' },
        { field: 'pAdjusted', title: 'Adjusted p (BH)', format: '.3g' },
      ],
    },
  };
}
