import { type Static, type TLiteral, type TSchema, Type } from '@sinclair/typebox';
import { IdentifierSchema, ScalarSchema } from './common.ts';

export const ComparisonOperators = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const;
export const SetOperators = ['in', 'notIn'] as const;
export const RangeOperators = ['between'] as const;
export const PresenceOperators = ['missing', 'present'] as const;

export const COHORT_SCHEMA_ID = 'https://plexus.dev/schemas/v1/cohort.schema.json';

const opSchema = <T extends string>(ops: readonly T[], description: string) =>
  Type.Union(ops.map((op) => Type.Literal(op)) as Array<TLiteral<T>>, { description });

/**
 * One condition on one attribute. The attribute name is resolved against the product's model, so it
 * never reaches SQL as text; the values are bound parameters.
 */
export const AttributeCriterionSchema = Type.Object(
  {
    attribute: IdentifierSchema,
    op: opSchema(
      [...ComparisonOperators, ...SetOperators, ...RangeOperators, ...PresenceOperators],
      'eq, ne, lt, lte, gt, gte (with value); in, notIn (with values); between (values: [low, high]); missing, present.',
    ),
    value: Type.Optional(ScalarSchema),
    values: Type.Optional(Type.Array(ScalarSchema, { minItems: 1 })),
  },
  { additionalProperties: false, title: 'Attribute criterion' },
);

/** A numeric comparison: {op: gte, value: 5} or {op: between, values: [1, 2]}. */
export const NumberConditionSchema = Type.Object(
  {
    op: opSchema(
      [...ComparisonOperators, ...RangeOperators],
      'eq, ne, lt, lte, gt, gte (with value) or between (values: [low, high], inclusive).',
    ),
    value: Type.Optional(Type.Number()),
    values: Type.Optional(Type.Array(Type.Number(), { minItems: 2, maxItems: 2 })),
  },
  { additionalProperties: false },
);

export const EndpointCriterionSchema = Type.Object(
  {
    endpoint: IdentifierSchema,
    event: Type.Optional(Type.Boolean({ description: 'true: the event occurred; false: censored.' })),
    time: Type.Optional(NumberConditionSchema),
  },
  { additionalProperties: false, title: 'Endpoint criterion', minProperties: 2 },
);

const TextSetSchema = (what: string) =>
  Type.Array(Type.String({ maxLength: 1000 }), {
    minItems: 1,
    maxItems: 10_000,
    description: `${what} in this set.`,
  });

const EventFilterProperties = {
  events: Type.String({ pattern: '^[a-z][a-z0-9_]*$', description: 'An events modality of the product.' }),
  name: Type.Optional(TextSetSchema('Event name')),
  code: Type.Optional(TextSetSchema('Event code')),
  group: Type.Optional(TextSetSchema('Event group (e.g. body system)')),
  text: Type.Optional(TextSetSchema('Text value (e.g. severity)')),
};

export const EventAnchorSchema = Type.Union(
  [
    Type.Object(
      { attribute: IdentifierSchema },
      {
        additionalProperties: false,
        description: 'A date attribute, or a number of days from the same origin as the events.',
      },
    ),
    Type.Object(
      {
        ...EventFilterProperties,
        occurrence: Type.Optional(
          Type.Union([Type.Literal('first'), Type.Literal('last')], { description: 'Default first.' }),
        ),
      },
      {
        additionalProperties: false,
        description: 'The first (or last) matching event of each entity, e.g. first dose.',
      },
    ),
  ],
  {
    description:
      "The time windows are measured from: an attribute or an entity's first or last matching event.",
  },
);

export const EventWindowSchema = Type.Object(
  {
    anchor: Type.Optional(EventAnchorSchema),
    from: Type.Optional(Type.Number({ description: 'Days after the anchor (negative: before). Inclusive.' })),
    to: Type.Optional(Type.Number({ description: 'Days after the anchor. Inclusive.' })),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description:
      'Only events within [from, to] days of the anchor; without an anchor, from and to are the event times themselves (days from the origin, or days since 1970-01-01 for dated events).',
  },
);

export const EventCriterionSchema = Type.Object(
  {
    ...EventFilterProperties,
    value: Type.Optional(NumberConditionSchema),
    window: Type.Optional(EventWindowSchema),
    count: Type.Optional(
      Type.Object(
        { atLeast: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
        { additionalProperties: false, description: 'How many matching events an entity needs. Default 1.' },
      ),
    ),
  },
  { additionalProperties: false, title: 'Event criterion' },
);

export const FeatureCriterionSchema = Type.Object(
  {
    matrix: Type.String({ pattern: '^[a-z][a-z0-9_]*$', description: 'A matrix modality of the product.' }),
    feature: Type.String({
      minLength: 1,
      maxLength: 1000,
      description: 'Feature id or unique name (e.g. a gene).',
    }),
    op: Type.Optional(
      opSchema(
        [...ComparisonOperators, ...RangeOperators],
        'Compare the value: eq, ne, lt, lte, gt, gte, between.',
      ),
    ),
    value: Type.Optional(Type.Number()),
    values: Type.Optional(Type.Array(Type.Number(), { minItems: 2, maxItems: 2 })),
    percentile: Type.Optional(
      Type.Object(
        {
          above: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
          below: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
        },
        {
          additionalProperties: false,
          minProperties: 1,
          description:
            "Within-product percentiles of the feature: {above: 75} is the top quartile (value ≥ the 75th percentile, R's type 7), {below: 25} the bottom one.",
        },
      ),
    ),
  },
  { additionalProperties: false, title: 'Feature criterion' },
);

export const ZygosityValues = ['heterozygous', 'homozygous'] as const;

export const VariantCriterionSchema = Type.Object(
  {
    variants: Type.String({
      pattern: '^[a-z][a-z0-9_]*$',
      description: 'A variants modality of the product.',
    }),
    gene: Type.Optional(TextSetSchema('Gene')),
    chrom: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    from: Type.Optional(
      Type.Integer({ minimum: 0, description: 'First position (1-based, inclusive); needs chrom.' }),
    ),
    to: Type.Optional(Type.Integer({ minimum: 0, description: 'Last position (inclusive); needs chrom.' })),
    ref: Type.Optional(TextSetSchema('Reference allele')),
    alt: Type.Optional(TextSetSchema('Alternate allele')),
    consequence: Type.Optional(TextSetSchema('Consequence (e.g. missense_variant)')),
    zygosity: Type.Optional(
      Type.Array(Type.Union(ZygosityValues.map((value) => Type.Literal(value))), {
        minItems: 1,
        description: 'heterozygous and/or homozygous (for the alternate allele).',
      }),
    ),
  },
  { additionalProperties: false, title: 'Variant criterion' },
);

/**
 * Cohort definition v1: a boolean tree of criteria. Leaves are criteria on attributes, endpoints,
 * events, matrix features and variants; inner nodes are all, any, not and atLeast(n) of. `{}` is every
 * entity.
 */
export const CohortSchema = Type.Recursive(
  (Node: TSchema) =>
    Type.Union([
      Type.Object(
        {
          all: Type.Array(Node, {
            maxItems: 1000,
            description: 'Every criterion holds. Empty: every entity.',
          }),
        },
        { additionalProperties: false, title: 'all' },
      ),
      Type.Object(
        {
          any: Type.Array(Node, {
            minItems: 1,
            maxItems: 1000,
            description: 'At least one criterion holds.',
          }),
        },
        { additionalProperties: false, title: 'any' },
      ),
      Type.Object({ not: Node }, { additionalProperties: false, title: 'not' }),
      Type.Object(
        {
          atLeast: Type.Integer({ minimum: 0, description: 'How many of the criteria must hold.' }),
          of: Type.Array(Node, { minItems: 1, maxItems: 1000 }),
        },
        { additionalProperties: false, title: 'atLeast' },
      ),
      AttributeCriterionSchema,
      EndpointCriterionSchema,
      EventCriterionSchema,
      FeatureCriterionSchema,
      VariantCriterionSchema,
      Type.Object({}, { additionalProperties: false, title: 'every entity' }),
    ]),
  {
    $id: COHORT_SCHEMA_ID,
    title: 'Plexus cohort',
    description:
      'A boolean tree (all, any, not, atLeast/of) of criteria on attributes, endpoints, events, matrix features and variants. {} is every entity.',
  },
);

export type AttributeCriterion = Static<typeof AttributeCriterionSchema>;
export type CriterionOperator = AttributeCriterion['op'];
export type NumberCondition = Static<typeof NumberConditionSchema>;
export type EndpointCriterion = Static<typeof EndpointCriterionSchema>;
export type EventAnchor = Static<typeof EventAnchorSchema>;
export type EventWindow = Static<typeof EventWindowSchema>;
export type EventCriterion = Static<typeof EventCriterionSchema>;
export type FeatureCriterion = Static<typeof FeatureCriterionSchema>;
export type VariantCriterion = Static<typeof VariantCriterionSchema>;
export type Zygosity = (typeof ZygosityValues)[number];

export type CohortNode =
  | { all: CohortNode[] }
  | { any: CohortNode[] }
  | { not: CohortNode }
  | { atLeast: number; of: CohortNode[] }
  | AttributeCriterion
  | EndpointCriterion
  | EventCriterion
  | FeatureCriterion
  | VariantCriterion
  | Record<string, never>;

export type Cohort = CohortNode;
