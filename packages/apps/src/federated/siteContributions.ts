import {
  CountAggregatesSchema,
  checkDocument,
  EstimateAggregatesSchema,
  InputError,
  MomentAggregatesSchema,
  RiskTableAggregatesSchema,
  type SiteAggregates,
} from '@plexus/spec';

/** One site's answer to a federated question, after its own disclosure control. */
export interface SiteContribution<A extends SiteAggregates = SiteAggregates> {
  /** Who sent it, e.g. `node/product`: names the site in tables and errors. */
  readonly site: string;
  readonly aggregates: A;
}

export type AggregatesKind = SiteAggregates['kind'];
export type AggregatesOf<K extends AggregatesKind> = Extract<SiteAggregates, { kind: K }>;

const SCHEMAS = {
  counts: CountAggregatesSchema,
  moments: MomentAggregatesSchema,
  estimates: EstimateAggregatesSchema,
  'risk-tables': RiskTableAggregatesSchema,
} as const;

/** An error in what a site sent, naming the site. */
export function siteError(site: string, message: string, found?: unknown): InputError {
  return new InputError(`site '${site}' ${message}`, [
    { at: `sites[${site}]`, message, ...(found === undefined ? {} : { found }) },
  ]);
}

/**
 * Checks the sites a combiner gets — at least one, labels unique and non-empty, every one of the
 * `kind` the rule needs and valid against its schema — and returns them ordered by site label (code
 * point order), so that a result does not depend on the order in which the sites answered.
 */
export function orderedSites<K extends AggregatesKind>(
  sites: readonly SiteContribution[],
  kind: K,
  rule: string,
): SiteContribution<AggregatesOf<K>>[] {
  if (!Array.isArray(sites) || sites.length === 0) {
    throw new InputError(`the ${rule} rule needs the aggregates of at least one site; none were given`);
  }
  const seen = new Set<string>();
  sites.forEach((entry, index) => {
    if (typeof entry?.site !== 'string' || entry.site === '') {
      throw new InputError(`sites[${index}] has no site label`, [
        { at: `sites[${index}].site`, message: 'a non-empty label is required' },
      ]);
    }
    if (seen.has(entry.site)) {
      throw siteError(entry.site, 'appears twice; every site answers once');
    }
    seen.add(entry.site);
    const found = (entry.aggregates as { kind?: unknown } | undefined)?.kind;
    if (found !== kind) {
      throw siteError(
        entry.site,
        `sent ${typeof found === 'string' ? `${found} aggregates` : 'no aggregates kind'}; the ${rule} rule needs ${kind}`,
        found,
      );
    }
    const issues = checkDocument(SCHEMAS[kind], entry.aggregates);
    const first = issues[0];
    if (first) {
      const at = first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
      throw siteError(entry.site, `sent invalid ${kind} aggregates${at}: ${first.message}`);
    }
  });
  return [...sites]
    .sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : 0))
    .map((entry) => ({ site: entry.site, aggregates: entry.aggregates as AggregatesOf<K> }));
}
