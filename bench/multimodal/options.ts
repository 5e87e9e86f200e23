import { parseArgs } from 'node:util';

export interface BenchOptions {
  scale: number;
  runs: number;
  /** Repetitions of each cohort query (engine and hand-written alternate). */
  reps: number;
  /** Random features fetched, each once per method. */
  features: number;
  seed: number;
  variants: 'vcf' | 'table';
  dir?: string;
  json?: string;
}

const USAGE =
  'usage: npm run bench:multimodal -- [--scale 1] [--runs 5] [--reps 20] [--features 50] [--seed 20240601] [--variants vcf|table] [--dir <dir>] [--json <file>]';

function positive(name: string, text: string, integer = true): number {
  const value = Number(text);
  if (!(value > 0) || (integer && !Number.isInteger(value)))
    throw new Error(`--${name} must be a positive ${integer ? 'integer' : 'number'}, not ${text}\n${USAGE}`);
  return value;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '1' },
      runs: { type: 'string', default: '5' },
      reps: { type: 'string', default: '20' },
      features: { type: 'string', default: '50' },
      seed: { type: 'string', default: '20240601' },
      variants: { type: 'string', default: 'vcf' },
      dir: { type: 'string' },
      json: { type: 'string' },
    },
  });
  if (values.variants !== 'vcf' && values.variants !== 'table')
    throw new Error(`--variants must be vcf or table, not ${values.variants}\n${USAGE}`);
  return {
    scale: positive('scale', values.scale, false),
    runs: positive('runs', values.runs),
    reps: positive('reps', values.reps),
    features: positive('features', values.features),
    seed: positive('seed', values.seed),
    variants: values.variants,
    ...(values.dir !== undefined ? { dir: values.dir } : {}),
    ...(values.json !== undefined ? { json: values.json } : {}),
  };
}
