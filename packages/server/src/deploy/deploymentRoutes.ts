import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { installBundle, type ProductRegistry, type ProductRuntime } from '@plexus/runtime';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  UnauthenticatedError,
} from '@plexus/spec';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorResponses } from '../schemas/errorResponses.ts';
import { ProductDescriptorSchema } from '../schemas/ProductDescriptorSchema.ts';
import { CHANNELS, type Channel, ChannelStore, type Deployment } from './ChannelStore.ts';
import { unpackBundle } from './unpackBundle.ts';

export interface DeploymentOptions {
  /** The node's data folder: deployed products live in `<dataDir>/<product id>`. */
  dataDir: string;
  /** Largest bundle accepted, in bytes; default 4 GiB. */
  maxBundleBytes?: number;
}

const DeploymentSchema = Type.Object(
  {
    productId: Type.String(),
    channel: Type.Union(CHANNELS.map((channel) => Type.Literal(channel))),
    definitionHash: Type.String(),
    dataVersion: Type.String(),
    productVersion: Type.String(),
    gitCommit: Type.Union([Type.String(), Type.Null()]),
    deployedAt: Type.String({ format: 'date-time' }),
    deployedBy: Type.String(),
    tests: Type.Optional(ProductDescriptorSchema.properties.tests),
  },
  { additionalProperties: false },
);

const DeploymentAnswerSchema = Type.Object(
  { deployment: DeploymentSchema, previous: Type.Union([DeploymentSchema, Type.Null()]) },
  { additionalProperties: false },
);

const ChannelQuerySchema = Type.Object(
  { channel: Type.Optional(Type.Union(CHANNELS.map((channel) => Type.Literal(channel)))) },
  { additionalProperties: false },
);

const ProductPath = Type.Object({ productId: Type.String({ pattern: '^[a-z][a-z0-9-]*$' }) });

function channelOf(value: string | undefined): Channel {
  return (value as Channel | undefined) ?? 'production';
}

/** The served id of a channel: `<id>` on production, `<id>@<channel>` elsewhere. */
function servedId(productId: string, channel: Channel): string {
  return channel === 'production' ? productId : `${productId}@${channel}`;
}

/**
 * Deployments: product versions uploaded by `plexus deploy` as bundles. A version is unpacked, checked
 * (the snapshot against its manifest's hashes), opened, and its own tests are run; only a version that
 * loads and passes its tests replaces the one a channel serves, and the replaced one is kept for
 * rollback. Products served from product folders are not deployable: their folder is their source.
 */
export function deploymentRoutes(
  app: FastifyInstance,
  registry: ProductRegistry,
  options: DeploymentOptions,
): void {
  const { openKept, serve } = registry;
  if (!openKept || !serve) throw new Error('deployments need a registry that can open and serve versions');
  const maxBytes = options.maxBundleBytes ?? 4 * 2 ** 30;

  /**
   * Only node administrators deploy, with a token that carries the admin scope: a deployment runs the
   * bundle's plugins inside the node, and plugins are not sandboxed (ADR 0003), so deploying is
   * administering the node — not something a product's owners may do.
   */
  function authorize(request: FastifyRequest, productId: string): string {
    const { caller } = request;
    if (!caller.user) throw new UnauthenticatedError('sign in or present an API token to deploy');
    if (caller.admin && (!caller.scopes || caller.scopes.includes('admin'))) return caller.user.id;
    throw new NotAllowedError(
      caller.admin
        ? `deploying needs a token with the admin scope; this one has ${caller.scopes?.join(', ') || 'none'}`
        : `only node administrators may deploy ${productId}: a deployment runs its plugins inside the node`,
      [{ at: 'productId', message: 'not an administrator', found: productId }],
    );
  }

  // One deployment or rollback of a product at a time: each reads, switches and serves its channel.
  const locks = new Map<string, Promise<unknown>>();
  function exclusive<T>(productId: string, work: () => Promise<T>): Promise<T> {
    const mine = (locks.get(productId) ?? Promise.resolve()).then(work, work);
    const settled = mine.catch(() => undefined);
    locks.set(productId, settled);
    void settled.then(() => {
      if (locks.get(productId) === settled) locks.delete(productId);
    });
    return mine;
  }

  /** A kept version, checked to be the product it is served as before anything serves it. */
  async function openChecked(
    root: string,
    productId: string,
    versions: { definitionHash: string; dataVersion: string },
  ): Promise<ProductRuntime> {
    const product = await (openKept as NonNullable<ProductRegistry['openKept']>)(root, versions);
    if (product.id !== productId) {
      product.close();
      throw new ConflictError(
        `the version kept as ${productId} is product '${product.id}'; it is not served`,
      );
    }
    return product;
  }

  function rootOf(productId: string): string {
    if (registry.servedFromFolder?.(productId))
      throw new ConflictError(
        `${productId} is served from a product folder on this node; its folder is its source, so it cannot be deployed to`,
      );
    return (
      (registry.get(productId) as ProductRuntime | undefined)?.snapshotRoot ??
      join(options.dataDir, productId)
    );
  }

  function deploymentOf(product: ProductRuntime, channel: Channel, by: string): Deployment {
    const { versions } = product;
    return {
      productId: product.id,
      channel,
      definitionHash: versions.definitionHash,
      dataVersion: versions.dataVersion,
      productVersion: versions.productVersion,
      gitCommit: versions.gitCommit,
      deployedAt: new Date().toISOString(),
      deployedBy: by,
    };
  }

  app.register(async (scoped) => {
    // Only this route takes an archive; everywhere else a body that is not JSON stays a 415.
    scoped.addContentTypeParser(['application/gzip', 'application/x-gzip'], (_request, payload, done) =>
      done(null, payload),
    );

    scoped.post<{ Params: { productId: string }; Querystring: { channel?: Channel } }>(
      '/api/v1/products/:productId/deployments',
      {
        schema: {
          operationId: 'deployProduct',
          summary: 'Deploy a product version (a bundle from plexus deploy) to a channel',
          description:
            'Body: the gzip-compressed tar bundle (content-type application/gzip). The node checks the snapshot against its manifest, opens the version and runs its tests; only then does the channel serve it. The staging channel serves it as `<id>@staging`.',
          tags: ['deployments'],
          params: ProductPath,
          querystring: ChannelQuerySchema,
          response: { 200: DeploymentAnswerSchema, ...errorResponses(400, 401, 403, 409, 415) },
        },
      },
      async (request) => {
        const { productId } = request.params;
        const by = authorize(request, productId);
        const channel = channelOf(request.query.channel);
        const root = rootOf(productId);
        if (!(request.body && typeof (request.body as NodeJS.ReadableStream).pipe === 'function'))
          throw new InputError('send the bundle as the body, with content-type application/gzip');
        const unpacked = await unpackBundle(
          request.body as NodeJS.ReadableStream,
          join(root, 'incoming'),
          maxBytes,
        );
        let product: ProductRuntime;
        try {
          const installed = await installBundle(unpacked, root, productId);
          product = await openChecked(root, productId, installed);
        } finally {
          await rm(unpacked, { recursive: true, force: true });
        }
        return exclusive(productId, async () => {
          const tests = product.descriptor().tests;
          if (tests?.status === 'failed') {
            product.close();
            throw new ConflictError(
              `${productId} ${product.versions.productVersion} (definition ${product.versions.definitionHash}, data ${product.versions.dataVersion}) was not deployed: ${tests.failed + tests.errors} of its ${tests.cases} tests fail; ${channel} still serves the previous version:\n${tests.failures.map((failure) => `  ${failure}`).join('\n')}`,
            );
          }
          const channels = new ChannelStore(root);
          const before = await channels.read(channel);
          const deployment = deploymentOf(product, channel, by);
          await channels.switchTo(deployment);
          serve(product, channel);
          request.log.info({ productId, channel, versions: product.versions }, 'deployed');
          return { deployment: { ...deployment, ...(tests ? { tests } : {}) }, previous: before.current };
        });
      },
    );
  });

  app.post<{ Params: { productId: string }; Body: { channel?: Channel } | undefined }>(
    '/api/v1/products/:productId/deployments/rollback',
    {
      schema: {
        operationId: 'rollBackProduct',
        summary: 'Serve the previous deployment of a channel again',
        tags: ['deployments'],
        params: ProductPath,
        body: Type.Object(
          { channel: Type.Optional(Type.Union(CHANNELS.map((channel) => Type.Literal(channel)))) },
          { additionalProperties: false },
        ),
        response: { 200: DeploymentAnswerSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      preValidation: async (request) => {
        if (request.body === undefined) request.body = {};
      },
    },
    async (request) => {
      const { productId } = request.params;
      const by = authorize(request, productId);
      const channel = channelOf(request.body?.channel);
      const root = rootOf(productId);
      return exclusive(productId, async () => {
        const channels = new ChannelStore(root);
        const state = await channels.read(channel);
        const previous = state.history[0];
        if (!state.current || !previous)
          throw new ConflictError(`${productId} has no earlier deployment on ${channel} to roll back to`);
        const product = await openChecked(root, productId, previous);
        const { state: next, replaced } = await channels.rollBack(channel, by, new Date().toISOString());
        serve(product, channel);
        const tests = product.descriptor().tests;
        return {
          deployment: { ...(next.current as Deployment), ...(tests ? { tests } : {}) },
          previous: replaced,
        };
      });
    },
  );

  app.get<{ Params: { productId: string } }>(
    '/api/v1/products/:productId/deployments',
    {
      schema: {
        operationId: 'listDeployments',
        summary: "A product's channels: the version each serves and the earlier ones kept for rollback",
        tags: ['deployments'],
        params: ProductPath,
        response: {
          200: Type.Object(
            {
              channels: Type.Record(
                Type.String(),
                Type.Object(
                  {
                    current: Type.Union([DeploymentSchema, Type.Null()]),
                    history: Type.Array(DeploymentSchema),
                  },
                  { additionalProperties: false },
                ),
              ),
            },
            { additionalProperties: false },
          ),
          ...errorResponses(401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const { productId } = request.params;
      authorize(request, productId);
      if (!registry.get(productId) && !registry.get(servedId(productId, 'staging')))
        throw new NotFoundError(`${productId} has no deployments on this node`);
      const channels = new ChannelStore(rootOf(productId));
      return {
        channels: Object.fromEntries(
          await Promise.all(
            CHANNELS.map(async (channel) => [channel, await channels.read(channel)] as const),
          ),
        ),
      };
    },
  );
}
