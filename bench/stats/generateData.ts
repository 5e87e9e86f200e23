import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mulberry32, normal, round6 } from './prng.ts';

export const COX_ROWS = 100_000;
export const KM_ROWS = 1_000_000;
export const WELCH_TESTS = 12_625;
export const WELCH_SAMPLES = 128;

export interface CoxData {
  time: Float64Array;
  status: Uint8Array;
  x1: Float64Array;
  x2: Float64Array;
  x3: Float64Array;
  x4: Float64Array;
  x5: string[];
}

export interface KmData {
  time: Float64Array;
  status: Uint8Array;
  group: string[];
}

export interface WelchData {
  /** Per test: the first 64 and the last 64 samples of a row. */
  x: number[][];
  y: number[][];
}

export interface BenchData {
  cox: CoxData;
  km: KmData;
  welch: WelchData;
  files: { cox: string; km: string; welch: string };
}

const LEVELS = ['a', 'b', 'c'] as const;
const LEVEL_EFFECT = [0, 0.2, -0.3] as const;

/** Integer survival days from an exponential with the given rate, censored by a uniform follow-up. */
function survivalDays(next: () => number, rate: number, followUp: number): [number, number] {
  const event = Math.max(1, Math.ceil(-Math.log(1 - next()) / rate));
  const censor = 1 + Math.floor(next() * followUp);
  return event <= censor ? [event, 1] : [censor, 0];
}

function generateCox(next: () => number): { data: CoxData; csv: string } {
  const n = COX_ROWS;
  const data: CoxData = {
    time: new Float64Array(n),
    status: new Uint8Array(n),
    x1: new Float64Array(n),
    x2: new Float64Array(n),
    x3: new Float64Array(n),
    x4: new Float64Array(n),
    x5: new Array<string>(n),
  };
  const lines = ['time,status,x1,x2,x3,x4,x5'];
  for (let i = 0; i < n; i++) {
    const x1 = round6(normal(next));
    const x2 = round6(normal(next) * 2 + 1);
    const x3 = round6(next() * 10);
    const x4 = next() < 0.4 ? 1 : 0;
    // Row 0 is level "a", so the first level in order of appearance is R's (alphabetical) reference.
    const level = i === 0 ? 0 : Math.floor(next() * 3);
    const risk = Math.exp(0.3 * x1 - 0.2 * x2 + 0.05 * x3 + 0.4 * x4 + (LEVEL_EFFECT[level] ?? 0));
    const [time, status] = survivalDays(next, risk / 1000, 2000);
    const x5 = LEVELS[level] ?? 'a';
    data.time[i] = time;
    data.status[i] = status;
    data.x1[i] = x1;
    data.x2[i] = x2;
    data.x3[i] = x3;
    data.x4[i] = x4;
    data.x5[i] = x5;
    lines.push(`${time},${status},${x1},${x2},${x3},${x4},${x5}`);
  }
  return { data, csv: `${lines.join('\n')}\n` };
}

function generateKm(next: () => number): { data: KmData; csv: string } {
  const n = KM_ROWS;
  const data: KmData = { time: new Float64Array(n), status: new Uint8Array(n), group: new Array<string>(n) };
  const lines = ['time,status,group'];
  for (let i = 0; i < n; i++) {
    const group = i === 0 || next() < 0.5 ? 'A' : 'B';
    const [time, status] = survivalDays(next, group === 'A' ? 1 / 900 : 1 / 1000, 3000);
    data.time[i] = time;
    data.status[i] = status;
    data.group[i] = group;
    lines.push(`${time},${status},${group}`);
  }
  return { data, csv: `${lines.join('\n')}\n` };
}

function generateWelch(next: () => number): { data: WelchData; csv: string } {
  const half = WELCH_SAMPLES / 2;
  const data: WelchData = { x: [], y: [] };
  const lines: string[] = [];
  for (let t = 0; t < WELCH_TESTS; t++) {
    // One test in ten has a real difference, and the second group has a larger spread.
    const shift = t % 10 === 0 ? 0.5 : 0;
    const x = Array.from({ length: half }, () => round6(normal(next) + 5));
    const y = Array.from({ length: half }, () => round6(normal(next) * 1.5 + 5 + shift));
    data.x.push(x);
    data.y.push(y);
    lines.push([...x, ...y].join(','));
  }
  return { data, csv: `${lines.join('\n')}\n` };
}

/** Generates the three data sets from one seed and writes them as CSV files into `dir`. */
export async function generateData(dir: string, seed: number): Promise<BenchData> {
  const next = mulberry32(seed);
  const cox = generateCox(next);
  const km = generateKm(next);
  const welch = generateWelch(next);
  const files = { cox: join(dir, 'cox.csv'), km: join(dir, 'km.csv'), welch: join(dir, 'welch.csv') };
  await writeFile(files.cox, cox.csv);
  await writeFile(files.km, km.csv);
  await writeFile(files.welch, welch.csv);
  return { cox: cox.data, km: km.data, welch: welch.data, files };
}
