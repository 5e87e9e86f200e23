import { Type } from '@sinclair/typebox';

/** Mirrors `ProtocolSummary` of @plexus/runtime: one method of a product's data contract. */
export const ProtocolSummarySchema = Type.Object(
  {
    id: Type.String(),
    version: Type.String({ description: 'Semantic version of the protocol.' }),
    title: Type.String(),
    description: Type.String(),
    category: Type.String(),
    parameters: Type.Unsafe<Record<string, unknown>>(
      Type.Object(
        {},
        {
          additionalProperties: true,
          description: 'JSON Schema of the `params` object of a run, with the model’s choices as enums.',
        },
      ),
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
            { description: 'How sites combine in a federated run (POST /api/v1/federated/runs).' },
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'ProtocolSummary', additionalProperties: false },
);
