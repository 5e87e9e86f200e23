import { readFileSync } from 'node:fs';

/** A number as stored by test/reference/hypothesis.R: NA as null, infinities as "Inf"/"-Inf". */
export type RNumber = number | null | 'Inf' | '-Inf';

/** Converts a stored R number to a JS number (NA -> NaN). */
export function rNumber(value: RNumber | undefined): number {
  if (value === null || value === undefined) return Number.NaN;
  if (value === 'Inf') return Number.POSITIVE_INFINITY;
  if (value === '-Inf') return Number.NEGATIVE_INFINITY;
  return value;
}

export interface TTestReference {
  statistic: number;
  df: number;
  p: number;
  ci: RNumber[];
  estimate: number[];
  method: string;
}

export interface HypothesisReference {
  r_version: string;
  iris: {
    welch: (TTestReference & { variable: string; x: string; y: string })[];
    wilcox: { variable: string; x: string; y: string; statistic: number; p: number }[];
    bh: { p: number[]; adjusted: number[] };
    chisq: { table: number[][]; statistic: number; df: number; p: number; expected: number[][] };
    kruskal: { variable: string; statistic: number; df: number; p: number }[];
    anova: { variable: string; df: number[]; ss: number[]; ms: RNumber[]; statistic: number; p: number }[];
  };
  ttests: (TTestReference & {
    kind: 'welch' | 'student' | 'paired';
    alternative: 'two.sided' | 'less' | 'greater';
    mu: number;
    confLevel: number;
  })[];
  ttest_x: number[];
  ttest_y: number[];
  paired_x: number[];
  paired_y: number[];
  wilcox: {
    name: string;
    alternative: 'two.sided' | 'less' | 'greater';
    correct: boolean;
    x: number[];
    y: number[];
    statistic: number;
    p: number;
    exact: boolean;
  }[];
  padjust: { p: RNumber[]; results: { method: 'BH' | 'BY' | 'holm' | 'bonferroni'; adjusted: RNumber[] }[] };
  chisq: { table: number[][]; correct: boolean; statistic: number; df: number; p: number }[];
  pt: { t: number[]; df: number[]; cdf: number[]; sf: number[] };
  qt: { p: number[]; df: number[]; q: number[] };
  pf: { f: number[]; df1: number[]; df2: number[]; sf: number[] };
  pbeta: { x: number[]; a: number[]; b: number[]; p: number[]; q: number[] };
  hyper: { x: number[]; m: number[]; n: number[]; k: number[]; pmf: RNumber[]; cdf: RNumber[] };
}

/** test/reference/hypothesis.json, written by hypothesis.R (R 4.2.2) beside it. */
export function loadHypothesisReference(): HypothesisReference {
  const url = new URL('../reference/hypothesis.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as HypothesisReference;
}

/** test/data/iris.csv (R's datasets::iris, Fisher/Anderson 1936), one column per variable. */
export function loadIris(): Record<string, Record<string, number[]>> {
  const text = readFileSync(new URL('../data/iris.csv', import.meta.url), 'utf8');
  const lines = text.trim().split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.replaceAll('"', ''));
  const bySpecies: Record<string, Record<string, number[]>> = {};
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const species = (cells[4] ?? '').replaceAll('"', '');
    bySpecies[species] ??= {};
    const record = bySpecies[species];
    header.slice(0, 4).forEach((name, j) => {
      record[name] ??= [];
      record[name]?.push(Number(cells[j]));
    });
  }
  return bySpecies;
}

/** The numbers of one variable for one species. */
export function irisColumn(
  iris: Record<string, Record<string, number[]>>,
  species: string,
  variable: string,
): number[] {
  const column = iris[species]?.[variable];
  if (!column) throw new Error(`no iris column ${species}/${variable}`);
  return column;
}
