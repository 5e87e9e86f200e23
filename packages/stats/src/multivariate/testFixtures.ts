// Test-only helpers (not exported from the package): the iris measurements and the R references in
// test/reference/multivariate.json, written by test/reference/multivariate.R (R 4.2.2).
import { readFileSync } from 'node:fs';

const TEST_DIR = new URL('../../test/', import.meta.url);

export interface PcaReference {
  center: boolean;
  scale: boolean;
  sdev: number[];
  explained: number[];
  rotation: number[][];
  x_head: number[][];
}

export interface MultivariateReference {
  r_version: string;
  pca_iris_shared: { sdev: number[]; explained: number[] };
  pca_iris: PcaReference[];
  kmeans_iris: { k: number; tot_withinss: number; betweenss: number; totss: number; withinss: number[] };
  hclust_data: number[][];
  hclust: {
    method: 'complete' | 'average' | 'single' | 'ward.D2';
    merge: number[][];
    height: number[];
    order: number[];
  }[];
}

export function loadMultivariateReference(): MultivariateReference {
  return JSON.parse(
    readFileSync(new URL('reference/multivariate.json', TEST_DIR), 'utf8'),
  ) as MultivariateReference;
}

/** The four numeric iris columns (Sepal.Length, Sepal.Width, Petal.Length, Petal.Width), 150 rows. */
export function irisMeasurements(): Float64Array[] {
  const lines = readFileSync(new URL('data/iris.csv', TEST_DIR), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '');
  return lines.slice(1).map((line) => Float64Array.from(line.split(',').slice(0, 4), Number));
}
