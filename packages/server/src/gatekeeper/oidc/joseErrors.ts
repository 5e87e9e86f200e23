import { errors } from 'jose';
import { AuthenticationError } from './AuthenticationError.ts';
import { IdentityProviderError } from './IdentityProviderError.ts';

/**
 * Translates a jose verification failure into the gatekeeper's errors. jose's own messages and the
 * claims it attaches are dropped on purpose so nothing from the token reaches logs or responses.
 */
export function fromJoseError(error: unknown): AuthenticationError | IdentityProviderError {
  if (error instanceof AuthenticationError || error instanceof IdentityProviderError) return error;
  if (error instanceof errors.JWTExpired) return new AuthenticationError('expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'aud':
        return new AuthenticationError('wrong-audience');
      case 'iss':
        return new AuthenticationError('wrong-issuer');
      case 'nbf':
        return new AuthenticationError('not-yet-valid');
      default:
        return new AuthenticationError('malformed');
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return new AuthenticationError('bad-signature');
  if (error instanceof errors.JOSEAlgNotAllowed) return new AuthenticationError('bad-signature');
  if (error instanceof errors.JWKSNoMatchingKey) return new AuthenticationError('unknown-key');
  if (error instanceof errors.JWKSMultipleMatchingKeys) return new AuthenticationError('unknown-key');
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new AuthenticationError('malformed');
  }
  if (error instanceof errors.JOSENotSupported) return new AuthenticationError('malformed');
  // Timeouts, unreachable key endpoints, broken key sets: the provider's problem, not the caller's.
  return new IdentityProviderError('could not verify token against the issuer keys', { cause: error });
}
