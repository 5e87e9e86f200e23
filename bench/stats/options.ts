import { parseArgs } from 'node:util';

export interface BenchOptions {
  runs: number;
  seed: number;
  /** Write the figures as JSON here. */
  json?: string;
  /** Path of Rscript (default: `Rscript` on the PATH). */
  rscript: string;
}

const USAGE =
  'usage: npm run bench:stats -- [--runs 5] [--seed 20240601] [--json <file>] [--rscript Rscript]';

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
      runs: { type: 'string', default: '5' },
      seed: { type: 'string', default: '20240601' },
      json: { type: 'string' },
      rscript: { type: 'string', default: 'Rscript' },
    },
  });
  return {
    runs: positiveInteger('runs', values.runs),
    seed: positiveInteger('seed', values.seed),
    ...(values.json !== undefined ? { json: values.json } : {}),
    rscript: values.rscript,
  };
}
