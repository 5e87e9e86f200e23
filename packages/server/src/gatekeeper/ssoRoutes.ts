import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../errors/errorBody.ts';
import type { Gatekeeper } from './Gatekeeper.ts';
import { AuthenticationError } from './oidc/AuthenticationError.ts';
import { IdentityProviderError } from './oidc/IdentityProviderError.ts';
import { finishLogin, type LoginChecks, startLogin } from './oidc/loginFlow.ts';
import type { OidcConfig } from './oidc/OidcConfig.ts';

export const SESSION_COOKIE = 'plexus_session';
const PENDING_TTL_MS = 10 * 60_000;
const MAX_PENDING = 10_000;

export interface SsoOptions {
  config: OidcConfig;
  /** How long a browser session lasts. Default 12 hours. */
  sessionHours?: number;
}

/** The session token of a request, from its cookie (browsers), when it carries no Authorization header. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Only paths of this node: a sign-in must not become an open redirect to anywhere. */
function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/';
}

/**
 * Browser sign-in through the node's identity provider: /auth/login redirects there (authorization code
 * with PKCE), /auth/callback turns the answer into a session — a personal API token of the user, held
 * in an HttpOnly, SameSite=Lax cookie, revocable like any token — and /auth/logout ends it. State-changing
 * API calls take JSON only, which a cross-site form cannot send: with SameSite, that closes CSRF.
 */
export function ssoRoutes(app: FastifyInstance, gatekeeper: Gatekeeper, options: SsoOptions): void {
  const { config } = options;
  const pending = new Map<string, LoginChecks & { returnTo: string; expiresAt: number }>();
  const secure = config.redirectUri.startsWith('https:');
  const sessionSeconds = Math.round((options.sessionHours ?? 12) * 3600);

  const refuse = (reply: FastifyReply, status: number, code: string, message: string) =>
    reply.code(status).send(errorBody(code, message));

  app.get<{ Querystring: { returnTo?: string } }>(
    '/auth/login',
    { schema: { hide: true } },
    async (request, reply) => {
      const now = Date.now();
      for (const [state, entry] of pending) if (entry.expiresAt < now) pending.delete(state);
      if (pending.size >= MAX_PENDING)
        return refuse(reply, 503, 'UNAVAILABLE', 'too many sign-ins in progress; retry shortly');
      try {
        const start = await startLogin(config);
        pending.set(start.state, {
          state: start.state,
          codeVerifier: start.codeVerifier,
          nonce: start.nonce,
          returnTo: safeReturnPath(request.query.returnTo),
          expiresAt: now + PENDING_TTL_MS,
        });
        return reply.redirect(start.url, 302);
      } catch (error) {
        if (error instanceof IdentityProviderError)
          return refuse(reply, 503, 'UNAVAILABLE', 'the identity provider cannot be reached; retry shortly');
        throw error;
      }
    },
  );

  app.get<{ Querystring: Record<string, string> }>(
    '/auth/callback',
    { schema: { hide: true } },
    async (request, reply) => {
      const state = request.query.state;
      const checks = state ? pending.get(state) : undefined;
      if (state) pending.delete(state);
      if (!checks || checks.expiresAt < Date.now())
        return refuse(
          reply,
          400,
          'UNAUTHENTICATED',
          'this sign-in was not started here or took too long: start again at /auth/login',
        );
      const query = new URLSearchParams(request.query).toString();
      try {
        const { identity } = await finishLogin(config, `${config.redirectUri}?${query}`, checks);
        const { store } = gatekeeper;
        const user = await store.upsertUserFromIdentity({
          subject: identity.subject,
          issuer: identity.issuer,
          name: identity.name ?? identity.subject,
          email: identity.email ?? null,
        });
        await store.syncExternalGroups(user.id, identity.groups);
        const session = await store.createToken({
          userId: user.id,
          name: `browser sign-in ${new Date().toISOString()}`,
          scopes: user.admin ? ['read', 'run', 'export', 'admin'] : ['read', 'run', 'export'],
          expiresAt: new Date(Date.now() + sessionSeconds * 1000).toISOString(),
        });
        return reply
          .header(
            'set-cookie',
            `${SESSION_COOKIE}=${encodeURIComponent(session.presented)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${sessionSeconds}${secure ? '; Secure' : ''}`,
          )
          .redirect(checks.returnTo, 302);
      } catch (error) {
        if (error instanceof AuthenticationError)
          return refuse(reply, 401, 'UNAUTHENTICATED', `sign-in failed: ${error.message}`);
        if (error instanceof IdentityProviderError)
          return refuse(reply, 503, 'UNAVAILABLE', 'the identity provider cannot be reached; retry shortly');
        throw error;
      }
    },
  );

  app.post('/auth/logout', { schema: { hide: true } }, async (request, reply) => {
    const token = sessionTokenOf(request);
    const id = token?.split('.')[0];
    if (id && request.caller.tokenId === id) await gatekeeper.store.revokeToken(id);
    return reply
      .header(
        'set-cookie',
        `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`,
      )
      .code(204)
      .send();
  });
}
