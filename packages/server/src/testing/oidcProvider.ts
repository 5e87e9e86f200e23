/**
 * Test fixture: a real OpenID Connect provider (oidc-provider) on loopback, so sign-in and token
 * verification are tested against the protocol rather than against mocks. Includes a scripted
 * browser (`loginAs`) and minting helpers for tokens the gatekeeper must refuse.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

export interface TestUser {
  name: string;
  email: string;
  groups: string[];
}

export const TEST_USERS = {
  alice: { name: 'Alice Example', email: 'alice@example.org', groups: ['oncology'] },
  bob: { name: 'Bob Example', email: 'bob@example.org', groups: [] },
} as const satisfies Record<string, TestUser>;

export type TestUserName = keyof typeof TEST_USERS;

export interface TestOidcProviderOptions {
  /** Redirect URI registered for the client; `loginAs` stops when the browser would be sent there. */
  redirectUri: string;
  clientId?: string;
  clientSecret?: string;
  /** Audience (and resource indicator) of access tokens for the node. Default `urn:plexus:node`. */
  audience?: string;
  /** Lifetime of access tokens for the node. Default 300 s. */
  accessTokenTtlSeconds?: number;
}

export interface TestResources {
  /** Tokens for the node: `aud` is the node's audience. */
  node: string;
  /** Same audience, but tokens live one second: for expiry tests. */
  shortLived: string;
  /** Tokens for some other service: `aud` is not the node's. */
  elsewhere: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  audience: string;
  redirectUri: string;
  resources: TestResources;
  /** Drives the sign-in as a browser would (cookies, redirects, login and consent forms); returns the callback URL. */
  loginAs(user: TestUserName, authorizationUrl: string): Promise<string>;
  /** Like `loginAs`, but the user cancels at the first prompt; the callback URL carries `error=access_denied`. */
  refuse(authorizationUrl: string): Promise<string>;
  /** A JWT access token from the client credentials grant, as a program would obtain one. */
  clientCredentialsToken(resource?: string): Promise<string>;
  /** Signs arbitrary claims with the provider's own published key: for claim-level negative tests. */
  signWithProviderKey(claims: JWTPayload, alg?: 'RS256' | 'ES256'): Promise<string>;
  stop(): Promise<void>;
}

// oidc-provider ships no types; these are the few members the fixture uses.
interface OidcGrant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(resource: string, scope: string): void;
  save(): Promise<string>;
}

interface OidcInteraction {
  uid: string;
  grantId?: string;
  params: Record<string, unknown>;
  session?: { accountId?: string };
  prompt: {
    name: string;
    details: {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
  };
}

interface OidcProviderInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<OidcInteraction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: {
    new (init: { accountId: string; clientId: string }): OidcGrant;
    find(id: string): Promise<OidcGrant | undefined>;
  };
}

interface OidcProviderModule {
  Provider: new (issuer: string, configuration: Record<string, unknown>) => OidcProviderInstance;
  errors: { InvalidTarget: new () => Error };
}

// A non-literal specifier keeps the compiler from demanding type declarations the package lacks.
const OIDC_PROVIDER_MODULE = 'oidc-provider';
const RESOURCE_SCOPE = 'plexus:read';

interface SigningKey {
  alg: 'RS256' | 'ES256';
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  privateJwk: JWK;
}

async function signingKey(alg: 'RS256' | 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `${alg.toLowerCase()}-${randomBytes(6).toString('hex')}`;
  const meta = { kid, alg, use: 'sig' };
  return {
    alg,
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), ...meta },
    privateJwk: { ...(await exportJWK(privateKey)), ...meta },
  };
}

/** Starts the provider on 127.0.0.1 with a free port. Call `stop()` when done. */
export async function startTestOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  const { Provider, errors } = (await import(OIDC_PROVIDER_MODULE)) as OidcProviderModule;
  const clientId = options.clientId ?? 'plexus-node';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
  const audience = options.audience ?? 'urn:plexus:node';
  const resources: TestResources = {
    node: audience,
    shortLived: `${audience}:short-lived`,
    elsewhere: 'urn:plexus:elsewhere',
  };
  const keys = { RS256: await signingKey('RS256'), ES256: await signingKey('ES256') };

  // The issuer must contain the port, so listen first and attach the provider afterwards.
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (handle) handle(req, res);
    else sendText(res, 503, 'starting');
  });
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}`;

  const resourceServer = (indicator: string) => {
    switch (indicator) {
      case resources.node:
        return { audience, ttl: options.accessTokenTtlSeconds ?? 300 };
      case resources.shortLived:
        return { audience, ttl: 1 };
      case resources.elsewhere:
        return { audience: resources.elsewhere, ttl: 300 };
      default:
        return undefined;
    }
  };

  const accountClaims = (accountId: string) => {
    const user = TEST_USERS[accountId as TestUserName] as TestUser | undefined;
    return user && { name: user.name, email: user.email, email_verified: true, groups: [...user.groups] };
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [keys.RS256.privateJwk, keys.ES256.privateJwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    // Profile claims in the ID token itself, as the node builds the signed-in identity from it.
    conformIdTokenClaims: false,
    findAccount: async (_ctx: unknown, accountId: string) => {
      const claims = accountClaims(accountId);
      return claims && { accountId, claims: async () => ({ sub: accountId, ...claims }) };
    },
    // Access tokens carry the user's name, email and groups so resource servers need no userinfo call.
    extraTokenClaims: async (_ctx: unknown, token: { accountId?: string }) =>
      token.accountId === undefined ? undefined : accountClaims(token.accountId),
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) =>
      client.grantTypeAllowed('refresh_token'),
    pkce: { required: () => true },
    interactions: {
      url: async (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Sign-ins that name no resource get tokens for the node, like providers with a default audience.
        defaultResource: async (_ctx: unknown, _client: unknown, oneOf?: string[]) => oneOf ?? resources.node,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, indicator: string) => {
          const info = resourceServer(indicator);
          if (!info) throw new errors.InvalidTarget();
          return {
            scope: RESOURCE_SCOPE,
            audience: info.audience,
            accessTokenTTL: info.ttl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
    },
    ttl: {
      AccessToken: (_ctx: unknown, token: { resourceServer?: { accessTokenTTL?: number } }) =>
        token.resourceServer?.accessTokenTTL ?? 300,
      ClientCredentials: (_ctx: unknown, token: { resourceServer?: { accessTokenTTL?: number } }) =>
        token.resourceServer?.accessTokenTTL ?? 300,
      AuthorizationCode: 60,
      IdToken: 300,
      RefreshToken: 3600,
      Interaction: 300,
      Session: 3600,
      Grant: 3600,
    },
  });

  const providerCallback = provider.callback();
  handle = (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (!path.startsWith('/interaction/')) {
      providerCallback(req, res);
      return;
    }
    handleInteraction(provider, req, res, path).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'interaction failed');
      else res.end();
    });
  };

  const walk = (authorizationUrl: string, answer: (prompt: string) => InteractionAnswer) =>
    walkSignIn({ issuer, redirectUri: options.redirectUri, authorizationUrl, answer });

  return {
    issuer,
    clientId,
    clientSecret,
    audience,
    redirectUri: options.redirectUri,
    resources,
    loginAs: (user, authorizationUrl) =>
      walk(
        authorizationUrl,
        (prompt): InteractionAnswer =>
          prompt === 'login' ? { action: 'login', form: { login: user } } : { action: 'confirm', form: {} },
      ),
    refuse: (authorizationUrl) => walk(authorizationUrl, () => ({ action: 'abort', form: {} })),
    clientCredentialsToken: async (resource) => {
      const body = new URLSearchParams({ grant_type: 'client_credentials', scope: RESOURCE_SCOPE });
      if (resource !== undefined) body.set('resource', resource);
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          authorization: basicAuthorization(clientId, clientSecret),
        },
        body,
      });
      const json = (await response.json()) as { access_token?: string; error?: string };
      if (!response.ok || json.access_token === undefined) {
        throw new Error(`client credentials grant failed: HTTP ${response.status} ${json.error ?? ''}`);
      }
      return json.access_token;
    },
    signWithProviderKey: (claims, alg = 'ES256') => {
      const key = keys[alg];
      return new SignJWT(claims)
        .setProtectedHeader({ alg, kid: key.kid, typ: 'at+jwt' })
        .sign(key.privateKey);
    },
    stop: () => close(server),
  };
}

// --- Interaction endpoints: the provider's login and consent pages, reduced to one form each. ---

type InteractionAction = 'login' | 'confirm' | 'abort';

async function handleInteraction(
  provider: OidcProviderInstance,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const [, , uid, action] = path.split('/');
  const details = await provider.interactionDetails(req, res);
  if (uid !== details.uid) {
    sendText(res, 400, 'interaction mismatch');
    return;
  }
  if (req.method === 'GET' && action === undefined) {
    sendInteractionPage(res, details);
    return;
  }
  if (req.method !== 'POST') {
    sendText(res, 405, 'method not allowed');
    return;
  }
  const form = new URLSearchParams(await readBody(req));
  switch (action as InteractionAction) {
    case 'login': {
      const login = form.get('login') ?? '';
      if (!Object.hasOwn(TEST_USERS, login)) {
        sendText(res, 403, 'unknown user');
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: login } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    case 'confirm': {
      const grantId = await grantEverythingAsked(provider, details);
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    case 'abort':
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false },
      );
      return;
    default:
      sendText(res, 404, 'not found');
  }
}

async function grantEverythingAsked(
  provider: OidcProviderInstance,
  details: OidcInteraction,
): Promise<string> {
  const accountId = details.session?.accountId;
  const clientId = details.params.client_id;
  if (accountId === undefined || typeof clientId !== 'string') throw new Error('consent without a session');
  const grant =
    (details.grantId === undefined ? undefined : await provider.Grant.find(details.grantId)) ??
    new provider.Grant({ accountId, clientId });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }
  return grant.save();
}

function sendInteractionPage(res: ServerResponse, details: OidcInteraction): void {
  const prompt = details.prompt.name;
  const uid = encodeURIComponent(details.uid);
  // Absolute form actions: a real browser resolves a relative one against the page's own URL.
  const action = (name: InteractionAction) => `/interaction/${uid}/${name}`;
  const fields =
    prompt === 'login'
      ? `<label>User <input name="login" autofocus></label><button formaction="${action('login')}">Sign in</button>`
      : `<button formaction="${action('confirm')}">Allow</button>`;
  res.statusCode = 200;
  // The prompt travels in a header too, so a scripted browser need not parse HTML.
  res.setHeader('x-interaction-prompt', prompt);
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(
    `<!doctype html><title>${prompt}</title><form method="post" action="/interaction/${uid}/">` +
      `${fields}<button formaction="${action('abort')}">Cancel</button></form>`,
  );
}

// --- Scripted browser: follows redirects by hand and keeps its own cookies. ---

interface InteractionAnswer {
  action: InteractionAction;
  form: Record<string, string>;
}

const MAX_HOPS = 20;

async function walkSignIn(walk: {
  issuer: string;
  redirectUri: string;
  authorizationUrl: string;
  answer: (prompt: string) => InteractionAnswer;
}): Promise<string> {
  const jar = new CookieJar();
  const callback = new URL(walk.redirectUri);
  let next = new URL(walk.authorizationUrl);
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    if (next.origin === callback.origin && next.pathname === callback.pathname) return next.href;
    const response = await jar.fetch(next, body);
    body = undefined;
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      next = new URL(location, next);
      continue;
    }
    const prompt = response.headers.get('x-interaction-prompt');
    if (response.status === 200 && prompt !== null) {
      await response.body?.cancel();
      const answer = walk.answer(prompt);
      next = new URL(`${next.pathname.replace(/\/$/, '')}/${answer.action}`, walk.issuer);
      body = new URLSearchParams(answer.form);
      continue;
    }
    const text = await response.text();
    throw new Error(`sign-in stopped at ${next.pathname}: HTTP ${response.status} ${text.slice(0, 200)}`);
  }
  throw new Error('sign-in did not reach the redirect URI');
}

interface StoredCookie {
  name: string;
  value: string;
  path: string;
  expires: number;
}

/** Just enough of RFC 6265 for one host: name, path scoping, expiry and deletion. */
class CookieJar {
  readonly #cookies = new Map<string, StoredCookie>();

  async fetch(url: URL, body?: URLSearchParams): Promise<Response> {
    const headers = new Headers();
    const cookie = this.#header(url);
    if (cookie !== '') headers.set('cookie', cookie);
    const response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) this.#store(url, line);
    return response;
  }

  #header(url: URL): string {
    const now = Date.now();
    return [...this.#cookies.values()]
      .filter((cookie) => cookie.expires > now && pathMatches(url.pathname, cookie.path))
      .sort((a, b) => b.path.length - a.path.length)
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  #store(url: URL, line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const separator = pair.indexOf('=');
    if (separator <= 0) return;
    const cookie: StoredCookie = {
      name: pair.slice(0, separator).trim(),
      value: pair.slice(separator + 1).trim(),
      path: defaultPath(url.pathname),
      expires: Number.POSITIVE_INFINITY,
    };
    for (const attribute of attributes) {
      const [rawKey = '', ...rest] = attribute.split('=');
      const key = rawKey.trim().toLowerCase();
      const value = rest.join('=').trim();
      if (key === 'path' && value.startsWith('/')) cookie.path = value;
      else if (key === 'max-age') cookie.expires = Date.now() + Number(value) * 1000;
      else if (key === 'expires' && cookie.expires === Number.POSITIVE_INFINITY)
        cookie.expires = Date.parse(value);
    }
    const key = `${cookie.name};${cookie.path}`;
    if (!(cookie.expires > Date.now())) this.#cookies.delete(key);
    else this.#cookies.set(key, cookie);
  }
}

function defaultPath(pathname: string): string {
  const slash = pathname.lastIndexOf('/');
  return slash <= 0 ? '/' : pathname.slice(0, slash);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}

// --- Tokens the gatekeeper must refuse. ---

let foreignKey: Promise<SigningKey> | undefined;

/** Signs claims with an ES256 key the provider never published; `kid` may imitate a published one. */
export async function mintForeignToken(claims: JWTPayload, kid?: string): Promise<string> {
  foreignKey ??= signingKey('ES256');
  const key = await foreignKey;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: kid ?? key.kid, typ: 'at+jwt' })
    .sign(key.privateKey);
}

/** An unsecured JWT (`alg: none`, empty signature). */
export function mintUnsignedToken(claims: JWTPayload): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

/** An HS256 token whose "signature" anyone who guesses the shared secret could produce. */
export function mintHs256Token(claims: JWTPayload, secret: string): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

/** Key ids the provider publishes in its JWKS, for tokens that impersonate one of them. */
export async function publishedKeyIds(issuer: string): Promise<string[]> {
  const response = await fetch(`${issuer}/jwks`);
  const jwks = (await response.json()) as { keys: Array<{ kid?: string }> };
  return jwks.keys.flatMap((key) => (key.kid === undefined ? [] : [key.kid]));
}

// --- Small HTTP helpers. ---

// RFC 6749 §2.3.1: both parts are form-urlencoded before being joined and base64-encoded.
function basicAuthorization(user: string, password: string): string {
  const form = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${form(user)}:${form(password)}`).toString('base64')}`;
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
