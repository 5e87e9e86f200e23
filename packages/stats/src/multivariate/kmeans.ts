import { StatsInputError } from '../StatsInputError.ts';
import { checkMatrix, squaredDistance } from './matrixInput.ts';
import { mulberry32 } from './mulberry32.ts';

export interface KmeansOptions {
  /** Seed of the mulberry32 stream used for k-means++ seeding. Default 1. */
  seed?: number;
  /** Number of random starts; the one with the smallest total within-SS wins (R `nstart`). Default 10. */
  nStart?: number;
  /** Maximum Lloyd iterations per start (R `iter.max`). Default 100. */
  maxIter?: number;
}

export interface KmeansResult {
  /** 1-based cluster of each observation (R `cluster`). */
  cluster: Int32Array;
  /** centers[c] is the mean of cluster c + 1 (R `centers`, one row per cluster). */
  centers: Float64Array[];
  /** Within-cluster sums of squares (R `withinss`). */
  withinss: Float64Array;
  /** Σ withinss (R `tot.withinss`). */
  totWithinss: number;
  /** Total sum of squares about the grand mean (R `totss`). */
  totss: number;
  /** totss - totWithinss (R `betweenss`). */
  betweenss: number;
  /** Lloyd iterations of the winning start (R `iter`). */
  iterations: number;
  /** False when the winning start hit maxIter before the assignment stopped changing (R warns). */
  converged: boolean;
}

interface Run {
  cluster: Int32Array;
  centers: Float64Array[];
  withinss: Float64Array;
  total: number;
  iterations: number;
  converged: boolean;
}

/**
 * k-means clustering in the spirit of R's `kmeans(x, centers = k, iter.max, nstart)`.
 *
 * R's default is Hartigan–Wong (AS 136); this is Lloyd's algorithm (R `algorithm = "Lloyd"`) started
 * from k-means++ seeds (Arthur & Vassilvitskii 2007) drawn from a seeded mulberry32 stream, so the
 * result is deterministic for a given seed. Both stop at a local optimum; with several starts they
 * reach the same optimum on well-behaved data (iris, k = 3: tot.withinss 78.85144), but Hartigan–Wong
 * can escape some Lloyd fixed points, and cluster numbering differs from R's (it is arbitrary).
 * An empty cluster is refilled with the point farthest from its centre.
 */
export function kmeans(
  matrix: readonly ArrayLike<number>[],
  k: number,
  options: KmeansOptions = {},
): KmeansResult {
  const { seed = 1, nStart = 10, maxIter = 100 } = options;
  const { rows: n, columns: p } = checkMatrix(matrix);
  if (!Number.isInteger(k) || k < 1)
    throw new StatsInputError(`kmeans k must be a positive integer, found ${k}`, 'k');
  if (k > n)
    throw new StatsInputError(`kmeans k = ${k} exceeds the number of observations (${n}); lower k`, 'k');
  if (!Number.isInteger(nStart) || nStart < 1)
    throw new StatsInputError(`kmeans nStart must be a positive integer, found ${nStart}`, 'nStart');
  if (!Number.isInteger(maxIter) || maxIter < 1)
    throw new StatsInputError(`kmeans maxIter must be a positive integer, found ${maxIter}`, 'maxIter');
  if (!Number.isFinite(seed))
    throw new StatsInputError(`kmeans seed must be a finite number, found ${seed}`, 'seed');
  const x = matrix.map((row) => Float64Array.from(row));
  const distinct = new Set(x.map((row) => row.join(','))).size;
  if (k > distinct)
    throw new StatsInputError(
      `kmeans k = ${k} exceeds the number of distinct observations (${distinct}), as R's "more cluster centers than distinct data points"; lower k`,
      'k',
    );

  const random = mulberry32(seed);
  let best: Run | undefined;
  for (let start = 0; start < nStart; start++) {
    const run = lloyd(x, seedCenters(x, k, random), maxIter);
    if (best === undefined || run.total < best.total) best = run;
  }
  if (best === undefined) throw new Error('unreachable: nStart >= 1');

  const grand = new Float64Array(p);
  for (const row of x) for (let j = 0; j < p; j++) grand[j] = (grand[j] ?? 0) + (row[j] ?? 0) / n;
  let totss = 0;
  for (const row of x) totss += squaredDistance(row, grand);
  return {
    cluster: best.cluster,
    centers: best.centers,
    withinss: best.withinss,
    totWithinss: best.total,
    totss,
    betweenss: totss - best.total,
    iterations: best.iterations,
    converged: best.converged,
  };
}

/** k-means++: first centre uniform, each next one with probability proportional to D² to the nearest. */
function seedCenters(x: Float64Array[], k: number, random: () => number): Float64Array[] {
  const n = x.length;
  const first = x[Math.min(n - 1, Math.floor(random() * n))];
  if (!first) throw new Error('unreachable: empty matrix');
  const centers = [Float64Array.from(first)];
  const nearest = Float64Array.from(x, (row) => squaredDistance(row, first));
  while (centers.length < k) {
    let sum = 0;
    for (const d of nearest) sum += d;
    let target = random() * sum;
    let chosen = -1;
    for (let i = 0; i < n; i++) {
      const d = nearest[i] ?? 0;
      if (d <= 0) continue;
      chosen = i;
      target -= d;
      if (target < 0) break;
    }
    const row = x[chosen];
    if (!row) throw new Error('unreachable: fewer distinct points than k');
    const center = Float64Array.from(row);
    centers.push(center);
    for (let i = 0; i < n; i++) {
      const d = squaredDistance(x[i] ?? center, center);
      if (d < (nearest[i] ?? 0)) nearest[i] = d;
    }
  }
  return centers;
}

/** Lloyd iterations (R's C routine kmeans_Lloyd in stats/src/kmeans.c) until no assignment changes. */
function lloyd(x: Float64Array[], centers: Float64Array[], maxIter: number): Run {
  const n = x.length;
  const k = centers.length;
  const p = x[0]?.length ?? 0;
  const cluster = new Int32Array(n).fill(-1);
  const distance = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    iterations++;
    let changed = false;
    for (let i = 0; i < n; i++) {
      const row = x[i];
      if (!row) continue;
      let bestCluster = 0;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const d = squaredDistance(row, centers[c] ?? row);
        if (d < bestDistance) {
          bestDistance = d;
          bestCluster = c;
        }
      }
      distance[i] = bestDistance;
      if (cluster[i] !== bestCluster) {
        cluster[i] = bestCluster;
        changed = true;
      }
    }
    const counts = new Int32Array(k);
    for (const c of cluster) counts[c] = (counts[c] ?? 0) + 1;
    // Refill an empty cluster with the point farthest from its centre (taken from a cluster of size > 1).
    for (let c = 0; c < k; c++) {
      if ((counts[c] ?? 0) > 0) continue;
      let far = -1;
      for (let i = 0; i < n; i++) {
        const from = cluster[i] ?? 0;
        if ((counts[from] ?? 0) > 1 && (far < 0 || (distance[i] ?? 0) > (distance[far] ?? 0))) far = i;
      }
      if (far < 0) break;
      counts[cluster[far] ?? 0] = (counts[cluster[far] ?? 0] ?? 0) - 1;
      cluster[far] = c;
      counts[c] = 1;
      distance[far] = 0;
      changed = true;
    }
    if (!changed) {
      converged = true;
      break;
    }
    for (let c = 0; c < k; c++) centers[c] = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const center = centers[cluster[i] ?? 0];
      const row = x[i];
      if (center && row) for (let j = 0; j < p; j++) center[j] = (center[j] ?? 0) + (row[j] ?? 0);
    }
    for (let c = 0; c < k; c++) {
      const center = centers[c];
      if (center) for (let j = 0; j < p; j++) center[j] = (center[j] ?? 0) / (counts[c] ?? 1);
    }
  }
  const withinss = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = cluster[i] ?? 0;
    withinss[c] =
      (withinss[c] ?? 0) + squaredDistance(x[i] ?? new Float64Array(p), centers[c] ?? new Float64Array(p));
  }
  let total = 0;
  for (const w of withinss) total += w;
  for (let i = 0; i < n; i++) cluster[i] = (cluster[i] ?? 0) + 1;
  return { cluster, centers, withinss, total, iterations, converged };
}
