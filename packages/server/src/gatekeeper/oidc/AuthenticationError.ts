/** Why a token or a sign-in was refused; stable codes that routes can map to responses and metrics. */
export type AuthenticationReason =
  // Access and ID tokens.
  | 'expired'
  | 'not-yet-valid'
  | 'bad-signature'
  | 'unknown-key'
  | 'wrong-audience'
  | 'wrong-issuer'
  | 'malformed'
  // Browser sign-in.
  | 'state-mismatch'
  | 'nonce-mismatch'
  | 'access-denied'
  | 'code-rejected'
  | 'invalid-id-token';

const MESSAGES: Record<AuthenticationReason, string> = {
  expired: 'token has expired',
  'not-yet-valid': 'token is not valid yet',
  'bad-signature': 'token signature is invalid or uses an algorithm that is not accepted',
  'unknown-key': 'token is signed with a key the issuer does not publish',
  'wrong-audience': 'token is not meant for this node',
  'wrong-issuer': 'token comes from an issuer this node does not trust',
  malformed: 'token is malformed or lacks required claims',
  'state-mismatch': 'sign-in response does not belong to the sign-in that was started',
  'nonce-mismatch': 'ID token does not belong to the sign-in that was started',
  'access-denied': 'identity provider refused the sign-in',
  'code-rejected': 'identity provider rejected the authorization code',
  'invalid-id-token': 'identity provider returned an unacceptable ID token',
};

/**
 * The caller could not be authenticated (maps to 401). Messages are fixed per reason and never carry
 * the token or claim values, so the error can be logged and returned as is.
 */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  readonly reason: AuthenticationReason;

  constructor(reason: AuthenticationReason, detail?: string) {
    super(detail ? `${MESSAGES[reason]} (${detail})` : MESSAGES[reason]);
    this.reason = reason;
  }
}
