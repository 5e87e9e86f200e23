import type { ErrorDetail } from '@plexus/spec';
import { describeValue } from '@plexus/spec';
import type { ErrorBody, ErrorDetailBody } from '../schemas/ErrorBodySchema.ts';

/** Beyond these, details add noise rather than help, and an error body must stay small. */
const MAX_DETAILS = 50;
const MAX_FOUND_CHARS = 500;

/** The one error body every error response carries. */
export function errorBody(
  code: string,
  message: string,
  details: readonly ErrorDetail[] = [],
  errorId?: string,
): ErrorBody {
  const error: ErrorBody['error'] = {
    code,
    message,
    details: details.slice(0, MAX_DETAILS).map(toDetailBody),
  };
  if (errorId !== undefined) error.errorId = errorId;
  return { error };
}

function toDetailBody(detail: ErrorDetail): ErrorDetailBody {
  // Only defined fields are copied, so the JSON carries no `"found": null` that was really "absent".
  const body: ErrorDetailBody = { message: detail.message };
  if (detail.at !== undefined) body.at = detail.at;
  if (detail.expected !== undefined) body.expected = detail.expected;
  if (detail.found !== undefined) body.found = shorten(detail.found);
  if (detail.allowed !== undefined) body.allowed = detail.allowed.slice(0, MAX_DETAILS).map(shorten);
  return body;
}

/** `found` echoes what the caller sent, which may be huge; a short description is enough to fix it. */
function shorten(value: unknown): unknown {
  if (typeof value === 'string') return value.length > MAX_FOUND_CHARS ? describeValue(value) : value;
  if (value !== null && typeof value === 'object') {
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      // Too deep to serialise (or cyclic): the description is all the caller needs.
    }
    return json === undefined || json.length > MAX_FOUND_CHARS ? describeValue(value) : value;
  }
  return value;
}
