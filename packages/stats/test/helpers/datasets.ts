import { readFileSync } from 'node:fs';

/** The three datasets with R reference results copied from the survival package. */
export type SurvivalDatasetName = 'veteran' | 'lung' | 'pbc';

export interface CurveRow {
  stratum: string;
  time: number;
  n_risk: number;
  n_event: number;
  n_censor: number;
  surv: number;
  std_err: number | null;
  lower: number | null;
  upper: number | null;
}

export interface MedianRow {
  stratum: string;
  n: number;
  events: number;
  median: number | null;
  lower: number | null;
  upper: number | null;
}

export interface KmReference {
  conf_type: string;
  curve: CurveRow[];
  median: MedianRow[];
}

/** The survival part of test/reference/<name>.survival.json (R 4.2, survival 3.5-3). */
export interface SurvivalReference {
  dataset: string;
  time: string;
  status: string;
  group: string;
  km_overall: KmReference;
  km_by_group: KmReference;
  logrank: { chisq: number; df: number; p: number; observed: number[]; expected: number[] };
}

const TEST_DIR = new URL('../', import.meta.url);

export function loadReference(name: SurvivalDatasetName): SurvivalReference {
  return JSON.parse(
    readFileSync(new URL(`reference/${name}.survival.json`, TEST_DIR), 'utf8'),
  ) as SurvivalReference;
}

/** Splits one CSV line, honouring double quotes (R's write.csv output). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

export interface CsvTable {
  rows: number;
  text(column: string): string[];
  /** Numeric column; empty fields and NA become NaN. */
  numeric(column: string): Float64Array;
}

export function readCsv(name: SurvivalDatasetName): CsvTable {
  const lines = readFileSync(new URL(`data/${name}.csv`, TEST_DIR), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const header = splitCsvLine(lines[0] ?? '');
  const body = lines.slice(1).map(splitCsvLine);
  const text = (column: string): string[] => {
    const index = header.indexOf(column);
    if (index < 0) throw new Error(`${name}.csv has no column ${column}`);
    return body.map((fields) => fields[index] ?? '');
  };
  const numeric = (column: string): Float64Array =>
    Float64Array.from(text(column), (v) => (v === '' || v === 'NA' ? Number.NaN : Number(v)));
  return { rows: body.length, text, numeric };
}

/** Event indicators per the codings in the data README (lung: 1=censored 2=dead). */
const DEATH_CODE: Record<SurvivalDatasetName, number> = { veteran: 1, lung: 2, pbc: 1 };

/** time, event and the `column=value` group labels R used for the reference of this dataset. */
export function survivalData(name: SurvivalDatasetName, reference: SurvivalReference) {
  const table = readCsv(name);
  const status = table.numeric(reference.status);
  return {
    time: table.numeric(reference.time),
    event: Array.from(status, (s) => (Number.isNaN(s) ? Number.NaN : s === DEATH_CODE[name] ? 1 : 0)),
    group: table
      .text(reference.group)
      .map((v) => (v === '' || v === 'NA' ? null : `${reference.group}=${v}`)),
  };
}
