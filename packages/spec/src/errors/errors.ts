/**
 * The one error family of Plexus. Each maps to one HTTP status in the server and one exit code in the
 * CLI; anything else thrown is a bug and is reported as such.
 */
export interface ErrorDetail {
  /** Where the problem is: a parameter name, a file:line:col, a JSON pointer. */
  at?: string;
  message: string;
  expected?: string;
  found?: unknown;
  allowed?: readonly unknown[];
}

export abstract class PlexusError extends Error {
  abstract readonly code: string;
  readonly details: readonly ErrorDetail[];

  constructor(message: string, details: readonly ErrorDetail[] = []) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** The caller sent something we cannot use: a bad parameter, a broken product file. */
export class InputError extends PlexusError {
  readonly code = 'INPUT_INVALID';
}

/** The thing asked for does not exist, or the caller may not know that it exists. */
export class NotFoundError extends PlexusError {
  readonly code = 'NOT_FOUND';
}

/** The request needs a signed-in caller (a token), and came without one. */
export class UnauthenticatedError extends PlexusError {
  readonly code = 'UNAUTHENTICATED';
}

/** The caller is known but lacks the grant. */
export class NotAllowedError extends PlexusError {
  readonly code = 'NOT_ALLOWED';
}

/** The request conflicts with the current state (a build already running, a version already taken). */
export class ConflictError extends PlexusError {
  readonly code = 'CONFLICT';
}

/** The node cannot take the request now (all plugin workers busy, queue full); the caller may retry later. */
export class UnavailableError extends PlexusError {
  readonly code = 'UNAVAILABLE';
}

export function isPlexusError(error: unknown): error is PlexusError {
  return error instanceof PlexusError;
}
