import { type Static, Type } from '@sinclair/typebox';
import { ResultDocumentSchema } from './ResultDocumentSchema.ts';

export const RunErrorSchema = Type.Object(
  {
    code: Type.String({
      description:
        'e.g. PLUGIN_FAILED, PLUGIN_TIMEOUT, PLUGIN_OUT_OF_MEMORY, INVALID_RESULT, CANCELLED, NODE_RESTARTED.',
    }),
    message: Type.String(),
  },
  { additionalProperties: false },
);

export const RunVersionsSchema = Type.Object(
  {
    productVersion: Type.String(),
    definitionHash: Type.String({
      description: "sha256 (16 hex digits) of the product's definition files: protocols, plugins, mapping.",
    }),
    gitCommit: Type.Union([Type.String(), Type.Null()]),
    dataVersion: Type.String({ description: 'Id of the snapshot the run read.' }),
    engineVersion: Type.String(),
  },
  { additionalProperties: false, description: 'Every version a result depends on.' },
);

export const RunStatusSchema = Type.Union(
  [Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('failed'), Type.Literal('cancelled')],
  { description: 'running until it ends; a plugin failure is a failed run, not an HTTP error.' },
);

/** One execution of a protocol. Timings and the caller live here, not in the result document. */
export const RunSchema = Type.Object(
  {
    id: Type.String(),
    status: RunStatusSchema,
    productId: Type.String(),
    protocolId: Type.String(),
    protocolVersion: Type.Optional(Type.String()),
    startedAt: Type.String({ format: 'date-time' }),
    finishedAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
    durationMs: Type.Number({ description: 'So far, while the run is running.' }),
    versions: Type.Optional(RunVersionsSchema),
    pluginSha256: Type.Optional(Type.String()),
    params: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description: 'The parameters after defaults were applied and names resolved.',
      }),
    ),
    resultHash: Type.Optional(
      Type.Union([Type.String({ pattern: '^[0-9a-f]{64}$' }), Type.Null()], {
        description: 'sha256 of the canonical JSON of the result document (GET /runs/{id}/result).',
      }),
    ),
    reusedFrom: Type.Optional(
      Type.Union([Type.String(), Type.Null()], {
        description:
          'The earlier run of the same versions and parameters whose stored result answered this one.',
      }),
    ),
    rerunOf: Type.Optional(
      Type.Union([Type.String(), Type.Null()], { description: 'The run this one re-ran.' }),
    ),
    progress: Type.Optional(
      Type.Object(
        { fraction: Type.Number({ minimum: 0, maximum: 1 }), message: Type.Optional(Type.String()) },
        { additionalProperties: false, description: 'What the plugin last reported, while running.' },
      ),
    ),
    result: Type.Optional(ResultDocumentSchema),
    error: Type.Optional(RunErrorSchema),
  },
  { $id: 'https://plexus.dev/schemas/v1/run.schema.json', title: 'Plexus run', additionalProperties: false },
);

export type RunError = Static<typeof RunErrorSchema>;
export type RunVersions = Static<typeof RunVersionsSchema>;
export type RunStatus = Static<typeof RunStatusSchema>;
export type Run = Static<typeof RunSchema>;
