import type { DisclosurePolicy } from './DisclosurePolicy.ts';
import type { SeededRng } from './SeededRng.ts';

/**
 * i2b2-style obfuscation of one count: add Gaussian noise N(0, σ), round to an integer (or to the
 * nearest multiple of `round`), never below zero. Without `obfuscation` in the policy the count is
 * returned unchanged. Suppression is applied afterwards, to the noisy value (see {@link guardCount}),
 * as i2b2 does.
 *
 * The rng must be seeded from the question ({@link querySeed}): the same question then gets the same
 * noise, and repeating it cannot average the noise away. Draw in a fixed order (e.g. row-major over a
 * table) so that every cell's noise is reproducible too.
 */
export function obfuscateCount(count: number, policy: DisclosurePolicy, rng: SeededRng): number {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`A count must be a non-negative integer, found ${count}`);
  }
  const sigma = policy.obfuscation?.noise?.sigma;
  const step = policy.obfuscation?.round;
  let value = count;
  if (sigma !== undefined && sigma > 0) value = Math.round(count + sigma * rng.normal());
  if (step !== undefined && step > 1) value = step * Math.round(value / step);
  return Math.max(0, value);
}
