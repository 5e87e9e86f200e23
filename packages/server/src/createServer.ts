import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ProductRegistry } from '@plexus/runtime';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import packageJson from '../package.json' with { type: 'json' };
import { type CatalogRoleOptions, catalogRoutes } from './catalog/catalogRoutes.ts';
import { type CatalogPublishingOptions, publishToCatalog } from './catalog/publishToCatalog.ts';
import { type DeploymentOptions, deploymentRoutes } from './deploy/deploymentRoutes.ts';
import { answerError } from './errors/answerError.ts';
import { registerErrorHandling } from './errors/registerErrorHandling.ts';
import { type FederationOptions, federationRoutes } from './federation/federationRoutes.ts';
import { meshRemoteSites } from './federation/meshRemoteSites.ts';
import type { Gatekeeper } from './gatekeeper/Gatekeeper.ts';
import { registerAudit } from './gatekeeper/registerAudit.ts';
import { registerGatekeeper } from './gatekeeper/registerGatekeeper.ts';
import { type SsoOptions, ssoRoutes } from './gatekeeper/ssoRoutes.ts';
import { type RateLimitOptions, registerRateLimit } from './http/rateLimit.ts';
import { registerCors } from './http/registerCors.ts';
import { requestIdOf } from './http/requestIdOf.ts';
import { applySecurityHeaders, registerSecurityHeaders } from './http/securityHeaders.ts';
import { serveWebClient } from './http/serveWebClient.ts';
import { meshAccessFor } from './mesh/meshAccessFor.ts';
import type { NodeMesh } from './mesh/NodeMesh.ts';
import { registerMesh } from './mesh/registerMesh.ts';
import { registerOpenApi } from './openapi/registerOpenApi.ts';
import { auditRoutes } from './routes/auditRoutes.ts';
import { cohortRoutes } from './routes/cohortRoutes.ts';
import { directoryRoutes } from './routes/directoryRoutes.ts';
import { featureRoutes } from './routes/featureRoutes.ts';
import { grantRoutes } from './routes/grantRoutes.ts';
import { healthRoutes } from './routes/healthRoutes.ts';
import { identityRoutes } from './routes/identityRoutes.ts';
import { localAccountRoutes } from './routes/localAccountRoutes.ts';
import { ownerRoutes } from './routes/ownerRoutes.ts';
import { productRoutes } from './routes/productRoutes.ts';
import { protocolRoutes } from './routes/protocolRoutes.ts';
import { rerunRoutes } from './routes/rerunRoutes.ts';
import { runControlRoutes } from './routes/runControlRoutes.ts';
import { runHistoryRoutes } from './routes/runHistoryRoutes.ts';
import { runRoutes } from './routes/runRoutes.ts';
import { MemoryResultStore, type ResultStore } from './runs/ResultStore.ts';
import { RunManager } from './runs/RunManager.ts';
import { sharedSchemas } from './schemas/sharedSchemas.ts';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface CreateServerOptions {
  /** The products to serve. The server never closes it: whoever opened it does. */
  registry: ProductRegistry;
  /** Who is calling and what they may do; the server never closes its store. */
  gatekeeper: Gatekeeper;
  /** Pino logging: false (default) for none, true for info level, or pino options. */
  logger?: FastifyServerOptions['logger'];
  /** Largest accepted request body in bytes; default 1 MiB. */
  bodyLimit?: number;
  /** Origins allowed to call the API from a browser ('*' for any). No CORS headers unless given. */
  corsOrigins?: readonly string[];
  /** Browser sign-in through an identity provider (/auth/login, /auth/callback, /auth/logout). */
  sso?: SsoOptions;
  /** Per-caller request limits (429 with Retry-After); on by default, false to leave limits to a proxy. */
  rateLimit?: RateLimitOptions | false;
  /** Where result documents are kept; default in memory (a node with a data folder keeps them as files). */
  results?: ResultStore;
  /** This node's name in run records; default `<host name>`. Nodes sharing a store need distinct names. */
  node?: string;
  /** How long a run request waits for its run before the answer is 202, in milliseconds; default 10 s. */
  runWaitMs?: number;
  /** Federated questions: this node as a site and as a coordinator (see docs/federation.md). */
  federation?: Partial<FederationOptions>;
  /**
   * This node's place in a mesh (`openNodeMesh`): publishes its keys at /.well-known/jwks.json and gives
   * routes `app.mesh` (null without it). Calls from other nodes are verified by the gatekeeper.
   */
  mesh?: NodeMesh;
  /** Accept deployments (plexus deploy) into this data folder; none unless given. */
  deployments?: DeploymentOptions;
  /** Serve the mesh catalog (`plexus serve --catalog`, docs/catalog.md); not unless given. */
  catalog?: CatalogRoleOptions;
  /**
   * Publishing this node's public products to the catalog its mesh configuration names (`catalog:`):
   * at start, then heartbeats; false for none.
   */
  catalogPublishing?: CatalogPublishingOptions | false;
  /**
   * The built web client (packages/web/dist) to serve at `/`; without it `/` says how to build it.
   * Tests of the API leave it out.
   */
  webRoot?: string;
}

/** A node's HTTP API over a product registry, booted and ready to `.listen()` or `.inject()`. */
export async function createServer(options: CreateServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    genReqId: requestIdOf,
    requestIdHeader: false,
    // Errors the router raises before any hook runs (malformed URL, over-long id) get the same body.
    frameworkErrors: (error, request, reply) => {
      applySecurityHeaders(request, reply);
      answerError(error, request, reply);
    },
    ajv: {
      // Fastify's defaults silently drop unknown body keys and coerce types; callers must hear about both.
      // `verbose` gives each error the offending value, so error details can say what was found.
      customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true, verbose: true },
    },
  });

  // Fastify parses text/plain by default; this API only takes JSON, so anything else must be a 415.
  app.removeContentTypeParser('text/plain');
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  // Callers are identified first, so that rate limits count per identity rather than per address.
  registerGatekeeper(app, options.gatekeeper);
  registerAudit(app, options.gatekeeper, options.registry);
  if (options.rateLimit !== false)
    registerRateLimit(app, {
      identityOf: (request) => request.caller.userId ?? undefined,
      ...(options.rateLimit ?? {}),
    });
  if (options.corsOrigins !== undefined && options.corsOrigins.length > 0) {
    registerCors(app, options.corsOrigins);
  }
  for (const schema of sharedSchemas) app.addSchema(schema);
  await registerOpenApi(app, packageJson.version);
  // Before the routes, so that federated routes find `app.mesh` when they are declared.
  registerMesh(app, options.gatekeeper, options.mesh);

  const runs = new RunManager(options.gatekeeper.store, options.results ?? new MemoryResultStore(), {
    node: options.node ?? hostname(),
    onInternalError: (error, run) =>
      app.log.error({ err: error, runId: run.id }, 'a run failed inside the node'),
  });
  // Runs this node left running when it last stopped can never finish: they are marked failed now.
  await runs.recover();
  // Before the server waits for open requests: a request waiting for its run (Prefer: wait) or an event
  // stream ends once its run is stopped, so a node stops promptly instead of after the longest run.
  app.addHook('preClose', () => runs.close());
  const runOptions = {
    waitMs: options.runWaitMs ?? 10_000,
    // Plugins reach other products (ctx.mesh) for the caller of the request that started their run.
    meshAccess: meshAccessFor(app, options.registry, options.gatekeeper, runs, options.catalog?.store),
  };

  healthRoutes(app, options.registry, options.gatekeeper);
  productRoutes(app, options.registry, options.gatekeeper);
  protocolRoutes(app, options.registry, options.gatekeeper);
  runRoutes(app, options.registry, options.gatekeeper, runs, runOptions);
  runHistoryRoutes(app, options.registry, options.gatekeeper, runs);
  runControlRoutes(app, options.registry, options.gatekeeper, runs);
  rerunRoutes(app, options.registry, options.gatekeeper, runs, runOptions);
  cohortRoutes(app, options.registry, options.gatekeeper);
  featureRoutes(app, options.registry, options.gatekeeper);
  identityRoutes(app, options.gatekeeper);
  auditRoutes(app, options.registry, options.gatekeeper);
  grantRoutes(app, options.registry, options.gatekeeper);
  ownerRoutes(app, options.registry, options.gatekeeper);
  directoryRoutes(app, options.gatekeeper);
  localAccountRoutes(app, options.gatekeeper);
  if (options.sso) ssoRoutes(app, options.gatekeeper, options.sso);
  federationRoutes(app, options.registry, options.gatekeeper, {
    node: options.federation?.node ?? options.mesh?.config.node.id ?? options.node ?? hostname(),
    // Without a kept secret, disclosure noise is stable only while this process lives.
    nodeSecret: options.federation?.nodeSecret ?? randomBytes(32).toString('hex'),
    // Other nodes of the mesh are asked through node tokens; a test may bring its own way to reach them.
    remote: options.federation?.remote ?? meshRemoteSites(app),
  });
  if (options.deployments) deploymentRoutes(app, options.registry, options.deployments);
  if (options.catalog) catalogRoutes(app, options.catalog);
  // Hooks first: the first round runs once the node listens, the timer stops when it closes.
  if (options.catalogPublishing !== false)
    publishToCatalog(app, options.registry, options.gatekeeper.store, {
      ...options.catalogPublishing,
      // The catalog node lists its own products too, straight into its store.
      ...(options.catalog ? { local: options.catalog.store } : {}),
    });

  if (options.webRoot !== undefined) await serveWebClient(app, options.webRoot);

  await app.ready();
  return app;
}
