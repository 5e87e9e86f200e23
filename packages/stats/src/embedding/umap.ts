import { UMAP } from 'umap-js';
import { checkMatrix } from '../multivariate/matrixInput.ts';
import { mulberry32 } from '../multivariate/mulberry32.ts';
import { StatsInputError } from '../StatsInputError.ts';

export interface UmapOptions {
  /** Dimension of the embedding (umap-learn `n_components`). Default 2. */
  nComponents?: number;
  /**
   * Size of the local neighbourhood, counting the point itself as umap-learn does (`n_neighbors`).
   * Larger values favour global structure, smaller ones local detail. Default 15. Values above
   * n − 1 are clamped to n − 1 (as umap-learn does, with a warning there); the value actually used
   * is returned as `nNeighbors`.
   */
  nNeighbors?: number;
  /** Minimum distance between embedded points, in [0, 1] (umap-learn `min_dist`, spread 1). Default 0.1. */
  minDist?: number;
  /** Optimisation epochs; default as umap-learn: 500 for n ≤ 2500, fewer for larger data. */
  nEpochs?: number;
  /** Seed of the mulberry32 stream driving the neighbour search, initialisation and sampling. Default 42. */
  seed?: number;
}

export interface UmapResult {
  /** embedding[i] holds the nComponents coordinates of observation i, in input order. */
  embedding: Float64Array[];
  /** The neighbourhood size actually used: options.nNeighbors clamped to n − 1. */
  nNeighbors: number;
}

/**
 * UMAP (McInnes, Healy & Melville 2018): a nonlinear 2-D/3-D embedding that keeps each observation
 * close to its nearest neighbours, for scatter-plotting high-dimensional data.
 *
 * Delegates to umap-js (PAIR-code's port of umap-learn) with every random draw — the random-projection
 * forest and NN-descent of the approximate neighbour search, the initial layout and the negative
 * sampling — taken from a mulberry32 stream seeded with `seed`, so the same input and seed give
 * byte-identical output (on the same JavaScript engine; Math.exp/pow may differ across engines).
 * Different seeds give different, but qualitatively similar, layouts: axes, rotation and the distances
 * between clusters carry no meaning. Differences from umap-learn: the initial layout is uniform random
 * in [-10, 10] rather than spectral, distances are Euclidean on the raw columns (standardise first if
 * the variables have different units), and no transform of new points is offered.
 *
 * Throws StatsInputError for an empty, ragged or non-finite matrix, fewer than 3 rows, or
 * out-of-range options.
 */
export function umap(matrix: readonly ArrayLike<number>[], options: UmapOptions = {}): UmapResult {
  const { nComponents = 2, nNeighbors = 15, minDist = 0.1, nEpochs, seed = 42 } = options;
  const { rows: n } = checkMatrix(matrix);
  if (n < 3)
    throw new StatsInputError(
      `umap needs at least 3 rows to build a neighbour graph, found ${n}; add observations or use PCA instead`,
      'matrix',
    );
  if (!Number.isInteger(nComponents) || nComponents < 1)
    throw new StatsInputError(
      `umap nComponents must be a positive integer, found ${nComponents}`,
      'nComponents',
    );
  if (!Number.isInteger(nNeighbors) || nNeighbors < 2)
    throw new StatsInputError(
      `umap nNeighbors must be an integer of at least 2 (it counts the point itself), found ${nNeighbors}`,
      'nNeighbors',
    );
  if (!Number.isFinite(minDist) || minDist < 0 || minDist > 1)
    throw new StatsInputError(`umap minDist must lie in [0, 1], found ${minDist}`, 'minDist');
  if (nEpochs !== undefined && (!Number.isInteger(nEpochs) || nEpochs < 1))
    throw new StatsInputError(`umap nEpochs must be a positive integer, found ${nEpochs}`, 'nEpochs');
  if (!Number.isFinite(seed))
    throw new StatsInputError(`umap seed must be a finite number, found ${seed}`, 'seed');

  // umap-js samples nNeighbors distinct rows without replacement and would loop forever if
  // nNeighbors > n; clamp like umap-learn so small tables still get an embedding.
  const k = Math.min(nNeighbors, n - 1);
  const model = new UMAP({
    nComponents,
    nNeighbors: k,
    minDist,
    // umap-js treats 0 as "choose from the data size", as umap-learn does for None.
    nEpochs: nEpochs ?? 0,
    random: mulberry32(seed),
  });
  // Plain number[][] copies: umap-js expects arrays and the caller's rows must stay untouched.
  const layout = model.fit(matrix.map((row) => Array.from(row)));
  const embedding = layout.map((point) => Float64Array.from(point));
  for (const [i, point] of embedding.entries())
    if (!point.every(Number.isFinite))
      throw new StatsInputError(
        `umap produced a non-finite coordinate for row ${i}; the data may be degenerate (e.g. all rows identical)`,
        'matrix',
      );
  return { embedding, nNeighbors: k };
}
