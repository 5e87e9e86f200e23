import { type DisclosurePolicyInput, DisclosurePolicySchema } from '@plexus/spec';

// The schema lives in @plexus/spec because product.yaml embeds it and spec sits below the mesh;
// the mesh re-exports it beside the resolved policy that its guards take.
export { type DisclosurePolicyInput, DisclosurePolicySchema };

export const DEFAULT_MIN_CELL_COUNT = 5;

/** A product's `disclosure:` section with its defaults applied. */
export interface DisclosurePolicy {
  /** Smallest non-zero count published; integer ≥ 1. */
  readonly minCellCount: number;
  /** Whether the product answers federated questions at all. */
  readonly federated: boolean;
  readonly obfuscation?: {
    /** Gaussian noise N(0, sigma) added to counts before suppression. */
    readonly noise?: { readonly sigma: number };
    /** Round to the nearest multiple of this number. */
    readonly round?: number;
  };
  readonly repeatedQueries?: { readonly max: number; readonly windowHours: number };
}

/** Applies the defaults (minCellCount 5, federated false) to a product's `disclosure:` section. */
export function resolveDisclosurePolicy(input?: DisclosurePolicyInput): DisclosurePolicy {
  const minCellCount = input?.minCellCount ?? DEFAULT_MIN_CELL_COUNT;
  if (!Number.isInteger(minCellCount) || minCellCount < 1) {
    throw new RangeError(`disclosure.minCellCount must be an integer ≥ 1, found ${minCellCount}`);
  }
  const policy: {
    minCellCount: number;
    federated: boolean;
    obfuscation?: DisclosurePolicy['obfuscation'];
    repeatedQueries?: DisclosurePolicy['repeatedQueries'];
  } = { minCellCount, federated: input?.federated ?? false };
  if (input?.obfuscation) {
    const { noise, round } = input.obfuscation;
    policy.obfuscation = {
      ...(noise ? { noise: { sigma: noise.sigma } } : {}),
      ...(round !== undefined ? { round } : {}),
    };
  }
  if (input?.repeatedQueries) {
    policy.repeatedQueries = {
      max: input.repeatedQueries.max,
      windowHours: input.repeatedQueries.windowHours,
    };
  }
  return policy;
}
