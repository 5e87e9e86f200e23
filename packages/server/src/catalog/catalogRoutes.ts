import { type CatalogStore, toDcat, toOdps } from '@plexus/mesh';
import { InputError, NotAllowedError, NotFoundError, UnauthenticatedError } from '@plexus/spec';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorResponses } from '../schemas/errorResponses.ts';
import {
  type CatalogEntryPath,
  CatalogEntryPathSchema,
  type CatalogSearchQuery,
  CatalogSearchQuerySchema,
  CatalogSearchResultSchema,
  documentResponse,
  HeartbeatResultSchema,
  PublishBodySchema,
  PublishResultSchema,
  StoredEntrySchema,
} from './catalogSchemas.ts';
import { entriesOfNode } from './entriesOfNode.ts';
import { TrustedNodeKeys } from './TrustedNodeKeys.ts';
import { verifyPublishedEntries } from './verifyPublishedEntries.ts';

export const DEFAULT_HEARTBEAT_INTERVAL_MS = 30_000;
/** A node is stale after this many heartbeat intervals without one. */
export const STALE_AFTER_INTERVALS = 3;

export interface CatalogRoleOptions {
  /** Where the entries live (`openCatalogStore(dataDir)`); the server never closes it. */
  store: CatalogStore;
  /** How often nodes send heartbeats; their entries are stale after 3 intervals without one. Default 30 s. */
  heartbeatIntervalMs?: number;
  /** The keys of the publishing nodes; default fetched from the trusted nodes of `app.mesh`. */
  nodeKeys?: TrustedNodeKeys;
  now?: () => number;
}

/**
 * The catalog role of a node (`plexus serve --catalog`): the nodes of the mesh publish their signed
 * catalog entries and heartbeats to it; anyone searches it and reads its entries and their FAIR exports
 * (ODPS 4.1 YAML, DCAT-AP 3 / schema.org JSON-LD). See docs/catalog.md.
 */
export function catalogRoutes(app: FastifyInstance, options: CatalogRoleOptions): void {
  const { store } = options;
  const intervalMs = options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS;
  if (!(Number.isInteger(intervalMs) && intervalMs > 0)) {
    throw new RangeError('heartbeatIntervalMs must be a positive whole number of milliseconds');
  }
  const now = options.now ?? Date.now;
  const trusted = app.mesh?.config.trust.nodes ?? [];
  const keys = options.nodeKeys ?? new TrustedNodeKeys({ nodes: trusted });
  const markStale = () => store.markStale(now(), STALE_AFTER_INTERVALS * intervalMs);

  /** The calling node: only the nodes of the mesh publish, and each only for itself. */
  const callingNode = (request: FastifyRequest): { id: string; url: string } => {
    const { caller } = request;
    if (caller.via === 'anonymous')
      throw new UnauthenticatedError(
        'only the nodes of the mesh publish to the catalog: call with a node token',
      );
    const id = caller.via === 'node' ? caller.node?.id : undefined;
    if (id === undefined)
      throw new NotAllowedError(
        'only the nodes of the mesh publish to the catalog; users and API tokens cannot',
        [
          {
            at: 'authorization',
            message: 'not a node of the mesh',
            expected: 'a node token',
            found: caller.via,
          },
        ],
      );
    const node = trusted.find((candidate) => candidate.id === id);
    if (!node) throw new NotAllowedError(`node ${id} is not one this catalog trusts`);
    return { id, url: node.url };
  };

  app.post<{ Body: { entries: string[] } }>(
    '/api/v1/catalog/entries',
    {
      schema: {
        operationId: 'publishCatalogEntries',
        summary: "A node publishes its catalog entries: its full list, each signed with the node's key",
        description:
          'Nodes of the mesh only (node token). Every entry must be of the calling node and verify against its published keys; entries of the node not in the list are removed. Counts as a heartbeat.',
        tags: ['catalog'],
        body: PublishBodySchema,
        response: { 200: PublishResultSchema, ...errorResponses(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const node = callingNode(request);
      const published = await verifyPublishedEntries(node, request.body.entries, keys);
      const listed = new Set(published.map(({ entry }) => entry.id));
      let removed = 0;
      for (const productId of entriesOfNode(store, node.id)) {
        if (!listed.has(productId) && store.remove(node.id, productId)) removed += 1;
      }
      for (const { entry, jws } of published) store.publish(entry, jws);
      store.heartbeat(node.id, now());
      request.log.info({ node: node.id, published: published.length, removed }, 'catalog entries published');
      return { node: node.id, published: published.length, removed };
    },
  );

  app.post(
    '/api/v1/catalog/heartbeat',
    {
      schema: {
        operationId: 'catalogHeartbeat',
        summary: 'A node says it is alive: its entries are not stale',
        tags: ['catalog'],
        response: { 200: HeartbeatResultSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const node = callingNode(request);
      store.heartbeat(node.id, now());
      return {
        node: node.id,
        entries: entriesOfNode(store, node.id).length,
        heartbeatIntervalMs: intervalMs,
      };
    },
  );

  app.get<{ Querystring: CatalogSearchQuery }>(
    '/api/v1/catalog/search',
    {
      schema: {
        operationId: 'searchCatalog',
        summary: 'Search the data products of the mesh, with facets',
        tags: ['catalog'],
        security: [{}],
        querystring: CatalogSearchQuerySchema,
        response: { 200: CatalogSearchResultSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { q, domain, modality, tag, owner, product, includeStale, limit, offset } = request.query;
      const count = limit === undefined ? 20 : Number(limit);
      if (count < 1 || count > 100)
        throw new InputError(`limit is from 1 to 100, found ${limit}`, [
          { at: 'limit', message: 'out of range', found: limit },
        ]);
      markStale();
      return store.search({
        ...(q !== undefined ? { q } : {}),
        ...(domain !== undefined ? { domain } : {}),
        ...(modality !== undefined ? { modality } : {}),
        ...(tag !== undefined ? { tag } : {}),
        ...(owner !== undefined ? { owner } : {}),
        ...(product !== undefined ? { product } : {}),
        includeStale: includeStale === 'true',
        limit: count,
        offset: offset === undefined ? 0 : Number(offset),
      });
    },
  );

  const stored = (path: CatalogEntryPath) => {
    markStale();
    const found = store.get(path.nodeId, path.productId);
    if (!found)
      throw new NotFoundError(
        `the catalog holds no entry of node ${path.nodeId} for product ${path.productId}`,
      );
    return found;
  };

  app.get<{ Params: CatalogEntryPath }>(
    '/api/v1/catalog/entries/:nodeId/:productId',
    {
      schema: {
        operationId: 'getCatalogEntry',
        summary: "A catalog entry with its node's signature (JWS), so that anyone can check it",
        tags: ['catalog'],
        security: [{}],
        params: CatalogEntryPathSchema,
        response: { 200: StoredEntrySchema, ...errorResponses(404) },
      },
    },
    async (request) => stored(request.params),
  );

  app.get<{ Params: CatalogEntryPath }>(
    '/api/v1/catalog/entries/:nodeId/:productId/odps.yaml',
    {
      schema: {
        operationId: 'getCatalogEntryOdps',
        summary: 'A catalog entry as an Open Data Product Specification 4.1 document (YAML)',
        tags: ['catalog'],
        security: [{}],
        params: CatalogEntryPathSchema,
        response: {
          200: documentResponse('application/yaml', 'ODPS 4.1 YAML.'),
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) =>
      reply.type('application/yaml; charset=utf-8').send(toOdps(stored(request.params).entry)),
  );

  app.get<{ Params: CatalogEntryPath }>(
    '/api/v1/catalog/entries/:nodeId/:productId/dcat.jsonld',
    {
      schema: {
        operationId: 'getCatalogEntryDcat',
        summary: 'A catalog entry as DCAT-AP 3 and schema.org Dataset (JSON-LD)',
        tags: ['catalog'],
        security: [{}],
        params: CatalogEntryPathSchema,
        response: {
          200: documentResponse('application/ld+json', 'A dcat:Dataset and schema:Dataset, context inline.'),
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) =>
      reply
        .type('application/ld+json; charset=utf-8')
        .send(JSON.stringify(toDcat(stored(request.params).entry), null, 2)),
  );
}
