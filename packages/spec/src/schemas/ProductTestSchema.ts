import { type Static, Type } from '@sinclair/typebox';
import { ApiVersionSchema, SlugSchema } from './common.ts';

/**
 * How a number is checked: exactly (`137`, or `{equals: 137}`), within a tolerance
 * (`{equals: 0.0082273, relativeTolerance: 1e-6}`), inside a closed interval (`{between: [0.9, 1]}`)
 * or against a bound (`{below: 0.05}`, `{above: 0}`, or both for an open interval). `null` expects a
 * missing value (NA).
 */
export const NumberMatcherSchema = Type.Union(
  [
    Type.Number(),
    Type.Null(),
    Type.Object(
      {
        equals: Type.Optional(Type.Number({ description: 'The expected value.' })),
        tolerance: Type.Optional(
          Type.Number({ minimum: 0, description: 'Largest allowed absolute difference from equals.' }),
        ),
        relativeTolerance: Type.Optional(
          Type.Number({
            minimum: 0,
            description:
              'Largest allowed difference from equals, as a fraction of |equals| (1e-6 for R numbers).',
          }),
        ),
        between: Type.Optional(
          Type.Tuple([Type.Number(), Type.Number()], {
            description: '[lowest, highest], both allowed.',
          }),
        ),
        below: Type.Optional(Type.Number({ description: 'The value must be less than this.' })),
        above: Type.Optional(Type.Number({ description: 'The value must be greater than this.' })),
      },
      {
        additionalProperties: false,
        description: 'One of: equals (with tolerance or relativeTolerance), between, below and/or above.',
      },
    ),
  ],
  {
    description:
      'A number (exact), null (missing), or {equals, tolerance | relativeTolerance}, {between}, {below}, {above}.',
  },
);

/** How many rows: exactly (`rows: 2`) or within bounds (`rows: {min: 1, max: 50}`). */
export const CountMatcherSchema = Type.Union(
  [
    Type.Integer({ minimum: 0 }),
    Type.Object(
      {
        min: Type.Optional(Type.Integer({ minimum: 0 })),
        max: Type.Optional(Type.Integer({ minimum: 0 })),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'A count (exact) or {min, max} (both allowed).' },
);

const CellValueSchema = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

/**
 * One check of one block of the result. Exactly one of present, value, p, ci, df, rows, contains,
 * dataRows, or a cell (where + column with equals or value).
 */
export const ResultExpectationSchema = Type.Object(
  {
    block: Type.String({
      pattern: '^[a-z][a-z0-9-]*$',
      description: 'The id of the result block checked, e.g. log-rank.',
    }),
    present: Type.Optional(Type.Boolean({ description: 'Whether the result has the block at all.' })),
    value: Type.Optional(NumberMatcherSchema),
    p: Type.Optional(NumberMatcherSchema),
    ci: Type.Optional(
      Type.Object(
        {
          lower: Type.Optional(NumberMatcherSchema),
          upper: Type.Optional(NumberMatcherSchema),
          level: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
        },
        {
          additionalProperties: false,
          description: 'Bounds (and level) of a statistic’s confidence interval.',
        },
      ),
    ),
    df: Type.Optional(NumberMatcherSchema),
    rows: Type.Optional(CountMatcherSchema),
    where: Type.Optional(
      Type.Record(Type.String({ minLength: 1 }), CellValueSchema, {
        description: 'Picks a table row by its cells: every column named here must hold the given value.',
        minProperties: 1,
      }),
    ),
    column: Type.Optional(
      Type.String({ minLength: 1, description: 'With where: the column of the checked cell.' }),
    ),
    equals: Type.Optional(
      Type.Union([Type.String(), Type.Boolean(), Type.Null()], {
        description: 'With where and column: the exact text (or true/false/null) of the cell.',
      }),
    ),
    contains: Type.Optional(Type.String({ minLength: 1, description: 'Text a markdown block holds.' })),
    dataRows: Type.Optional(CountMatcherSchema),
  },
  {
    additionalProperties: false,
    description:
      'A check of one result block: present, value, p, ci, df, rows, contains, dataRows, or a cell (where + column, with equals or value).',
  },
);

export const ProductTestCaseSchema = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'What the case shows; unique in its file.',
    }),
    protocol: SlugSchema,
    params: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'Parameters of the run; defaults apply.' }),
    ),
    status: Type.Optional(
      Type.Union([Type.Literal('succeeded'), Type.Literal('failed')], {
        description:
          'The expected outcome of the run (default succeeded): failed tests that bad input is refused.',
      }),
    ),
    error: Type.Optional(
      Type.String({ minLength: 1, description: 'With status: failed, text the error message must contain.' }),
    ),
    expect: Type.Optional(
      Type.Array(ResultExpectationSchema, { description: 'Checks of the result blocks.' }),
    ),
  },
  { additionalProperties: false },
);

export const ProductTestSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    apiVersion: ApiVersionSchema,
    kind: Type.Literal('ProductTest'),
    description: Type.Optional(Type.String()),
    cases: Type.Array(ProductTestCaseSchema, { minItems: 1 }),
  },
  {
    $id: 'https://plexus.dev/schemas/v1/product-test.schema.json',
    title: 'Plexus product test',
    description:
      'tests/*.yaml: runs of a product’s protocols with checks of their result blocks (plexus test).',
    additionalProperties: false,
  },
);

export type NumberMatcher = Static<typeof NumberMatcherSchema>;
export type CountMatcher = Static<typeof CountMatcherSchema>;
export type ResultExpectation = Static<typeof ResultExpectationSchema>;
export type ProductTestCaseDefinition = Static<typeof ProductTestCaseSchema>;
export type ProductTest = Static<typeof ProductTestSchema>;
