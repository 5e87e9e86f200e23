import { parseArgs } from 'node:util';
import { type NetworkProfile, PROFILES, profileNamed } from './profiles.ts';

export interface BenchOptions {
  /** Cold loads of each page per profile; the report gives their medians. */
  runs: number;
  profiles: readonly NetworkProfile[];
  /** Also print the requests of the last catalog and product load of each profile, in order. */
  waterfall: boolean;
}

const USAGE = `usage: npm run bench:web -- [--runs 7] [--profile ${PROFILES.map((profile) => profile.name).join('|')}]… [--waterfall]`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '7' },
      profile: { type: 'string', multiple: true },
      waterfall: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  if (!(runs > 0) || !Number.isInteger(runs))
    throw new Error(`--runs must be a positive integer, not ${values.runs}\n${USAGE}`);
  const profiles = (values.profile ?? PROFILES.map((profile) => profile.name)).map((name) => {
    const profile = profileNamed(name);
    if (!profile) throw new Error(`unknown profile ${name}\n${USAGE}`);
    return profile;
  });
  return { runs, profiles, waterfall: values.waterfall };
}
