import { readFileSync } from 'node:fs';
import type { FrameColumn } from '@plexus/engine';
import { categoryAttribute, categoryColumn, numberAttribute, type TestProduct } from './testContext.ts';

/** The veteran lung cancer trial (survival::veteran), as packages/stats keeps it for its R checks. */
export interface VeteranRow {
  arm: 'standard' | 'test';
  celltype: string;
  time: number;
  status: number;
  karno: number;
  age: number;
}

export const ARMS = ['standard', 'test'];
export const CELL_TYPES = ['squamous', 'smallcell', 'adeno', 'large'];

export function veteranRows(): VeteranRow[] {
  const text = readFileSync(new URL('../../../stats/test/data/veteran.csv', import.meta.url), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  const names = (header ?? '').split(',').map((name) => name.replace(/"/g, ''));
  return lines.map((line) => {
    const cells = line.split(',').map((cell) => cell.replace(/"/g, ''));
    const value = (name: string) => cells[names.indexOf(name)] as string;
    return {
      arm: value('trt') === '1' ? 'standard' : 'test',
      celltype: value('celltype'),
      time: Number(value('time')),
      status: Number(value('status')),
      karno: Number(value('karno')),
      age: Number(value('age')),
    };
  });
}

/** The sites of packages/stats/test/reference/meta.R: row index mod 3. */
export function veteranSites(rows: VeteranRow[]): VeteranRow[][] {
  return [0, 1, 2].map((site) => rows.filter((_, index) => index % 3 === site));
}

/** A product of veteran rows, with the same model at every site. */
export function veteranProduct(id: string, rows: VeteranRow[]): TestProduct {
  const numbers = (pick: (row: VeteranRow) => number) => Float64Array.from(rows, pick);
  const columns: Record<string, FrameColumn> = {
    arm: categoryColumn(
      rows.map((row) => row.arm),
      ARMS,
    ),
    celltype: categoryColumn(
      rows.map((row) => row.celltype),
      CELL_TYPES,
    ),
    age: { type: 'integer', values: numbers((row) => row.age) },
    karno: { type: 'integer', values: numbers((row) => row.karno) },
    'endpoint:survival': {
      type: 'endpoint',
      time: numbers((row) => row.time),
      event: Int8Array.from(rows, (row) => row.status),
    },
  };
  return {
    id,
    attributes: [
      categoryAttribute('arm', 'Treatment arm', ARMS),
      categoryAttribute('celltype', 'Cell type', CELL_TYPES),
      numberAttribute('age', 'Age', 'years'),
      numberAttribute('karno', 'Karnofsky score'),
    ],
    endpoints: [
      {
        id: 'survival',
        label: 'Overall survival',
        unit: 'days',
        timeColumn: 'time',
        eventColumn: 'status',
        summary: { count: rows.length, events: 0, censored: 0, missing: 0 },
      },
    ],
    columns,
    length: rows.length,
  };
}

interface Pooled {
  estimate: number;
  se: number;
  lower: number;
  upper: number;
  p: number;
  q: number;
  df: number;
  pQ: number;
  iSquared: number;
  weightPercent: number[];
}

/** The parts of packages/stats/test/reference/meta.json (R) these tests use. */
export interface MetaReference {
  meta: Array<{
    name: string;
    level: number;
    estimates: number[];
    standardErrors: number[];
    coxCoef?: number[];
    coxSe?: number[];
    fixed: Pooled;
    random: Pooled & { tau2: number; h: number };
  }>;
  pooledCox: { coef: number; se: number };
  moments: Array<{
    variable: 'age' | 'karno';
    standard: { n: number; mean: number; sd: number };
    test: { n: number; mean: number; sd: number };
    welch: { statistic: number; df: number; p: number; ci: number[] };
  }>;
  kmCoarse: Array<{ trt: number; curve: { time: number[]; surv: number[]; nRisk: number[] } }>;
  logrank: { chisq: number; df: number; p: number };
  logrankBySite: { chisq: number };
  logrankCoarse: { chisq: number; p: number };
}

export function metaReference(): MetaReference {
  const url = new URL('../../../stats/test/reference/meta.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as MetaReference;
}
