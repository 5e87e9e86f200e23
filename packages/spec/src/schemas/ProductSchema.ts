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
