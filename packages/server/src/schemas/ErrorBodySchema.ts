import { type Static, Type } from '@sinclair/typebox';
import { refTo } from './refTo.ts';

/** Mirrors `ErrorDetail` of @plexus/spec: one problem with the request, aimed at the field that caused it. */
export const ErrorDetailSchema = Type.Object(
  {
    at: Type.Optional(
      Type.String({
        description: 'Where the problem is: a parameter name, or a JSON pointer into the request body.',
      }),
    ),
    message: Type.String(),
    expected: Type.Optional(Type.String({ description: 'What would have been accepted.' })),
    found: Type.Optional(Type.Unknown({ description: 'What was sent (possibly shortened).' })),
    allowed: Type.Optional(
      Type.Array(Type.Unknown(), { description: 'The values that would have been accepted.' }),
    ),
  },
  { $id: 'ErrorDetail', additionalProperties: false },
);

/** The one body of every error response, whatever raised the error. */
export const ErrorBodySchema = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String({
          description: 'Stable machine-readable code, e.g. INPUT_INVALID, NOT_FOUND, INTERNAL.',
        }),
        message: Type.String({ description: 'A sentence for people.' }),
        errorId: Type.Optional(
          Type.String({
            description: 'Only on server faults: quote it to the operator to find the log entry.',
          }),
        ),
        details: Type.Array(refTo(ErrorDetailSchema)),
      },
      { additionalProperties: false },
    ),
  },
  { $id: 'ErrorBody', additionalProperties: false, description: 'An error.' },
);

export type ErrorDetailBody = Static<typeof ErrorDetailSchema>;
export type ErrorBody = Static<typeof ErrorBodySchema>;
