/**
 * The identity provider could not be reached or answered nonsense (maps to 502/503, not 401): the
 * caller's credentials were never judged, so they must not be told they are invalid.
 */
export class IdentityProviderError extends Error {
  override readonly name = 'IdentityProviderError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
