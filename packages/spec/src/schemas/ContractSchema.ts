import { type Static, Type } from '@sinclair/typebox';
import { ApiVersionSchema, ColumnTypeSchema, SemVerSchema, SlugSchema } from './common.ts';
import { DeclaredResultBlockSchema, ParameterSchema } from './ProtocolSchema.ts';

export const ContractProtocolSchema = Type.Object(
  {
    id: SlugSchema,
    version: SemVerSchema,
    title: Type.String(),
    category: Type.String(),
    parameters: Type.Record(Type.String(), ParameterSchema, {
      description: 'Every parameter with its full declared schema, in the order the protocol declares them.',
    }),
    results: Type.Optional(
      Type.Array(DeclaredResultBlockSchema, {
        description: 'The result blocks the protocol declares; absent when it declares none.',
      }),
    ),
    attributes: Type.Array(Type.String(), {
      description:
        'Model attributes the protocol uses: defaults of its attribute and attributes parameters and attribute ids its file names.',
    }),
  },
  { additionalProperties: false },
);

export const ContractSchema = Type.Object(
  {
    apiVersion: ApiVersionSchema,
    kind: Type.Literal('Contract'),
    product: Type.Object(
      { id: SlugSchema, version: SemVerSchema, title: Type.String() },
      { additionalProperties: false },
    ),
    entity: Type.Object({ singular: Type.String(), plural: Type.String() }, { additionalProperties: false }),
    attributes: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          type: ColumnTypeSchema,
          levels: Type.Optional(
            Type.Array(Type.String(), {
              description: 'Category levels the mapping declares (levels or value map), in order.',
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    endpoints: Type.Array(Type.Object({ id: Type.String() }, { additionalProperties: false })),
    modalities: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          kind: Type.Union([Type.Literal('events'), Type.Literal('matrix'), Type.Literal('variants')]),
        },
        { additionalProperties: false },
      ),
    ),
    protocols: Type.Array(ContractProtocolSchema),
  },
  {
    $id: 'https://plexus.dev/schemas/v1/contract.schema.json',
    title: 'Plexus data contract',
    description:
      'What a data product promises its clients, read from its folder without a build: model attributes, endpoints, modalities, protocols with their parameters and declared result blocks (plexus contract, plexus diff).',
    additionalProperties: false,
  },
);

export type ContractProtocol = Static<typeof ContractProtocolSchema>;
export type Contract = Static<typeof ContractSchema>;
