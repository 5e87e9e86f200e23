import { type Static, Type } from '@sinclair/typebox';

/**
 * A problem a user can fix, reported as data (never thrown one at a time) so that a validator can
 * collect every problem of a product before failing.
 */
export const ProblemLocationSchema = Type.Object(
  {
    file: Type.String({ description: 'Path of the file, relative to the product folder.' }),
    line: Type.Optional(Type.Integer({ minimum: 1 })),
    column: Type.Optional(Type.Integer({ minimum: 1 })),
    path: Type.Optional(
      Type.String({
        description: 'Path of the offending field inside the document, e.g. attributes[2].column',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ProblemSchema = Type.Object(
  {
    code: Type.String(),
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
    message: Type.String(),
    at: Type.Optional(ProblemLocationSchema),
  },
  { additionalProperties: false, $id: 'Problem' },
);

export type ProblemLocation = Static<typeof ProblemLocationSchema>;
export type Problem = Static<typeof ProblemSchema>;

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** `file:line:col` (as much of it as is known), or `-` for a problem with no place. */
export function formatLocation(problem: Problem): string {
  const at = problem.at;
  return at ? [at.file, at.line, at.column].filter((part) => part !== undefined).join(':') : '-';
}

/** `file:line:col  code  message`, the format editors and CI annotators understand. */
export function formatProblem(problem: Problem): string {
  return `${formatLocation(problem)}  ${problem.code}  ${problem.message}`;
}
