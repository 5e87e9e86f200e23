import type { DisclosurePolicy } from './DisclosurePolicy.ts';
import { obfuscateCount } from './obfuscateCount.ts';
import type { SeededRng } from './SeededRng.ts';
import { type PublishedCount, suppressed } from './Suppressed.ts';

/**
 * One count as it may leave the node: obfuscated when the policy asks for it (an rng is then
 * required), then suppressed as `<n` when non-zero and below `minCellCount`. Zero is published:
 * see docs/disclosure-control.md for why.
 */
export function guardCount(count: number, policy: DisclosurePolicy, rng?: SeededRng): PublishedCount {
  let value = count;
  if (policy.obfuscation?.noise || policy.obfuscation?.round) {
    if (!rng) throw new Error('The disclosure policy obfuscates counts: pass an rng seeded from the query');
    value = obfuscateCount(count, policy, rng);
  } else if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`A count must be a non-negative integer, found ${count}`);
  }
  return value > 0 && value < policy.minCellCount ? suppressed('primary', policy.minCellCount) : value;
}
