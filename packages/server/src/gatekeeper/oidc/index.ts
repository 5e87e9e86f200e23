export { AuthenticationError, type AuthenticationReason } from './AuthenticationError.ts';
export { IdentityProviderError } from './IdentityProviderError.ts';
export { finishLogin, type LoginChecks, type LoginResult, type LoginStart, startLogin } from './loginFlow.ts';
export type { OidcConfig } from './OidcConfig.ts';
export type { VerifiedIdentity } from './VerifiedIdentity.ts';
export { type AccessTokenVerifier, createAccessTokenVerifier } from './verifyAccessToken.ts';
