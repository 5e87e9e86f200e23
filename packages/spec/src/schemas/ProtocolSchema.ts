import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { ApiVersionSchema, ColumnTypeSchema, IdentifierSchema, SemVerSchema, SlugSchema } from './common.ts';

const common = {
  title: Type.Optional(Type.String({ description: 'Label shown in forms.' })),
  description: Type.Optional(Type.String()),
  required: Type.Optional(Type.Boolean({ description: 'Default: true unless a default is given.' })),
};

function parameter<K extends string, T extends Record<string, TSchema>>(
  type: K,
  properties: T,
  description: string,
) {
  return Type.Object(
    { type: Type.Literal(type), ...common, ...properties },
    { additionalProperties: false, description },
  );
}

export const ParameterSchema = Type.Union(
  [
    parameter(
      'cohort',
      {},
      'The entities to analyse: a cohort definition (a tree of criteria); {} is every entity.',
    ),
    parameter(
      'attribute',
      {
        attributeTypes: Type.Optional(
          Type.Array(ColumnTypeSchema, { minItems: 1, description: 'Allowed attribute types.' }),
        ),
        default: Type.Optional(IdentifierSchema),
      },
      'The id of a model attribute, optionally restricted by type.',
    ),
    parameter(
      'attributes',
      {
        attributeTypes: Type.Optional(
          Type.Array(ColumnTypeSchema, { minItems: 1, description: 'Allowed attribute types.' }),
        ),
        minItems: Type.Optional(Type.Integer({ minimum: 0 })),
        maxItems: Type.Optional(Type.Integer({ minimum: 1 })),
        default: Type.Optional(Type.Array(IdentifierSchema, { uniqueItems: true })),
      },
      'A list of distinct model attribute ids (e.g. covariates), optionally restricted by type.',
    ),
    parameter(
      'endpoint',
      { default: Type.Optional(IdentifierSchema) },
      'The id of a time-to-event endpoint.',
    ),
    parameter(
      'enum',
      {
        values: Type.Array(Type.Union([Type.String(), Type.Number()]), { minItems: 1, uniqueItems: true }),
        default: Type.Optional(Type.Union([Type.String(), Type.Number()])),
      },
      'One of a fixed list of values.',
    ),
    parameter(
      'number',
      {
        minimum: Type.Optional(Type.Number()),
        maximum: Type.Optional(Type.Number()),
        exclusiveMinimum: Type.Optional(Type.Number()),
        exclusiveMaximum: Type.Optional(Type.Number()),
        default: Type.Optional(Type.Number()),
      },
      'A number within optional bounds.',
    ),
    parameter(
      'integer',
      {
        minimum: Type.Optional(Type.Integer()),
        maximum: Type.Optional(Type.Integer()),
        default: Type.Optional(Type.Integer()),
      },
      'A whole number within optional bounds.',
    ),
    parameter(
      'feature',
      {
        modality: Type.Optional(
          Type.String({
            pattern: '^[a-z][a-z0-9_]*$',
            description: 'The matrix modality whose features are offered. Default: the only matrix modality.',
          }),
        ),
        default: Type.Optional(Type.String({ minLength: 1 })),
      },
      'The id (or unique name, e.g. a gene symbol) of a feature of a matrix modality.',
    ),
    parameter(
      'modality',
      {
        kinds: Type.Optional(
          Type.Array(Type.Union([Type.Literal('events'), Type.Literal('matrix'), Type.Literal('variants')]), {
            minItems: 1,
            description: 'Allowed kinds of modality.',
          }),
        ),
        default: Type.Optional(IdentifierSchema),
      },
      'The id of a modality of the product (events, matrix or variants), optionally restricted by kind.',
    ),
    parameter('boolean', { default: Type.Optional(Type.Boolean()) }, 'true or false.'),
    parameter(
      'string',
      {
        pattern: Type.Optional(Type.String()),
        maxLength: Type.Optional(Type.Integer({ minimum: 1 })),
        default: Type.Optional(Type.String()),
      },
      'Free text.',
    ),
  ],
  {
    description:
      'A parameter: type is one of cohort, attribute, attributes, endpoint, feature, modality, enum, number, integer, boolean, string.',
  },
);

export const DeclaredResultBlockSchema = Type.Object(
  {
    id: Type.String({
      pattern: '^[a-z][a-z0-9-]*$',
      description: 'The stable id of the block in the result document (e.g. km-curve).',
    }),
    type: Type.Union(
      [Type.Literal('markdown'), Type.Literal('table'), Type.Literal('statistic'), Type.Literal('chart')],
      { description: 'markdown, table, statistic or chart.' },
    ),
    title: Type.Optional(Type.String({ description: 'What the block shows.' })),
    optional: Type.Optional(
      Type.Boolean({
        description: 'true: the block appears only for some parameters (or data). Default: always present.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ProtocolSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    apiVersion: ApiVersionSchema,
    kind: Type.Literal('Protocol'),
    id: SlugSchema,
    version: SemVerSchema,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.String({ minLength: 1 }),
    category: Type.String({
      minLength: 1,
      description: 'Groups apps in listings, e.g. descriptive, survival.',
    }),
    parameters: Type.Record(Type.String({ pattern: '^[a-z][a-zA-Z0-9]*$' }), ParameterSchema, {
      description: 'Named, typed parameters (camelCase names), in the order forms show them.',
      additionalProperties: false,
    }),
    plugin: Type.Object(
      {
        module: Type.String({
          minLength: 1,
          description: 'TypeScript module relative to the product folder.',
        }),
        export: Type.String({
          pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$',
          description: 'Name of the exported function.',
        }),
      },
      { additionalProperties: false },
    ),
    results: Type.Optional(
      Type.Array(DeclaredResultBlockSchema, {
        description:
          "The blocks a protocol returns, part of the product's contract: clients may rely on every block that is not optional.",
      }),
    ),
    federation: Type.Optional(
      Type.Object(
        {
          combine: Type.Union(
            [
              Type.Literal('sum'),
              Type.Literal('pooled-moments'),
              Type.Literal('meta-analysis'),
              Type.Literal('km-pooled'),
            ],
            {
              description:
                'How the sites combine: sum (counts), pooled-moments (means and variances), meta-analysis (fixed and DerSimonian–Laird random effects), km-pooled (Kaplan–Meier from risk tables on a shared grid).',
            },
          ),
          aggregates: Type.String({
            pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$',
            description:
              "The export of the plugin module that computes this site's aggregates (site-aggregates.schema.json).",
          }),
        },
        {
          additionalProperties: false,
          description: 'The protocol answers federated questions: each site sends aggregates, never rows.',
        },
      ),
    ),
    limits: Type.Optional(
      Type.Object(
        {
          timeoutSeconds: Type.Optional(
            Type.Number({ exclusiveMinimum: 0, maximum: 86400, description: 'Default 60.' }),
          ),
          memoryMb: Type.Optional(
            Type.Integer({
              minimum: 32,
              maximum: 65536,
              description: 'Heap limit of the plugin. Default 512.',
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  {
    $id: 'https://plexus.dev/schemas/v1/protocol.schema.json',
    title: 'Plexus protocol',
    description: 'protocols/*.yaml: one typed, versioned analysis app of a data product.',
    additionalProperties: false,
  },
);

export type Parameter = Static<typeof ParameterSchema>;
export type ParameterType = Parameter['type'];
export type Protocol = Static<typeof ProtocolSchema>;
export type DeclaredResultBlock = Static<typeof DeclaredResultBlockSchema>;
