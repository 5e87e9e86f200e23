import { ResultComparisonSchema, ResultDocumentSchema, RunSchema } from '@plexus/spec';
import { Type } from '@sinclair/typebox';
import { refTo } from './refTo.ts';

// The spec's schemas carry URL `$id`s, which are not valid OpenAPI component names; these copies take
// short ids so that the result document and the run each appear once under `components.schemas`.

export const ResultDocumentComponentSchema = Type.Object(ResultDocumentSchema.properties, {
  $id: 'ResultDocument',
  additionalProperties: false,
  description: ResultDocumentSchema.description,
});

export const RunComponentSchema = Type.Object(
  { ...RunSchema.properties, result: Type.Optional(refTo(ResultDocumentComponentSchema)) },
  {
    $id: 'Run',
    additionalProperties: false,
    description: 'One execution of a protocol. A run whose plugin failed has status failed and an error.',
  },
);

/** What the caller sends to run a protocol. */
export const RunRequestSchema = Type.Object(
  {
    params: Type.Optional(
      Type.Unsafe<Record<string, unknown>>(
        Type.Object(
          {},
          {
            additionalProperties: true,
            description: 'Parameters of the protocol, as described by its `parameters` schema. Default: {}.',
          },
        ),
      ),
    ),
    fresh: Type.Optional(
      Type.Boolean({
        description:
          'Execute even when an identical earlier request has a stored result. Default false: the stored result answers.',
      }),
    ),
  },
  { $id: 'RunRequest', additionalProperties: false },
);

export const ResultComparisonComponentSchema = Type.Object(ResultComparisonSchema.properties, {
  $id: 'ResultComparison',
  additionalProperties: false,
  description: ResultComparisonSchema.description,
});

export const VersionChangeSchema = Type.Object(
  {
    name: Type.Union(
      [
        'productVersion',
        'definitionHash',
        'gitCommit',
        'dataVersion',
        'engineVersion',
        'protocolVersion',
        'pluginSha256',
      ].map((name) => Type.Literal(name)),
    ),
    from: Type.Union([Type.String(), Type.Null()]),
    to: Type.Union([Type.String(), Type.Null()]),
  },
  {
    $id: 'VersionChange',
    additionalProperties: false,
    description: 'A version that differs between two runs.',
  },
);
