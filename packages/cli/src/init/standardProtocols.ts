/**
 * The standard protocols a generated product starts with: the same definitions and plugin exports as
 * the example products (products/pbc-trial), with defaults taken from the generated mapping.
 */

export interface ProtocolFile {
  name: string;
  content: string;
  /** The export of plugins/standardApps.ts the protocol runs. */
  export: string;
}

export interface ProtocolDefaults {
  /** Plural of the entity, for descriptions ("patients"). */
  plural: string;
  /** A category or boolean attribute to draw survival curves by; kaplan-meier needs one. */
  groupBy?: string;
  /** An attribute with exactly two levels; compare-groups needs one. */
  compareBy?: string;
  /** An endpoint id; kaplan-meier needs one. */
  endpoint?: string;
}

const HEADER = `# yaml-language-server: $schema=SCHEMA
apiVersion: plexus.dev/v1
kind: Protocol`;

function cohortSummary({ plural }: ProtocolDefaults): string {
  return `${HEADER}
id: cohort-summary
version: 1.0.0
title: Cohort summary
description: |
  How many ${plural} a cohort holds and how each attribute is distributed in it: counts and
  percentages of categories, mean, SD, median and quartiles of numbers, events and censoring of
  endpoints, with a chart per attribute.
category: descriptive
parameters:
  cohort:
    type: cohort
    title: Cohort
    description: The ${plural} to describe; leave empty for all.
# The blocks clients may rely on (optional: only when the model has such attributes or endpoints);
# besides them, one chart per attribute (counts-<attribute> or histogram-<attribute>).
results:
  - { id: summary, type: markdown, title: "Size of the cohort" }
  - { id: count, type: statistic, title: "${plural} in the cohort" }
  - { id: numeric-attributes, type: table, title: "Numeric attributes", optional: true }
  - { id: categorical-attributes, type: table, title: "Categorical attributes", optional: true }
  - { id: other-attributes, type: table, title: "Dates and text", optional: true }
  - { id: endpoints, type: table, title: "Endpoints", optional: true }
plugin:
  module: plugins/standardApps.ts
  export: cohortSummary
`;
}

function compareGroups({ compareBy }: ProtocolDefaults): string {
  return `${HEADER}
id: compare-groups
version: 1.0.0
title: Compare two groups
description: |
  Every attribute compared between two groups — the two levels of a categorical attribute or two
  cohorts: numbers by Welch's t-test with Wilcoxon's rank-sum test beside it, categories by Pearson's
  chi-square test or Fisher's exact test for small counts, with Benjamini–Hochberg adjusted p-values,
  as one sortable table.
category: descriptive
parameters:
  cohort:
    type: cohort
    title: Cohort
  compare:
    type: enum
    title: Compare
    description: groups — the two levels of an attribute within the cohort; cohorts — the cohort against a second one.
    values: [groups, cohorts]
    default: groups
  groupBy:
    type: attribute
    title: Groups
    attributeTypes: [category, boolean]
    default: ${compareBy}
  compareWith:
    type: cohort
    title: Comparison cohort
    description: The second cohort, when comparing cohorts.
results:
  - { id: summary, type: markdown, title: "The two groups compared" }
  - { id: comparisons, type: table, title: "Every attribute compared" }
plugin:
  module: plugins/standardApps.ts
  export: compareGroups
`;
}

function kaplanMeier({ plural, groupBy, endpoint }: ProtocolDefaults): string {
  return `${HEADER}
id: kaplan-meier
version: 1.0.0
title: Kaplan–Meier survival by group
description: |
  Survival curves of a time-to-event endpoint for each level of a categorical attribute, with
  confidence bands and censor marks, the number at risk over time, median survival with its
  confidence interval per group, the log-rank test of equal survival across groups, and the
  hazard ratio (Cox) of each group against a reference group.
  Figures match R's survival package (survfit, survdiff).
category: survival
parameters:
  cohort:
    type: cohort
    title: Cohort
    description: The ${plural} to include; leave empty for all.
  endpoint:
    type: endpoint
    title: Endpoint
    default: ${endpoint}
  groupBy:
    type: attribute
    title: Compare groups of
    attributeTypes: [category, boolean]
    default: ${groupBy}
  reference:
    type: string
    title: Reference group
    description: The group the others are compared with (hazard ratios); default the first level.
    required: false
    maxLength: 200
  confLevel:
    type: number
    title: Confidence level
    minimum: 0.5
    maximum: 0.999
    default: 0.95
  confType:
    type: enum
    title: Confidence interval transformation
    description: log (R's default), log-log, or plain.
    values: [log, log-log, plain]
    default: log
results:
  - { id: summary, type: markdown, title: "Who was analysed, and how" }
  - { id: km-curve, type: chart, title: "Kaplan–Meier curves with confidence bands" }
  - { id: medians, type: table, title: "Median survival per group" }
  - { id: at-risk, type: table, title: "Number at risk over time" }
  - { id: hazard-ratios, type: table, title: "Hazard ratios against the reference group", optional: true }
  - { id: hazard-ratios-note, type: markdown, title: "Why no hazard ratios could be estimated", optional: true }
  - { id: log-rank, type: statistic, title: "Log-rank test (two groups or more)", optional: true }
  - { id: log-rank-groups, type: table, title: "Observed and expected events (two groups or more)", optional: true }
  - { id: survival-table, type: table, title: "The full survival table" }
plugin:
  module: plugins/standardApps.ts
  export: kaplanMeierByGroup
limits:
  timeoutSeconds: 60
`;
}

/**
 * cohort-summary always; compare-groups when an attribute has two levels; kaplan-meier when there is
 * an endpoint and an attribute to group by. `schemaPath` is the protocol schema relative to the protocols folder.
 */
export function standardProtocols(defaults: ProtocolDefaults, schemaPath: string): ProtocolFile[] {
  const files: ProtocolFile[] = [
    { name: 'cohort-summary.yaml', content: cohortSummary(defaults), export: 'cohortSummary' },
  ];
  if (defaults.compareBy)
    files.push({ name: 'compare-groups.yaml', content: compareGroups(defaults), export: 'compareGroups' });
  if (defaults.groupBy && defaults.endpoint)
    files.push({ name: 'kaplan-meier.yaml', content: kaplanMeier(defaults), export: 'kaplanMeierByGroup' });
  return files.map((file) => ({ ...file, content: file.content.replace('SCHEMA', schemaPath) }));
}

/** plugins/standardApps.ts re-exporting the standard apps the protocols name. */
export function standardAppsModule(exports: readonly string[]): string {
  const names = [...new Set(exports)].sort();
  return `// The product's apps are Plexus's standard ones; a product that needs its own algorithm adds a module
// beside this one and names it in its protocol.
export {
${names.map((name) => `  ${name},`).join('\n')}
} from '@plexus/apps';
`;
}
