import * as client from 'openid-client';
import { AuthenticationError } from './AuthenticationError.ts';
import { IdentityProviderError } from './IdentityProviderError.ts';

const OAUTH_ERROR_CODE = /^[a-z_]{1,64}$/;

/** An OAuth error code is safe to repeat in a message only if it looks like one (not free text). */
export function safeErrorCode(value: unknown): string | undefined {
  return typeof value === 'string' && OAUTH_ERROR_CODE.test(value) ? value : undefined;
}

/** Translates openid-client failures of the code exchange into the gatekeeper's errors. */
export function fromLoginError(error: unknown): AuthenticationError | IdentityProviderError {
  if (error instanceof AuthenticationError || error instanceof IdentityProviderError) return error;
  if (error instanceof client.ResponseBodyError) {
    // invalid_grant and friends: a reused, expired or foreign code, or a wrong PKCE verifier.
    return new AuthenticationError('code-rejected', safeErrorCode(error.error));
  }
  if (error instanceof client.AuthorizationResponseError) {
    return new AuthenticationError('access-denied', safeErrorCode(error.error));
  }
  if (error instanceof client.ClientError) {
    switch (error.code) {
      case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED':
        return new AuthenticationError(
          comparedClaim(error) === 'nonce' ? 'nonce-mismatch' : 'invalid-id-token',
        );
      case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
      case 'OAUTH_JWT_USERINFO_EXPECTED':
        return new AuthenticationError('invalid-id-token');
    }
  }
  return new IdentityProviderError('sign-in could not be completed with the identity provider', {
    cause: error,
  });
}

// openid-client wraps the failed comparison: ClientError → OperationProcessingError → { claim }.
function comparedClaim(error: Error): unknown {
  const inner = error.cause;
  if (!(inner instanceof Error)) return undefined;
  const details = inner.cause;
  return typeof details === 'object' && details !== null ? (details as { claim?: unknown }).claim : undefined;
}
