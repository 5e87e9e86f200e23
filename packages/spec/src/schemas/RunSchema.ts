import { type Static, Type } from '@sinclair/typebox';
import { ResultDocumentSchema } from './ResultDocumentSchema.ts';

export const RunErrorSchema = Type.Object(
  {
    code: Type.String({
      description: 'e.g. PLUGIN_FAILED, PLUGIN_TIMEOUT, PLUGIN_OUT_OF_MEMORY, INVALID_RESULT.',
    }),
    message: Type.String(),
  },
  { additionalProperties: false },
);

/** One execution of a protocol. Timings and the caller live here, not in the result document. */
export const RunSchema = Type.Object(
  {
    id: Type.String(),
    status: Type.Union([Type.Literal('succeeded'), Type.Literal('failed')]),
    productId: Type.String(),
    protocolId: Type.String(),
    startedAt: Type.String({ format: 'date-time' }),
    durationMs: Type.Number(),
    result: Type.Optional(ResultDocumentSchema),
    error: Type.Optional(RunErrorSchema),
  },
  { $id: 'https://plexus.dev/schemas/v1/run.schema.json', title: 'Plexus run', additionalProperties: false },
);

export type RunError = Static<typeof RunErrorSchema>;
export type Run = Static<typeof RunSchema>;
