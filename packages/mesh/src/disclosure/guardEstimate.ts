import type { DisclosurePolicy } from './DisclosurePolicy.ts';

/** The counts a site's effect estimate rests on (the estimate itself rides along untouched). */
export interface SiteEstimate {
  /** Entities in the analysis. */
  readonly n: number;
  /** Events (deaths, responders, cases), when the estimate has them. */
  readonly events?: number;
  /** Per arm or exposure group, for comparative estimates (hazard ratio, odds ratio, risk difference). */
  readonly arms?: readonly { readonly label: string; readonly n: number; readonly events?: number }[];
}

export type GuardedEstimate<T extends SiteEstimate> =
  | { readonly ok: true; readonly estimate: T }
  | { readonly ok: false; readonly reasons: string[] };

/**
 * Releases a site's estimate only when every count it rests on is at least `minCellCount`: n,
 * events and non-events (n − events: "all but 2 died" discloses as much as "2 died"), overall and in
 * every arm. Otherwise refuses with the reasons, naming no counts. Zero events is refused too — an
 * estimate built on no events is no estimate, and in an arm it says that everyone in it survived.
 */
export function guardEstimate<T extends SiteEstimate>(
  estimate: T,
  policy: DisclosurePolicy,
): GuardedEstimate<T> {
  const min = policy.minCellCount;
  const reasons: string[] = [];
  const check = (where: string, n: number, events: number | undefined): void => {
    if (n < min) reasons.push(`${where}: fewer than ${min} entities`);
    if (events !== undefined) {
      if (events < min) reasons.push(`${where}: fewer than ${min} events`);
      if (n - events < min) reasons.push(`${where}: fewer than ${min} entities without the event`);
    }
  };
  check('overall', estimate.n, estimate.events);
  for (const arm of estimate.arms ?? []) check(arm.label, arm.n, arm.events);
  return reasons.length === 0 ? { ok: true, estimate } : { ok: false, reasons };
}
