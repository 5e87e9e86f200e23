import { type Static, Type } from '@sinclair/typebox';
import { SemVerSchema, SlugSchema } from './common.ts';
import { OwnerSchema } from './ProductSchema.ts';

/**
 * How the entity count of a catalog entry was disclosed. A count below `minCellCount` is never published
 * (count null, suppressed true); the others are exact or rounded to the nearest 10.
 */
export const CountDisclosureSchema = Type.Object(
  {
    minCellCount: Type.Integer({
      minimum: 1,
      description: 'Counts below this are suppressed: published as null.',
    }),
    suppressed: Type.Boolean({ description: 'True when the count was below minCellCount.' }),
    roundedTo: Type.Union([Type.Literal(1), Type.Literal(10)], {
      description: '1: the count as it is; 10: rounded to the nearest 10.',
    }),
  },
  { additionalProperties: false },
);

export const CatalogModalitySchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    kind: Type.Union([Type.Literal('events'), Type.Literal('matrix'), Type.Literal('variants')]),
    label: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

export const CatalogProtocolSchema = Type.Object(
  {
    id: SlugSchema,
    version: Type.String({ minLength: 1 }),
    title: Type.String({ minLength: 1 }),
    category: Type.String({ minLength: 1 }),
    federated: Type.Optional(
      Type.Object(
        {
          combine: Type.String({
            minLength: 1,
            description: 'How the per-node results combine across the mesh, e.g. meta-analysis.',
          }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** What a node publishes to the mesh catalog for one data product it serves. Signed by the node (JWS). */
export const CatalogEntrySchema = Type.Object(
  {
    id: SlugSchema,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.String({ minLength: 1 }),
    domain: Type.String({ minLength: 1 }),
    owners: Type.Array(OwnerSchema, { minItems: 1 }),
    tags: Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true }),
    entity: Type.Object(
      {
        singular: Type.String({ minLength: 1 }),
        plural: Type.String({ minLength: 1 }),
        count: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
          description: 'After disclosure control: null when suppressed, possibly rounded.',
        }),
        disclosure: CountDisclosureSchema,
      },
      { additionalProperties: false },
    ),
    modalities: Type.Array(CatalogModalitySchema),
    protocols: Type.Array(CatalogProtocolSchema),
    versions: Type.Object(
      {
        productVersion: SemVerSchema,
        dataVersion: Type.String({ minLength: 1 }),
        definitionHash: Type.String({ minLength: 1 }),
      },
      { additionalProperties: false },
    ),
    node: Type.Object(
      {
        id: Type.String({ minLength: 1 }),
        url: Type.String({ format: 'uri', pattern: '^https?://' }),
      },
      { additionalProperties: false },
    ),
    health: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
    tests: Type.Object(
      {
        status: Type.Union([Type.Literal('passed'), Type.Literal('failed'), Type.Literal('none')]),
        cases: Type.Integer({ minimum: 0 }),
        passed: Type.Integer({ minimum: 0 }),
        failed: Type.Integer({ minimum: 0 }),
      },
      { additionalProperties: false },
    ),
    visibility: Type.Union([Type.Literal('public'), Type.Literal('private')], {
      description: 'private: listed in the catalog, but its data needs a grant on the node.',
    }),
    publishedAt: Type.String({ format: 'date-time' }),
  },
  {
    $id: 'https://plexus.dev/schemas/v1/catalog-entry.schema.json',
    title: 'Plexus catalog entry',
    description: 'What a node publishes to the mesh catalog for one data product.',
    additionalProperties: false,
  },
);

export type CountDisclosure = Static<typeof CountDisclosureSchema>;
export type CatalogModality = Static<typeof CatalogModalitySchema>;
export type CatalogProtocol = Static<typeof CatalogProtocolSchema>;
export type CatalogEntry = Static<typeof CatalogEntrySchema>;
