import { median, type Spread, spread } from '../build/stats.ts';
import type { LoadResult } from './coldLoad.ts';
import { BYTE_CATEGORIES, type Bytes } from './networkLog.ts';
import type { NetworkProfile } from './profiles.ts';

/** The loads of one run under one profile, measured back to back so that noise falls on all alike. */
export interface Round {
  floor: LoadResult;
  catalog: LoadResult;
  product: LoadResult;
}

export interface ProfileSummary {
  profile: NetworkProfile;
  floor: Spread;
  dcl: Spread;
  catalogReady: Spread;
  firstChart: Spread;
  /** Medians of each run's time over the floor of the same run. */
  ratios: { dcl: number; catalogReady: number; firstChart: number };
  bytes: { floor: Bytes; catalog: Bytes; product: Bytes };
  requests: { catalog: number; product: number };
}

/** Per category, the median over the loads (the same page sends the same bytes, give or take a header). */
function medianBytes(loads: readonly LoadResult[]): Bytes {
  const bytes: Bytes = { js: 0, css: 0, api: 0, other: 0 };
  for (const category of BYTE_CATEGORIES) bytes[category] = median(loads.map((load) => load.bytes[category]));
  return bytes;
}

export function summarizeProfile(profile: NetworkProfile, rounds: readonly Round[]): ProfileSummary {
  const ratio = (pick: (round: Round) => number) =>
    median(rounds.map((round) => pick(round) / round.floor.dcl));
  return {
    profile,
    floor: spread(rounds.map((round) => round.floor.dcl)),
    dcl: spread(rounds.map((round) => round.catalog.dcl)),
    catalogReady: spread(rounds.map((round) => round.catalog.ready)),
    firstChart: spread(rounds.map((round) => round.product.ready)),
    ratios: {
      dcl: ratio((round) => round.catalog.dcl),
      catalogReady: ratio((round) => round.catalog.ready),
      firstChart: ratio((round) => round.product.ready),
    },
    bytes: {
      floor: medianBytes(rounds.map((round) => round.floor)),
      catalog: medianBytes(rounds.map((round) => round.catalog)),
      product: medianBytes(rounds.map((round) => round.product)),
    },
    requests: {
      catalog: median(rounds.map((round) => round.catalog.requests.length)),
      product: median(rounds.map((round) => round.product.requests.length)),
    },
  };
}

export const totalBytes = (bytes: Bytes) => BYTE_CATEGORIES.reduce((sum, key) => sum + bytes[key], 0);
