import { type Static, Type } from '@sinclair/typebox';
import { ApiVersionSchema, SemVerSchema, SlugSchema } from './common.ts';

export const OwnerSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, description: 'A person or group responsible for the product.' }),
    email: Type.Optional(Type.String({ format: 'email' })),
    role: Type.Optional(Type.String({ description: 'e.g. data steward, principal investigator.' })),
  },
  { additionalProperties: false },
);

/** The optional `disclosure:` section: what a node applies to aggregates before they leave it. */
export const DisclosurePolicySchema = Type.Object(
  {
    minCellCount: Type.Optional(
      Type.Integer({
        minimum: 1,
        default: 5,
        description:
          'Smallest count published: non-zero counts below it are reported as "<n", and groups, strata and estimates built on fewer entities (or events) are withheld. Default 5.',
      }),
    ),
    federated: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          'Whether the product answers federated questions from other nodes at all. Default false.',
      }),
    ),
    obfuscation: Type.Optional(
      Type.Object(
        {
          noise: Type.Optional(
            Type.Object(
              {
                sigma: Type.Number({
                  exclusiveMinimum: 0,
                  description:
                    'Standard deviation of the Gaussian noise added to each count before suppression (i2b2 uses about 1.3). The same question always gets the same noise.',
                }),
              },
              { additionalProperties: false },
            ),
          ),
          round: Type.Optional(
            Type.Integer({
              minimum: 1,
              description: 'Round each (noisy) count to the nearest multiple of this number.',
            }),
          ),
        },
        { additionalProperties: false, description: 'Perturbation of counts before suppression.' },
      ),
    ),
    repeatedQueries: Type.Optional(
      Type.Object(
        {
          max: Type.Integer({
            minimum: 1,
            description:
              'How many times one user may ask the same question (same product, same canonical query) within the window.',
          }),
          windowHours: Type.Number({
            exclusiveMinimum: 0,
            description: 'Length of the sliding window, in hours.',
          }),
        },
        { additionalProperties: false, description: 'Per-user limit on identical queries.' },
      ),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Disclosure control: suppression thresholds, noise and query limits applied to every aggregate.',
  },
);

export const ProductSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    apiVersion: ApiVersionSchema,
    kind: Type.Literal('DataProduct'),
    id: SlugSchema,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    version: SemVerSchema,
    description: Type.String({
      minLength: 1,
      description: 'Markdown: what the data is, where it comes from, its caveats.',
    }),
    domain: Type.String({ minLength: 1, description: 'Therapeutic or business domain, e.g. oncology.' }),
    owners: Type.Array(OwnerSchema, { minItems: 1 }),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true })),
    entity: Type.Object(
      {
        singular: Type.String({ minLength: 1, description: 'What one row is, e.g. patient.' }),
        plural: Type.String({ minLength: 1, description: 'e.g. patients.' }),
      },
      { additionalProperties: false },
    ),
    mapping: Type.Optional(
      Type.String({ description: 'Mapping file, relative to the product folder. Default mapping.yaml.' }),
    ),
    protocols: Type.Optional(
      Type.String({
        description: 'Folder holding the protocol files, relative to the product folder. Default protocols.',
      }),
    ),
    access: Type.Optional(
      Type.Object(
        {
          visibility: Type.Union([Type.Literal('public'), Type.Literal('private')], {
            description:
              'private (default): invisible — 404 — to anyone without a grant; public: listed and described to everyone.',
          }),
          everyone: Type.Optional(
            Type.Union([Type.Literal('viewer'), Type.Literal('analyst')], {
              description:
                'On a public product, the role every caller has, signed in or not: viewer (default; metadata and aggregate counts) or analyst (run every protocol). Exports always need a grant.',
            }),
          ),
        },
        {
          additionalProperties: false,
          description:
            'Who may use the product when a node first serves it; afterwards its owners manage access on the node.',
        },
      ),
    ),
    disclosure: Type.Optional(DisclosurePolicySchema),
    license: Type.Optional(Type.String()),
    source: Type.Optional(Type.String({ description: 'Where the data comes from (citation, URL).' })),
  },
  {
    $id: 'https://plexus.dev/schemas/v1/product.schema.json',
    title: 'Plexus data product',
    description: 'product.yaml: the identity of a data product.',
    additionalProperties: false,
  },
);

export type Product = Static<typeof ProductSchema>;
export type Owner = Static<typeof OwnerSchema>;
export type DisclosurePolicyInput = Static<typeof DisclosurePolicySchema>;
