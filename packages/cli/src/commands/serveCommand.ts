import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProducts } from '@plexus/runtime';
import {
  bootstrapAdmin,
  createAccessTokenVerifier,
  FileResultStore,
  type NodeMesh,
  openCatalogStore,
  openControlStore,
  openNodeMesh,
  restoreDeployments,
  StoreGatekeeper,
  ssoFromEnvironment,
  startServer,
} from '@plexus/server';
import { isPlexusError } from '@plexus/spec';
import { EXIT } from '../exitCodes.ts';
import { findProductDirs } from '../findProductDirs.ts';
import { buildOne, describeOutcome } from './buildCommand.ts';

export interface ServeOptions {
  port: string;
  host: string;
  build?: boolean;
  dataDir?: string;
  /** sqlite:<path> or postgres://…; default sqlite in the data folder (or .plexus/ here). */
  controlStore?: string;
  /** Comma-separated origins allowed to call the API from browsers; none by default. */
  corsOrigins?: string;
  /** Serve product versions whose tests fail (their failures show in their metadata). */
  allowFailingTests?: boolean;
  /** The node's mesh configuration (mesh.yaml); default $PLEXUS_MESH_CONFIG; none: the node is in no mesh. */
  mesh?: string;
  /** Serve the mesh catalog (<data dir>/catalog.db) to the nodes of the mesh; default $PLEXUS_CATALOG=1. */
  catalog?: boolean;
}

/** Serves products until SIGINT/SIGTERM; with --build, first builds those whose snapshot is missing or stale. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The built web client every node serves at `/`: packages/web/dist, or PLEXUS_WEB_ROOT. */
function webClientRoot(): string {
  if (process.env.PLEXUS_WEB_ROOT) return process.env.PLEXUS_WEB_ROOT;
  return join(dirname(fileURLToPath(import.meta.resolve('@plexus/web/package.json'))), 'dist');
}

export async function serveCommand(paths: string[], options: ServeOptions): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a whole number from 0 to 65535, found '${options.port}'\n`);
    return EXIT.usage;
  }
  const waitText = process.env.PLEXUS_RUN_WAIT_SECONDS;
  const runWaitMs = waitText ? Number(waitText) * 1000 : undefined;
  if (runWaitMs !== undefined && !(runWaitMs >= 0 && runWaitMs <= 600_000)) {
    process.stderr.write(
      `PLEXUS_RUN_WAIT_SECONDS must be a number of seconds from 0 to 600, found '${waitText}'\n`,
    );
    return EXIT.usage;
  }
  // JSON lines on stderr (pino): warnings and errors by default; info adds every request, and calls from
  // other nodes with the user and W3C traceparent they carry.
  const logLevel = process.env.PLEXUS_LOG_LEVEL || 'warn';
  if (!LOG_LEVELS.includes(logLevel)) {
    process.stderr.write(`PLEXUS_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, found '${logLevel}'\n`);
    return EXIT.usage;
  }
  // The mesh first: a configuration or key that cannot be used stops the node before anything is built.
  const meshFile = options.mesh ?? (process.env.PLEXUS_MESH_CONFIG || undefined);
  let mesh: NodeMesh | undefined;
  if (meshFile !== undefined) {
    try {
      mesh = await openNodeMesh({ config: meshFile, dataDir: options.dataDir ?? '.plexus' });
    } catch (error) {
      if (isPlexusError(error)) throw error;
      // The node key: unreadable, not a key, or readable by others.
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT.problems;
    }
  }
  const catalogRole = options.catalog ?? process.env.PLEXUS_CATALOG === '1';
  if (catalogRole && !mesh) {
    process.stderr.write('--catalog needs --mesh: only the nodes of a mesh publish to its catalog\n');
    return EXIT.usage;
  }
  const heartbeatText = process.env.PLEXUS_CATALOG_HEARTBEAT_SECONDS;
  const heartbeatMs = heartbeatText ? Number(heartbeatText) * 1000 : undefined;
  if (heartbeatMs !== undefined && !(Number.isInteger(heartbeatMs) && heartbeatMs >= 1000)) {
    process.stderr.write(
      `PLEXUS_CATALOG_HEARTBEAT_SECONDS must be a whole number of seconds of at least 1, found '${heartbeatText}'\n`,
    );
    return EXIT.usage;
  }
  const dirs = await findProductDirs(paths);
  if (options.build) {
    for (const dir of dirs) {
      const outcome = await buildOne(dir, options.dataDir ? { dataDir: options.dataDir } : {});
      if (!outcome) return EXIT.problems;
      process.stderr.write(`${describeOutcome(dir, outcome)}\n`);
    }
  }
  const registry = await openProducts(dirs, {
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    // A version whose own tests fail is not served unless the operator says so.
    productTests: options.allowFailingTests ? 'allow-failing' : 'enforce',
    onTesting: (id) => process.stderr.write(`${id}: running its tests…\n`),
  });
  const dataDir = options.dataDir ?? '.plexus';
  // What `plexus deploy` put on this node's channels is served again after a restart.
  await restoreDeployments(registry, dataDir, (id, channel, error) =>
    process.stderr.write(
      error
        ? `${id}: the version deployed to ${channel} cannot be served: ${error instanceof Error ? error.message : String(error)}\n`
        : `${id}: serving its ${channel} deployment\n`,
    ),
  );
  for (const product of registry.list()) {
    const tests = product.descriptor().tests;
    if (tests)
      process.stderr.write(
        `${product.id}: tests ${tests.status}${tests.cases > 0 ? ` (${tests.passed}/${tests.cases} passed)` : ''}${tests.overridden ? ' — served anyway (--allow-failing-tests)' : ''}\n`,
      );
  }
  const storeUrl =
    options.controlStore ??
    process.env.PLEXUS_CONTROL_STORE ??
    `sqlite:${join(options.dataDir ?? '.plexus', 'control.db')}`;
  if (storeUrl.startsWith('sqlite:') && !storeUrl.startsWith('sqlite::memory:'))
    await mkdir(dirname(storeUrl.slice('sqlite:'.length)), { recursive: true });
  const store = await openControlStore(storeUrl);
  const catalogStore = catalogRole ? openCatalogStore(dataDir) : undefined;
  const bootstrap = await bootstrapAdmin(store, process.env.PLEXUS_ADMIN_TOKEN || undefined);
  const sso = ssoFromEnvironment(process.env);
  const server = await startServer({
    registry,
    // Callers and product rules are kept 2 s: writes through this node clear them at once, other nodes
    // sharing a PostgreSQL store see a revocation within that time.
    gatekeeper: new StoreGatekeeper(store, {
      cacheMs: 2000,
      ...(sso ? { verifyAccessToken: createAccessTokenVerifier(sso.config) } : {}),
      // Calls from the trusted nodes of the mesh: their users, with this node's grants.
      ...(mesh ? { nodeTokens: mesh.verifier, nodeGroupIssuers: mesh.config.trust.issuers } : {}),
    }),
    ...(mesh ? { mesh } : {}),
    // The catalog role, and publishing to the catalog the mesh configuration names (heartbeats: 30 s).
    ...(catalogStore
      ? { catalog: { store: catalogStore, ...(heartbeatMs ? { heartbeatIntervalMs: heartbeatMs } : {}) } }
      : {}),
    ...(heartbeatMs ? { catalogPublishing: { intervalMs: heartbeatMs } } : {}),
    ...(sso ? { sso } : {}),
    // Result documents beside the control store: recalled byte for byte after a restart.
    results: new FileResultStore(join(dataDir, 'results')),
    deployments: { dataDir },
    ...(process.env.PLEXUS_NODE_NAME ? { node: process.env.PLEXUS_NODE_NAME } : {}),
    ...(runWaitMs !== undefined ? { runWaitMs } : {}),
    port,
    host: options.host,
    logger: { level: logLevel, stream: process.stderr },
    webRoot: webClientRoot(),
  });
  const first = registry.list()[0];
  const base = server.url.replace('127.0.0.1', 'localhost');
  process.stdout.write(`Plexus node serving ${registry.list().length} product(s) at ${base}\n`);
  process.stdout.write(`  web page:  ${base}/\n`);
  process.stdout.write(`  products:  curl ${base}/api/v1/products\n`);
  if (first) {
    const protocols = first.protocols().map((protocol) => protocol.id);
    const example = protocols.includes('kaplan-meier') ? 'kaplan-meier' : (protocols[0] ?? '<protocol>');
    process.stdout.write(
      `  a run:     curl -X POST ${base}/api/v1/products/${first.id}/protocols/${example}/runs -H 'content-type: application/json' -d '{"params": {}}'\n`,
    );
  }
  process.stdout.write(`  API docs:  ${base}/api/v1/openapi.json\n`);
  if (mesh) {
    const trusted = mesh.config.trust.nodes.map((node) => node.id);
    process.stdout.write(
      `  mesh:      node ${mesh.config.node.id}, keys at ${mesh.config.node.url.replace(/\/+$/, '')}/.well-known/jwks.json (here ${base}/.well-known/jwks.json); trusts ${trusted.length > 0 ? trusted.join(', ') : 'no node yet'}\n`,
    );
  }
  if (catalogStore) process.stdout.write(`  catalog:   curl '${base}/api/v1/catalog/search?q=…'\n`);
  if (mesh?.config.catalog)
    process.stdout.write(`  publishes: its public products to the catalog at ${mesh.config.catalog}\n`);
  if (bootstrap) {
    process.stdout.write(
      `\nA node administrator was created. Its API token is shown this once — keep it:\n  ${bootstrap.token}\n  curl -H 'authorization: Bearer ${bootstrap.token}' ${base}/api/v1/products\n`,
    );
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stderr.write('stopping…\n');
  await server.close();
  await registry.close();
  await store.close();
  catalogStore?.close();
  return EXIT.ok;
}
