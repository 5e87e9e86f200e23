import { PluginOutputSchema, RunVersionsSchema, SiteAggregatesSchema } from '@plexus/spec';
import { Type } from '@sinclair/typebox';
import { refTo } from '../schemas/refTo.ts';

// Short component ids, as for the run and the result document: the spec's carry URL ids.
export const SiteAggregatesComponentSchema = Type.Union(SiteAggregatesSchema.anyOf, {
  $id: 'SiteAggregates',
  description: SiteAggregatesSchema.description,
});

export const FederatedResultSchema = Type.Object(PluginOutputSchema.properties, {
  $id: 'FederatedResult',
  additionalProperties: false,
  description: 'The combined answer: title, summary and blocks, like a result document.',
});

const Combine = Type.Union([
  Type.Literal('sum'),
  Type.Literal('pooled-moments'),
  Type.Literal('meta-analysis'),
  Type.Literal('km-pooled'),
]);

export const SiteAnswerSchema = Type.Object(
  {
    productId: Type.String(),
    node: Type.String(),
    protocol: Type.Object(
      { id: Type.String(), version: Type.String(), combine: Combine },
      { additionalProperties: false },
    ),
    versions: RunVersionsSchema,
    aggregates: refTo(SiteAggregatesComponentSchema),
    withheld: Type.Integer({ minimum: 0, description: 'Values withheld by disclosure control.' }),
    empty: Type.Boolean({ description: 'Every value was withheld.' }),
    reasons: Type.Array(Type.String()),
  },
  { $id: 'SiteAnswer', additionalProperties: false },
);

export const FederatedRequestSchema = Type.Object(
  {
    sites: Type.Array(
      Type.Object(
        {
          product: Type.String({ description: 'The product id on its node.' }),
          node: Type.Optional(
            Type.String({ description: 'The node serving it (mesh node id); default this node.' }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 64 },
    ),
    protocol: Type.String({ description: 'A protocol every site serves, with the same federation rule.' }),
    params: Type.Optional(
      Type.Unsafe<Record<string, unknown>>(Type.Object({}, { additionalProperties: true })),
    ),
    timeoutSeconds: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, maximum: 600, description: 'Per site; default 30.' }),
    ),
  },
  { $id: 'FederatedRequest', additionalProperties: false },
);

export const FederatedRunSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('succeeded'), Type.Literal('failed')]),
    protocol: Type.String(),
    params: Type.Record(Type.String(), Type.Unknown()),
    startedAt: Type.String({ format: 'date-time' }),
    durationMs: Type.Number(),
    sites: Type.Array(
      Type.Object(
        {
          product: Type.String(),
          node: Type.String(),
          status: Type.Union(
            ['ok', 'denied', 'suppressed', 'timeout', 'error'].map((status) => Type.Literal(status)),
            {
              description:
                'ok: combined; denied: not allowed or unknown there; suppressed: all withheld; timeout; error.',
            },
          ),
          message: Type.Optional(Type.String()),
          durationMs: Type.Number(),
          answer: Type.Optional(refTo(SiteAnswerSchema)),
        },
        { additionalProperties: false },
      ),
    ),
    result: Type.Optional(refTo(FederatedResultSchema)),
    error: Type.Optional(
      Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: false }),
    ),
  },
  { $id: 'FederatedRun', additionalProperties: false },
);
