import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  PlexusError,
  UnauthenticatedError,
  UnavailableError,
} from '@plexus/spec';
import type { FastifySchemaValidationError } from 'fastify';
import type { ErrorBody } from '../schemas/ErrorBodySchema.ts';
import { errorBody } from './errorBody.ts';
import { validationDetails } from './validationDetails.ts';

/** How to answer a thrown error. `fault` means a bug or outage on our side: log it loudly, tell little. */
export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
  fault: boolean;
}

/** The one place where the error family meets HTTP statuses. */
const STATUS_OF_FAMILY: ReadonlyArray<readonly [abstract new (...args: never[]) => PlexusError, number]> = [
  [InputError, 400],
  [UnauthenticatedError, 401],
  [NotAllowedError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [UnavailableError, 503],
];

/** Codes for the client errors Fastify raises itself (bad JSON, body too large, wrong media type...). */
const CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'INPUT_INVALID',
  401: 'UNAUTHENTICATED',
  403: 'NOT_ALLOWED',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

const PART_OF_CONTEXT: Readonly<Record<string, string>> = {
  body: 'body',
  params: 'path',
  querystring: 'query',
  headers: 'headers',
};

/**
 * Maps anything thrown while serving a request to a status and the one error body. Plexus errors keep
 * their message and details; Fastify's own request errors keep their status; everything else is a fault
 * whose message is replaced, because it may carry internals (paths, SQL, stack).
 */
export function describeError(error: unknown, newErrorId: () => string): ErrorAnswer {
  if (error instanceof PlexusError) {
    const status = STATUS_OF_FAMILY.find(([family]) => error instanceof family)?.[1];
    // A new member of the family that nobody mapped yet is a bug here, not the caller's fault.
    if (status !== undefined) {
      return { status, body: errorBody(error.code, error.message, error.details), fault: false };
    }
  }
  if (isValidationError(error)) {
    const part = PART_OF_CONTEXT[error.validationContext ?? 'body'] ?? 'body';
    const details = validationDetails(error.validation, part);
    const first = details[0];
    const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
    const message = first
      ? sentence(`Invalid request ${part}: ${first.at}: ${first.message}${more}`)
      : `Invalid request ${part}.`;
    return { status: 400, body: errorBody('INPUT_INVALID', message, details), fault: false };
  }
  const status = clientErrorStatus(error);
  if (status !== undefined && error instanceof Error) {
    const code = CODE_OF_STATUS[status] ?? 'REQUEST_INVALID';
    return { status, body: errorBody(code, sentence(error.message)), fault: false };
  }
  const errorId = newErrorId();
  const message = `The server failed to answer this request. Quote error id ${errorId} to its operator.`;
  return { status: 500, body: errorBody('INTERNAL', message, [], errorId), fault: true };
}

function isValidationError(
  error: unknown,
): error is Error & { validation: FastifySchemaValidationError[]; validationContext?: string } {
  return error instanceof Error && Array.isArray((error as { validation?: unknown }).validation);
}

/**
 * The 4xx status Fastify attached to an error it raised about the request (codes FST_...). Other errors
 * with a status, e.g. from an HTTP client deep inside a service, are bugs: their message is not for callers.
 */
function clientErrorStatus(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  const fromFastify = typeof code === 'string' && code.startsWith('FST_');
  return fromFastify && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500
    ? statusCode
    : undefined;
}

/** Fastify's messages may quote the whole URL; a long one is cut so the body stays small. */
const MAX_MESSAGE = 300;

function sentence(message: string): string {
  const short = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}...` : message;
  return /[.!?]$/.test(short) ? short : `${short}.`;
}
