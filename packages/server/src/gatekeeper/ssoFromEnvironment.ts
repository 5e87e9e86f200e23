import { InputError } from '@plexus/spec';
import type { SsoOptions } from './ssoRoutes.ts';

/**
 * Single sign-on for `plexus serve`, from the environment (secrets do not belong on command lines):
 * PLEXUS_OIDC_ISSUER, PLEXUS_OIDC_CLIENT_ID, PLEXUS_OIDC_CLIENT_SECRET, PLEXUS_OIDC_AUDIENCE and
 * PLEXUS_PUBLIC_URL (the node's address as browsers see it; the callback is <it>/auth/callback).
 * Undefined when no issuer is set: the node then knows API tokens only.
 */
export function ssoFromEnvironment(env: NodeJS.ProcessEnv): SsoOptions | undefined {
  const issuer = env.PLEXUS_OIDC_ISSUER;
  if (!issuer) return undefined;
  const missing = ['PLEXUS_OIDC_CLIENT_ID', 'PLEXUS_OIDC_AUDIENCE', 'PLEXUS_PUBLIC_URL'].filter(
    (name) => !env[name],
  );
  if (missing.length > 0)
    throw new InputError(`PLEXUS_OIDC_ISSUER is set, so single sign-on also needs ${missing.join(', ')}`, [
      { at: 'environment', message: 'missing settings', expected: missing.join(', ') },
    ]);
  return {
    config: {
      issuer,
      clientId: env.PLEXUS_OIDC_CLIENT_ID ?? '',
      ...(env.PLEXUS_OIDC_CLIENT_SECRET ? { clientSecret: env.PLEXUS_OIDC_CLIENT_SECRET } : {}),
      audience: env.PLEXUS_OIDC_AUDIENCE ?? '',
      redirectUri: `${(env.PLEXUS_PUBLIC_URL ?? '').replace(/\/+$/, '')}/auth/callback`,
      scopes: [
        'openid',
        'profile',
        'email',
        ...(env.PLEXUS_OIDC_GROUPS_SCOPE ? [env.PLEXUS_OIDC_GROUPS_SCOPE] : []),
      ],
      ...(env.PLEXUS_OIDC_GROUPS_CLAIM ? { groupsClaim: env.PLEXUS_OIDC_GROUPS_CLAIM } : {}),
    },
  };
}
