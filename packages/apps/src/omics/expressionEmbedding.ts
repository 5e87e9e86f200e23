import type { PluginContext } from '@plexus/runtime';
import { type Cell, type Cohort, InputError, type PluginOutput } from '@plexus/spec';
import { StatsInputError, umap } from '@plexus/stats';
import { embeddingScatter, varianceChart } from './embeddingCharts.ts';
import { entityGroups } from './entityGroups.ts';
import { matrixModality } from './matrixModality.ts';
import { principalComponents } from './principalComponents.ts';
import { topVariableFeatures } from './topVariableFeatures.ts';

/** Components shown in the variance table and chart. */
const SHOWN_COMPONENTS = 10;

const percent = (value: number | undefined): string => `${(100 * (value ?? Number.NaN)).toFixed(1)}%`;

/** Statistical routines reject degenerate input with a message meant for the user: pass it on as such. */
function asInputError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof StatsInputError) throw new InputError(error.message);
    throw error;
  }
}

/**
 * A map of the entities by their expression profiles: PCA — or UMAP, seeded and reproducible — of the
 * most variable features of a matrix modality, centred and optionally scaled, coloured by a category.
 * The variance explained by the leading principal components is reported either way, as R's
 * prcomp computes it.
 */
export async function expressionEmbedding(context: PluginContext): Promise<PluginOutput> {
  const { params, product } = context;
  const cohort = params.cohort as Cohort | undefined;
  const method = params.method === 'umap' ? 'umap' : 'pca';
  const colorBy = String(params.colorBy);
  const topFeatures = params.topFeatures === undefined ? 1000 : Number(params.topFeatures);
  const scale = params.scale === true;
  const seed = params.seed === undefined ? 42 : Number(params.seed);
  const nNeighbors = params.nNeighbors === undefined ? 15 : Number(params.nNeighbors);

  const modality = matrixModality(context, params.modality);
  const slice = await context.matrix({ modality: modality.id, ...(cohort ? { cohort } : {}) });
  const features = slice.features.length;
  const width = slice.ids.length;
  // Entities with no value at all have no expression profile; they are left out, not imputed.
  const measured: number[] = [];
  for (let e = 0; e < width; e++) {
    for (let f = 0; f < features; f++) {
      if (!Number.isNaN(slice.values[f * width + e] ?? Number.NaN)) {
        measured.push(e);
        break;
      }
    }
  }
  const minimum = method === 'umap' ? 3 : 2;
  if (measured.length < minimum) {
    throw new InputError(
      `${method.toUpperCase()} needs at least ${minimum} ${product.entity.plural} with ${modality.label.toLowerCase()} data; the cohort has ${measured.length} — widen it`,
    );
  }
  const columns = Int32Array.from(measured);
  const selection = topVariableFeatures(slice.values, width, columns, topFeatures);
  if (selection.rows.length < 2) {
    throw new InputError(
      `only ${selection.rows.length} feature varies without missing values over these ${product.entity.plural}; an embedding needs at least 2`,
    );
  }
  // Observations (entities) as rows, the selected features as columns: the layout prcomp and umap take.
  const rows = Array.from(columns, (column) =>
    Float64Array.from(selection.rows, (feature) => slice.values[feature * width + column] ?? Number.NaN),
  );
  const components = asInputError(() =>
    principalComponents(rows, { scale, rank: Math.min(SHOWN_COMPONENTS, rows.length) }),
  );
  let points: Array<{ x: number; y: number }>;
  let axes: [string, string];
  let usedNeighbors = 0;
  if (method === 'umap') {
    // UMAP works on Euclidean distances between profiles: scale first so features weigh equally if asked.
    const input = scale ? standardisedCopy(rows) : rows;
    const result = asInputError(() => umap(input, { seed, nNeighbors }));
    usedNeighbors = result.nNeighbors;
    points = result.embedding.map((point) => ({ x: point[0] ?? Number.NaN, y: point[1] ?? Number.NaN }));
    axes = ['UMAP 1', 'UMAP 2'];
  } else {
    points = components.scores.map((score) => ({ x: score[0] ?? 0, y: score[1] ?? 0 }));
    axes = [`PC1 (${percent(components.explained[0])})`, `PC2 (${percent(components.explained[1])})`];
  }

  const ids = Array.from(columns, (column) => slice.ids[column] ?? '');
  const groups = await entityGroups(context, cohort, colorBy, ids);
  let cumulative = 0;
  const varianceRows: Cell[][] = Array.from(
    { length: Math.min(SHOWN_COMPONENTS, components.sdev.length) },
    (_, k) => {
      cumulative += components.explained[k] ?? 0;
      return [`PC${k + 1}`, components.sdev[k] ?? null, components.explained[k] ?? null, cumulative];
    },
  );
  const methodText =
    method === 'umap'
      ? `UMAP (McInnes et al. 2018; ${usedNeighbors} neighbours${usedNeighbors < nNeighbors ? `, reduced from ${nNeighbors} because the cohort is small` : ''}, minimum distance 0.1, seed ${seed}) of the ${ids.length} ${product.entity.plural}: the same seed and data give the same layout; axes, rotation and distances between clusters carry no meaning. The principal components below are of the same features.`
      : `Principal component analysis (as R's prcomp) of the ${ids.length} ${product.entity.plural}: the chart shows the first two components, which explain ${percent(components.explained[0])} and ${percent(components.explained[1])} of the variance.`;
  const text = [
    methodText,
    '',
    `- Features: the ${selection.rows.length} most variable of the ${features} features of **${modality.label}**${modality.unit ? ` (${modality.unit})` : ''} — by sample variance over these ${product.entity.plural}${selection.incomplete > 0 ? `; ${selection.incomplete} with missing values were left out` : ''}${selection.constant > 0 ? `; ${selection.constant} without variation were left out` : ''}.`,
    `- Each feature is centred on its mean${scale ? ' and scaled to unit variance, so every feature weighs the same' : ' and not scaled, so features that vary more weigh more'}.`,
    `- Colour: ${groups.attributeLabel}.${width > ids.length ? ` ${width - ids.length} ${product.entity.plural} of the cohort have no ${modality.label.toLowerCase()} data and are not shown.` : ''}`,
  ].join('\n');

  return {
    title: `${method === 'umap' ? 'UMAP' : 'PCA'} of ${modality.label.toLowerCase()} by ${groups.attributeLabel}`,
    summary: `${ids.length} ${product.entity.plural}, ${selection.rows.length} most variable features; PC1 explains ${percent(components.explained[0])} of the variance`,
    blocks: [
      { id: 'summary', type: 'markdown', text },
      {
        id: 'embedding',
        type: 'chart',
        title: method === 'umap' ? 'UMAP embedding' : 'Principal components 1 and 2',
        spec: embeddingScatter(
          points.map((point, index) => ({
            id: ids[index] ?? '',
            x: point.x,
            y: point.y,
            group: groups.labels[index] ?? null,
          })),
          {
            title: `${method === 'umap' ? 'UMAP' : 'PCA'} of ${modality.label.toLowerCase()}, coloured by ${groups.attributeLabel}`,
            x: axes[0],
            y: axes[1],
            colour: groups.attributeLabel,
            levels: groups.levels,
            entity: product.entity.plural,
          },
        ),
      },
      {
        id: 'variance',
        type: 'table',
        title: 'Variance explained by principal component',
        columns: [
          { id: 'component', label: 'Component', type: 'string' },
          { id: 'sd', label: 'Standard deviation', type: 'number' },
          { id: 'proportion', label: 'Proportion of variance', type: 'number' },
          { id: 'cumulative', label: 'Cumulative proportion', type: 'number' },
        ],
        rows: varianceRows,
      },
      {
        id: 'variance-chart',
        type: 'chart',
        title: 'Variance explained',
        spec: varianceChart(components.explained, SHOWN_COMPONENTS),
      },
    ],
  };
}

/** Columns centred and divided by their sample sd (constant columns were never selected). */
function standardisedCopy(rows: Float64Array[]): Float64Array[] {
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  const copy = rows.map((row) => Float64Array.from(row));
  for (let j = 0; j < p; j++) {
    let sum = 0;
    for (const row of copy) sum += row[j] ?? 0;
    const mean = sum / n;
    let squares = 0;
    for (const row of copy) squares += ((row[j] ?? 0) - mean) ** 2;
    const sd = Math.sqrt(squares / (n - 1)) || 1;
    for (const row of copy) row[j] = ((row[j] ?? 0) - mean) / sd;
  }
  return copy;
}
