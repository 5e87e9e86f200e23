// Test-only helpers (not exported from the package): the R references in test/reference/meta.json,
// written by test/reference/meta.R (R 4.2.2, survival 3.5-3), and the veteran data split into the
// same three "sites" as there: site = row index (0-based) mod 3.
import { readFileSync } from 'node:fs';
import { readCsv } from '../../test/helpers/datasets.ts';

export interface PooledReference {
  estimate: number;
  se: number;
  lower: number;
  upper: number;
  z: number;
  p: number;
  weightPercent: number[];
  q: number;
  df: number;
  pQ: number;
  iSquared: number;
}

export interface MetaCaseReference {
  name: string;
  level: number;
  estimates: number[];
  standardErrors: number[];
  /** Per-site coxph(Surv(time, status) ~ arm) coefficients and SEs (veteran cases only). */
  coxCoef?: number[];
  coxSe?: number[];
  fixed: PooledReference;
  random: PooledReference & { tau2: number; tau: number; h: number };
}

export interface MomentsReference {
  n: number;
  mean: number;
  variance: number;
  sd: number;
  m2: number;
}

export interface KmCurveReference {
  confType: 'log' | 'log-log' | 'plain';
  time: number[];
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
  surv: number[];
  stdErr: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
}

export interface SurvdiffReference {
  chisq: number;
  df: number;
  p: number;
  observed: number[];
  expected: number[];
  variance: number[][];
}

export interface MetaReference {
  r_version: string;
  meta: MetaCaseReference[];
  pooledCox: { coef: number; se: number };
  moments: {
    variable: 'age' | 'karno';
    standard: MomentsReference;
    test: MomentsReference;
    welch: { statistic: number; df: number; p: number; ci: number[]; estimate: number[] };
  }[];
  km: { trt: number; curves: KmCurveReference[] }[];
  coarseGrid: number[];
  kmCoarse: { trt: number; curve: KmCurveReference }[];
  logrank: SurvdiffReference;
  logrankBySite: SurvdiffReference;
  logrankCoarse: SurvdiffReference;
}

export function loadMetaReference(): MetaReference {
  const url = new URL('../../test/reference/meta.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as MetaReference;
}

/** One site's share of test/data/veteran.csv (status 1 = dead; arm = trt - 1). */
export interface VeteranSite {
  time: number[];
  status: number[];
  arm: number[];
  age: number[];
  karno: number[];
  celltype: string[];
}

/** The veteran rows split into sites by `siteOf(row index, celltype)`, in site order 0, 1, ... */
export function veteranSites(siteOf: (row: number, celltype: string) => number): VeteranSite[] {
  const table = readCsv('veteran');
  const time = table.numeric('time');
  const status = table.numeric('status');
  const trt = table.numeric('trt');
  const age = table.numeric('age');
  const karno = table.numeric('karno');
  const celltype = table.text('celltype');
  const sites: VeteranSite[] = [];
  for (let i = 0; i < table.rows; i++) {
    const s = siteOf(i, celltype[i] as string);
    sites[s] ??= { time: [], status: [], arm: [], age: [], karno: [], celltype: [] };
    const site = sites[s];
    site.time.push(time[i] as number);
    site.status.push(status[i] as number);
    site.arm.push((trt[i] as number) - 1);
    site.age.push(age[i] as number);
    site.karno.push(karno[i] as number);
    site.celltype.push(celltype[i] as string);
  }
  return sites;
}

/** The rows of a site whose arm is `arm`. */
export function armOf(site: VeteranSite, arm: number): { time: number[]; status: number[] } {
  const keep = site.arm.flatMap((a, i) => (a === arm ? [i] : []));
  return { time: keep.map((i) => site.time[i] as number), status: keep.map((i) => site.status[i] as number) };
}

/** The three sites of meta.R: row index mod 3. */
export const byRowMod3 = (row: number): number => row % 3;
