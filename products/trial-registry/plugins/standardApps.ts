// The product's apps are Plexus's standard ones; a product that needs its own algorithm adds a module
// beside this one and names it in its protocol.
export { cohortSummary, demographicsTable, kaplanMeierByGroup } from '@plexus/apps';
