import { StatsInputError } from '../StatsInputError.ts';
import { checkMatrix, squaredDistance } from './matrixInput.ts';

export type HclustMethod = 'complete' | 'average' | 'single' | 'ward.D2';

export interface HierarchicalClusteringOptions {
  /** Linkage, as R's hclust `method`. Default 'complete' (R's default). */
  method?: HclustMethod;
}

export interface HierarchicalClusteringResult {
  /**
   * merge[s] = [a, b] for step s + 1, R's convention: a negative entry -i is observation i (1-based),
   * a positive entry j is the cluster formed at step j. Singletons come first; two singletons or two
   * clusters are listed in increasing order of |entry|.
   */
  merge: [number, number][];
  /** Linkage distance of each merge (R `height`). */
  height: Float64Array;
  /** 1-based observation order for a dendrogram without crossings (R `order`). */
  order: Int32Array;
}

const METHODS: readonly HclustMethod[] = ['complete', 'average', 'single', 'ward.D2'];

/**
 * Agglomerative clustering as R's `hclust(dist(x), method)` (stats/src/hclust.f, F. Murtagh's
 * HCLUST + HCASS2): Euclidean distances, then repeatedly merge the closest pair of clusters and
 * update distances with the Lance–Williams formula. For ward.D2 the distances are squared first and
 * the merge heights square-rooted, exactly as hclust.f does (iOpt = 8). The closest pair is found by
 * scanning i < j in index order with strict `<`, so on exact ties the merge sequence follows R's scan
 * only in the simple cases: data with tied distances may merge in a different (equally valid) order.
 * The naive O(n³) search is meant for a few thousand observations at most.
 */
export function hierarchicalClustering(
  matrix: readonly ArrayLike<number>[],
  options: HierarchicalClusteringOptions = {},
): HierarchicalClusteringResult {
  const method = options.method ?? 'complete';
  if (!METHODS.includes(method))
    throw new StatsInputError(
      `hierarchicalClustering method must be one of ${METHODS.join(', ')}, found ${method}`,
      'method',
    );
  const { rows: n } = checkMatrix(matrix);
  if (n < 2)
    throw new StatsInputError(`hierarchicalClustering needs at least 2 observations, found ${n}`, 'matrix');
  const x = matrix.map((row) => Float64Array.from(row));
  const ward = method === 'ward.D2';

  // Full symmetric dissimilarity matrix (squared Euclidean for Ward, Euclidean otherwise).
  const d = x.map((a) =>
    Float64Array.from(x, (b) => (ward ? squaredDistance(a, b) : Math.sqrt(squaredDistance(a, b)))),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  const put = (i: number, j: number, value: number): void => {
    const rowI = d[i];
    const rowJ = d[j];
    if (rowI) rowI[j] = value;
    if (rowJ) rowJ[i] = value;
  };

  const active = new Uint8Array(n).fill(1);
  const size = new Float64Array(n).fill(1);
  // label[i]: R's id of the cluster held in slot i (-(i + 1) for a singleton, step number otherwise).
  const label = Int32Array.from({ length: n }, (_, i) => -(i + 1));
  const merge: [number, number][] = [];
  const height = new Float64Array(n - 1);

  for (let step = 0; step < n - 1; step++) {
    let bestI = -1;
    let bestJ = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue;
      for (let j = i + 1; j < n; j++) {
        if (!active[j]) continue;
        const value = at(i, j);
        if (value < best) {
          best = value;
          bestI = i;
          bestJ = j;
        }
      }
    }
    // hclust.f keeps the merged cluster in the lower slot i2 and retires j2.
    const i2 = bestI;
    const j2 = bestJ;
    height[step] = ward ? Math.sqrt(best) : best;
    const a = label[i2] ?? 0;
    const b = label[j2] ?? 0;
    merge.push(orderPair(a, b));

    const sizeI = size[i2] ?? 1;
    const sizeJ = size[j2] ?? 1;
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === i2 || k === j2) continue;
      const dik = at(i2, k);
      const djk = at(j2, k);
      let updated: number;
      switch (method) {
        case 'single':
          updated = Math.min(dik, djk);
          break;
        case 'complete':
          updated = Math.max(dik, djk);
          break;
        case 'average':
          updated = (sizeI * dik + sizeJ * djk) / (sizeI + sizeJ);
          break;
        default: {
          const sizeK = size[k] ?? 1;
          updated = ((sizeI + sizeK) * dik + (sizeJ + sizeK) * djk - sizeK * best) / (sizeI + sizeJ + sizeK);
        }
      }
      put(i2, k, updated);
    }
    size[i2] = sizeI + sizeJ;
    active[j2] = 0;
    label[i2] = step + 1;
  }

  return { merge, height, order: dendrogramOrder(merge) };
}

/** HCASS2's orientation of a merge row: singleton before cluster, otherwise increasing |id|. */
function orderPair(a: number, b: number): [number, number] {
  if (a < 0 && b < 0) return -a < -b ? [a, b] : [b, a];
  if (a < 0) return [a, b];
  if (b < 0) return [b, a];
  return a < b ? [a, b] : [b, a];
}

/** HCASS2's order: expand the last merge left to right, replacing each cluster by its two members. */
function dendrogramOrder(merge: [number, number][]): Int32Array {
  const last = merge[merge.length - 1];
  if (!last) return Int32Array.from([1]);
  const order: number[] = [];
  const stack: number[] = [last[1], last[0]];
  while (stack.length > 0) {
    const id = stack.pop() ?? 0;
    if (id < 0) order.push(-id);
    else {
      const row = merge[id - 1];
      if (row) stack.push(row[1], row[0]);
    }
  }
  return Int32Array.from(order);
}
