import { type Static, Type } from '@sinclair/typebox';

/**
 * What one site of a federated run sends to the coordinator: aggregates only, never rows. The site
 * applies its disclosure control to them before they leave (a published count is a number, or null
 * when suppressed), and the coordinator combines the sites' aggregates by the protocol's rule.
 */

const Dimension = Type.Object(
  {
    id: Type.String({ description: 'The attribute the dimension counts by.' }),
    label: Type.String(),
    levels: Type.Array(Type.String(), {
      description: 'Its levels, in order: every site sends the same ones.',
    }),
  },
  { additionalProperties: false },
);

const SuppressedCount = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
  description: 'A count, or null where disclosure control suppressed it.',
});

export const CountAggregatesSchema = Type.Object(
  {
    kind: Type.Literal('counts'),
    rows: Dimension,
    columns: Type.Optional(Dimension),
    /** counts[row][column]; one column when there is no column dimension. */
    counts: Type.Array(Type.Array(SuppressedCount)),
    /** Which published cells were suppressed and why; same shape as counts. */
    suppression: Type.Optional(
      Type.Array(Type.Array(Type.Union([Type.Null(), Type.Literal('primary'), Type.Literal('secondary')]))),
    ),
  },
  { additionalProperties: false, description: 'Contingency counts (combine: sum).' },
);

export const MomentAggregatesSchema = Type.Object(
  {
    kind: Type.Literal('moments'),
    variable: Type.Object(
      { id: Type.String(), label: Type.String(), unit: Type.Optional(Type.String()) },
      { additionalProperties: false },
    ),
    groupBy: Type.Optional(
      Type.Object({ id: Type.String(), label: Type.String() }, { additionalProperties: false }),
    ),
    groups: Type.Array(
      Type.Object(
        {
          group: Type.String(),
          n: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
          mean: Type.Union([Type.Number(), Type.Null()]),
          /** Sum of squared deviations from the mean. */
          m2: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, description: 'Sufficient statistics per group (combine: pooled-moments).' },
);

export const EstimateAggregatesSchema = Type.Object(
  {
    kind: Type.Literal('estimates'),
    measure: Type.Union([Type.Literal('log-hazard-ratio'), Type.Literal('mean-difference')]),
    estimates: Type.Array(
      Type.Object(
        {
          id: Type.String({ description: 'What is estimated, e.g. the term arm=test.' }),
          label: Type.String(),
          estimate: Type.Union([Type.Number(), Type.Null()]),
          se: Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Null()]),
          n: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
          events: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
        },
        { additionalProperties: false },
      ),
    ),
  },
  {
    additionalProperties: false,
    description: 'Effect estimates with standard errors (combine: meta-analysis).',
  },
);

export const RiskTableAggregatesSchema = Type.Object(
  {
    kind: Type.Literal('risk-tables'),
    endpoint: Type.Object(
      { id: Type.String(), label: Type.String(), unit: Type.String() },
      { additionalProperties: false },
    ),
    groupBy: Type.Optional(
      Type.Object({ id: Type.String(), label: Type.String() }, { additionalProperties: false }),
    ),
    /** The shared time grid every site tabulates on. */
    grid: Type.Array(Type.Number()),
    strata: Type.Array(
      Type.Object(
        {
          group: Type.String(),
          nRisk: Type.Union([Type.Array(Type.Integer({ minimum: 0 })), Type.Null()]),
          nEvent: Type.Union([Type.Array(Type.Integer({ minimum: 0 })), Type.Null()]),
          nCensor: Type.Union([Type.Array(Type.Integer({ minimum: 0 })), Type.Null()]),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, description: 'Risk tables on a shared grid (combine: km-pooled).' },
);

export const SiteAggregatesSchema = Type.Union(
  [CountAggregatesSchema, MomentAggregatesSchema, EstimateAggregatesSchema, RiskTableAggregatesSchema],
  {
    $id: 'https://plexus.dev/schemas/v1/site-aggregates.schema.json',
    title: 'Plexus site aggregates',
    description: 'What a site of a federated run sends: aggregates after its disclosure control.',
  },
);

export const FEDERATION_COMBINERS = ['sum', 'pooled-moments', 'meta-analysis', 'km-pooled'] as const;

export type CountAggregates = Static<typeof CountAggregatesSchema>;
export type MomentAggregates = Static<typeof MomentAggregatesSchema>;
export type EstimateAggregates = Static<typeof EstimateAggregatesSchema>;
export type RiskTableAggregates = Static<typeof RiskTableAggregatesSchema>;
export type SiteAggregates = Static<typeof SiteAggregatesSchema>;
export type FederationCombiner = (typeof FEDERATION_COMBINERS)[number];
