import { CatalogEntrySchema } from '@plexus/spec';
import { type TSchema, Type } from '@sinclair/typebox';

// The entry's own schema carries the published $id of the spec; the routes use its properties inline.
const entryProperties = CatalogEntrySchema.properties;

export const CatalogEntryBodySchema = Type.Object(entryProperties, {
  additionalProperties: false,
  description: 'A catalog entry as its node signed it (docs/catalog.md).',
});

const FilterSchema = (description: string) =>
  Type.Optional(
    Type.Union(
      [Type.String({ maxLength: 200 }), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20 })],
      { description: `${description} Repeat the parameter for several values (any of them).` },
    ),
  );

export const CatalogSearchQuerySchema = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'Free text over titles, descriptions, tags, domains, owners, modalities and protocols; the last word is a prefix.',
      }),
    ),
    domain: FilterSchema('A domain, e.g. oncology.'),
    modality: FilterSchema('A modality kind: events, matrix or variants.'),
    tag: FilterSchema('A tag.'),
    owner: FilterSchema("An owner's name."),
    product: Type.Optional(
      Type.String({
        pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
        maxLength: 100,
        description: 'Only the entries of this product id, on every node that serves it.',
      }),
    ),
    includeStale: Type.Optional(
      Type.Union([Type.Literal('true'), Type.Literal('false')], {
        description: 'Also list the entries of nodes that stopped sending heartbeats; default false.',
      }),
    ),
    // Query strings are text (the node does not coerce types): numbers as digits, checked when used.
    limit: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,3}$', description: 'How many, 1 to 100; default 20.' }),
    ),
    offset: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,9}$', description: 'How many to skip; default 0.' }),
    ),
  },
  { additionalProperties: false },
);

export interface CatalogSearchQuery {
  q?: string;
  domain?: string | string[];
  modality?: string | string[];
  tag?: string | string[];
  owner?: string | string[];
  product?: string;
  includeStale?: 'true' | 'false';
  limit?: string;
  offset?: string;
}

const FacetCountsSchema = Type.Array(
  Type.Object({ value: Type.String(), count: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
);

export const CatalogSearchResultSchema = Type.Object(
  {
    total: Type.Integer({ minimum: 0, description: 'How many entries match, over all pages.' }),
    results: Type.Array(
      Type.Object(
        {
          ...entryProperties,
          score: Type.Number({ description: 'Higher is better; 0 without q.' }),
          stale: Type.Boolean({ description: 'Its node has sent no heartbeat for 3 heartbeat intervals.' }),
        },
        { additionalProperties: false },
      ),
    ),
    facets: Type.Object(
      {
        domain: FacetCountsSchema,
        modality: FacetCountsSchema,
        tag: FacetCountsSchema,
        owner: FacetCountsSchema,
      },
      {
        additionalProperties: false,
        description:
          "Drill-down counts: each facet's counts apply every other facet's filter but not its own.",
      },
    ),
  },
  { additionalProperties: false },
);

export const PublishBodySchema = Type.Object(
  {
    entries: Type.Array(Type.String({ minLength: 1, maxLength: 65_536 }), {
      maxItems: 1000,
      description:
        "Every entry the node publishes, each a compact JWS signed with the node's key: the full list (entries of the node not in it are removed).",
    }),
  },
  { additionalProperties: false },
);

export const PublishResultSchema = Type.Object(
  {
    node: Type.String(),
    published: Type.Integer({ minimum: 0 }),
    removed: Type.Integer({ minimum: 0, description: 'Entries of the node no longer in its list.' }),
  },
  { additionalProperties: false },
);

export const HeartbeatResultSchema = Type.Object(
  {
    node: Type.String(),
    entries: Type.Integer({ minimum: 0, description: 'How many entries of the node the catalog holds.' }),
    heartbeatIntervalMs: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

export const CatalogEntryPathSchema = Type.Object({
  nodeId: Type.String({ description: 'Id of the node serving the product.' }),
  productId: Type.String({ description: 'Id of the product on that node.' }),
});

export interface CatalogEntryPath {
  nodeId: string;
  productId: string;
}

export const StoredEntrySchema = Type.Object(
  {
    entry: CatalogEntryBodySchema,
    jws: Type.Union([Type.String(), Type.Null()], {
      description: "The node's compact JWS of the entry: check it against <node url>/.well-known/jwks.json.",
    }),
    stale: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** A 200 answer that is a document in a media type other than JSON. */
export function documentResponse(mediaType: string, description: string): TSchema {
  return Type.Unsafe({
    description,
    content: { [mediaType]: { schema: { type: 'string' } } },
  });
}
