import { parseArgs } from 'node:util';

export interface BenchOptions {
  rows: number;
  runs: number;
  seed: number;
  /** Generate the product here and keep it; default: a temporary folder removed at the end. */
  dir?: string;
  /** Write the figures as JSON here. */
  json?: string;
  /** After the measured runs, one more build that times every DuckDB statement. */
  profile: boolean;
}

const USAGE = `usage: npm run bench:build -- [--rows 1000000] [--runs 5] [--seed 20240601] [--dir <dir>] [--json <file>] [--profile]`;

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer, not ${text}\n${USAGE}`);
  return value;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '5' },
      seed: { type: 'string', default: '20240601' },
      dir: { type: 'string' },
      json: { type: 'string' },
      profile: { type: 'boolean', default: false },
    },
  });
  return {
    rows: positiveInteger('rows', values.rows),
    runs: positiveInteger('runs', values.runs),
    seed: positiveInteger('seed', values.seed),
    ...(values.dir !== undefined ? { dir: values.dir } : {}),
    ...(values.json !== undefined ? { json: values.json } : {}),
    profile: values.profile,
  };
}
