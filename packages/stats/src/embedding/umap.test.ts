import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../multivariate/mulberry32.ts';
import { irisMeasurements } from '../multivariate/testFixtures.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { umap } from './umap.ts';

// Quality checks are label-agnostic and seed-robust: they ask whether neighbourhoods / clusters of the
// input survive in the embedding, never for particular coordinates, and run over several seeds.

const iris = irisMeasurements();

/** Species (column 5 of test/data/iris.csv), one per row of `iris`. */
const species: string[] = readFileSync(new URL('../../test/data/iris.csv', import.meta.url), 'utf8')
  .split(/\r?\n/)
  .filter((line) => line !== '')
  .slice(1)
  .map((line) => (line.split(',')[4] ?? '').replaceAll('"', ''));

function distance(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) sum += ((a[j] ?? 0) - (b[j] ?? 0)) ** 2;
  return Math.sqrt(sum);
}

/** Indices of the k nearest other points of row i (ties broken by index). */
function neighbours(points: Float64Array[], i: number, k: number): number[] {
  const self = points[i] ?? new Float64Array();
  return points
    .map((p, j) => ({ j, d: distance(self, p) }))
    .filter(({ j }) => j !== i)
    .sort((a, b) => a.d - b.d || a.j - b.j)
    .slice(0, k)
    .map(({ j }) => j);
}

/** Leave-one-out k-NN classification accuracy of `labels` on `points` (majority vote, first-seen tie break). */
function knnAccuracy(points: Float64Array[], labels: readonly string[], k: number): number {
  let correct = 0;
  for (let i = 0; i < points.length; i++) {
    const votes = new Map<string, number>();
    for (const j of neighbours(points, i, k)) {
      const label = labels[j] ?? '';
      votes.set(label, (votes.get(label) ?? 0) + 1);
    }
    let best = '';
    let bestVotes = -1;
    for (const [label, count] of votes)
      if (count > bestVotes) {
        best = label;
        bestVotes = count;
      }
    if (best === labels[i]) correct++;
  }
  return correct / points.length;
}

/**
 * Single-linkage partition into `clusters` groups: the components left after deleting the
 * clusters − 1 longest edges of the Euclidean minimum spanning tree (Prim). Returns a label per point.
 */
function singleLinkage(points: Float64Array[], clusters: number): number[] {
  const n = points.length;
  const inTree = new Array<boolean>(n).fill(false);
  const best = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  const parent = new Array<number>(n).fill(-1);
  const edges: { a: number; b: number; d: number }[] = [];
  best[0] = 0;
  for (let step = 0; step < n; step++) {
    let u = -1;
    for (let v = 0; v < n; v++) if (!inTree[v] && (u === -1 || (best[v] ?? 0) < (best[u] ?? 0))) u = v;
    inTree[u] = true;
    if ((parent[u] ?? -1) >= 0) edges.push({ a: parent[u] ?? 0, b: u, d: best[u] ?? 0 });
    for (let v = 0; v < n; v++) {
      const d = distance(points[u] ?? new Float64Array(), points[v] ?? new Float64Array());
      if (!inTree[v] && d < (best[v] ?? 0)) {
        best[v] = d;
        parent[v] = u;
      }
    }
  }
  edges.sort((x, y) => x.d - y.d);
  const root = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (root[r] !== r) r = root[r] ?? r;
    return r;
  };
  for (const { a, b } of edges.slice(0, n - clusters)) root[find(a)] = find(b);
  return Array.from({ length: n }, (_, i) => find(i));
}

/** True when two labellings define the same partition (labels themselves are arbitrary). */
function samePartition(a: readonly (number | string)[], b: readonly (number | string)[]): boolean {
  const ab = new Map<number | string, number | string>();
  const ba = new Map<number | string, number | string>();
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if ((ab.get(x) ?? y) !== y || (ba.get(y) ?? x) !== x) return false;
    ab.set(x, y);
    ba.set(y, x);
  }
  return true;
}

/** Standard normal draw by Box–Muller from a uniform stream. */
function gaussian(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Three unit-variance Gaussian blobs in 8 dimensions, centres 10 apart on different axes, interleaved. */
function blobs(seed: number, perBlob = 30): { points: Float64Array[]; truth: number[] } {
  const random = mulberry32(seed);
  const dim = 8;
  const points: Float64Array[] = [];
  const truth: number[] = [];
  for (let i = 0; i < 3 * perBlob; i++) {
    const g = i % 3;
    points.push(Float64Array.from({ length: dim }, (_, j) => (j === g ? 10 : 0) + gaussian(random)));
    truth.push(g);
  }
  return { points, truth };
}

/** Bit pattern of an embedding, for byte-identical comparison (−0 and NaN payloads included). */
function bytes(embedding: Float64Array[]): number[][] {
  return embedding.map((row) => Array.from(new Uint8Array(row.buffer, row.byteOffset, row.byteLength)));
}

describe('umap', () => {
  it('is deterministic: the same input and seed give byte-identical output, another seed differs', () => {
    const options = { nEpochs: 100, seed: 7 };
    const first = umap(iris, options).embedding;
    const second = umap(iris, options).embedding;
    expect(bytes(second)).toEqual(bytes(first));
    const other = umap(iris, { ...options, seed: 8 }).embedding;
    expect(bytes(other)).not.toEqual(bytes(first));
  });

  it('returns one finite Float64Array of nComponents coordinates per row, in input order', () => {
    const { points } = blobs(5, 10);
    for (const nComponents of [2, 3]) {
      const result = umap(points, { nComponents, nEpochs: 50 });
      expect(result.embedding).toHaveLength(points.length);
      for (const row of result.embedding) {
        expect(row).toBeInstanceOf(Float64Array);
        expect(row).toHaveLength(nComponents);
        expect(row.every(Number.isFinite)).toBe(true);
      }
      expect(result.nNeighbors).toBe(15);
    }
  });

  it('does not mutate the input and accepts number[][] as well as Float64Array[]', () => {
    const { points } = blobs(6, 10);
    const plain = points.map((row) => Array.from(row));
    const before = JSON.stringify(plain);
    const fromPlain = umap(plain, { nEpochs: 50 }).embedding;
    expect(JSON.stringify(plain)).toBe(before);
    expect(bytes(umap(points, { nEpochs: 50 }).embedding)).toEqual(bytes(fromPlain));
  });

  it('iris: a 5-NN classifier on the 2-D embedding recovers species for ≥ 90% and setosa for ≥ 99%, over seeds', () => {
    const setosa = species.map((s) => (s === 'setosa' ? 'setosa' : 'other'));
    expect(new Set(species)).toEqual(new Set(['setosa', 'versicolor', 'virginica']));
    for (const seed of [1, 42, 2026]) {
      const { embedding } = umap(iris, { seed });
      expect(knnAccuracy(embedding, species, 5)).toBeGreaterThanOrEqual(0.9);
      expect(knnAccuracy(embedding, setosa, 5)).toBeGreaterThanOrEqual(0.99);
    }
  });

  it('three well-separated Gaussian blobs stay together: single linkage on the embedding recovers them', () => {
    for (const seed of [3, 11, 42]) {
      const { points, truth } = blobs(seed);
      const { embedding } = umap(points, { seed });
      // Sanity: the blobs are separable in the input, so losing them would be UMAP's fault.
      expect(samePartition(singleLinkage(points, 3), truth)).toBe(true);
      expect(samePartition(singleLinkage(embedding, 3), truth)).toBe(true);
      expect(knnAccuracy(embedding, truth.map(String), 5)).toBe(1);
    }
  });

  it('clamps nNeighbors to n − 1 for small tables (as umap-learn does)', () => {
    const small = Array.from({ length: 6 }, (_, i) => [i, (i * 7) % 5, i % 2]);
    const result = umap(small, { nEpochs: 50 });
    expect(result.nNeighbors).toBe(5);
    expect(result.embedding).toHaveLength(6);
    expect(umap(small, { nNeighbors: 3, nEpochs: 50 }).nNeighbors).toBe(3);
  });

  it('rejects unusable input with StatsInputError and an actionable message', () => {
    const ok = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    const cases: [() => unknown, RegExp][] = [
      [() => umap([]), /no rows/],
      [() => umap([[1, 2], [3], [4, 5]]), /ragged: row 1/],
      [
        () =>
          umap([
            [1, 2],
            [Number.NaN, 4],
            [4, 5],
          ]),
        /matrix\[1\]\[0\] is NaN.*impute/,
      ],
      [
        () =>
          umap([
            [1, 2],
            [3, 4],
          ]),
        /at least 3 rows/,
      ],
      [() => umap(ok, { nComponents: 0 }), /nComponents/],
      [() => umap(ok, { nNeighbors: 1 }), /nNeighbors.*at least 2/],
      [() => umap(ok, { nNeighbors: 2.5 }), /nNeighbors/],
      [() => umap(ok, { minDist: 1.5 }), /minDist.*\[0, 1\]/],
      [() => umap(ok, { nEpochs: 0 }), /nEpochs/],
      [() => umap(ok, { seed: Number.NaN }), /seed/],
    ];
    for (const [run, message] of cases) {
      expect(run).toThrow(StatsInputError);
      expect(run).toThrow(message);
    }
  });
});
