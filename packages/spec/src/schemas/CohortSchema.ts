import { type Static, Type } from '@sinclair/typebox';
import { IdentifierSchema, ScalarSchema } from './common.ts';

export const ComparisonOperators = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const;
export const SetOperators = ['in', 'notIn'] as const;
export const RangeOperators = ['between'] as const;
export const PresenceOperators = ['missing', 'present'] as const;

/**
 * One condition on one attribute. The attribute name is resolved against the product's model, so it
 * never reaches SQL as text; the values are bound parameters.
 */
export const AttributeCriterionSchema = Type.Object(
  {
    attribute: IdentifierSchema,
    op: Type.Union(
      [...ComparisonOperators, ...SetOperators, ...RangeOperators, ...PresenceOperators].map((op) =>
        Type.Literal(op),
      ),
      {
        description:
          'eq, ne, lt, lte, gt, gte (with value); in, notIn (with values); between (values: [low, high]); missing, present.',
      },
    ),
    value: Type.Optional(ScalarSchema),
    values: Type.Optional(Type.Array(ScalarSchema, { minItems: 1 })),
  },
  { additionalProperties: false },
);

/** Cohort definition v1 (first cut): every entity, or those meeting all of a list of attribute criteria. */
export const CohortSchema = Type.Object(
  {
    all: Type.Optional(
      Type.Array(AttributeCriterionSchema, {
        description: 'Criteria that must all hold. Empty or absent: every entity.',
      }),
    ),
  },
  {
    $id: 'https://plexus.dev/schemas/v1/cohort.schema.json',
    title: 'Plexus cohort',
    additionalProperties: false,
  },
);

export type AttributeCriterion = Static<typeof AttributeCriterionSchema>;
export type CriterionOperator = AttributeCriterion['op'];
export type Cohort = Static<typeof CohortSchema>;
