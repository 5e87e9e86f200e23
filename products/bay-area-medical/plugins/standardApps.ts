// The product's apps are Plexus's standard ones; a product that needs its own algorithm adds a module
// beside this one and names it in its protocol. The federated ones also compute this hospital's
// aggregates when a federated question asks it as a site.
export {
  cohortSummary,
  compareGroups,
  countsByAttributes,
  coxEstimate,
  eventFrequencies,
  federatedCounts,
  federatedCox,
  federatedKaplanMeier,
  federatedMoments,
  kaplanMeierByGroup,
  momentsByGroup,
  riskTables,
} from '@plexus/apps';
