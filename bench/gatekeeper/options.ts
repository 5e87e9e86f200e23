import { parseArgs } from 'node:util';

export interface BenchOptions {
  rounds: number;
  /** Seconds of each measured window. */
  duration: number;
  /** Seconds of load each fresh server gets before its measured window. */
  warmup: number;
  connections: number;
  /** Count and time store calls per request (in extra servers, after the rounds); implied on a miss. */
  profile: boolean;
  /** Also measure the gated server with touchToken skipped, in every round. */
  noTouch: boolean;
  /** Also measure the gated server behind a 1 s identity and decision cache (a what-if), every round. */
  /** Also measure the gatekeeper without its cache (every request reads the store). */
  uncached: boolean;
  json?: string;
}

const USAGE =
  'usage: npm run bench:gatekeeper -- [--rounds 5] [--duration 10] [--warmup 3] [--connections 10] [--profile] [--no-touch] [--uncached] [--json <file>]';

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!(value > 0) || !Number.isInteger(value))
    throw new Error(`--${name} must be a positive integer, not ${text}\n${USAGE}`);
  return value;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      rounds: { type: 'string', default: '5' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '10' },
      profile: { type: 'boolean', default: false },
      'no-touch': { type: 'boolean', default: false },
      uncached: { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  return {
    rounds: positive('rounds', values.rounds),
    duration: positive('duration', values.duration),
    warmup: positive('warmup', values.warmup),
    connections: positive('connections', values.connections),
    profile: values.profile,
    noTouch: values['no-touch'],
    uncached: values.uncached,
    ...(values.json !== undefined ? { json: values.json } : {}),
  };
}
