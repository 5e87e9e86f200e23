import type { ProductRegistry } from '@plexus/runtime';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { type ProtocolPath, ProtocolPathSchema } from '../routes/pathParams.ts';
import { errorResponses } from '../schemas/errorResponses.ts';
import { refTo } from '../schemas/refTo.ts';
import { answerAsSite, type SiteContext } from './answerAsSite.ts';
import { FederatedRequestSchema, FederatedRunSchema, SiteAnswerSchema } from './federationSchemas.ts';
import type { RemoteSites } from './RemoteSites.ts';
import { type FederatedRequest, runFederated } from './runFederated.ts';

export interface FederationOptions {
  /** This node's name in the mesh (the `node` of a site). */
  node: string;
  /** Seeds disclosure noise; keep it secret and stable across restarts. */
  nodeSecret: string;
  /** How to ask other nodes; without it only this node's products can be sites. */
  remote?: RemoteSites;
}

export function federationRoutes(
  app: FastifyInstance,
  registry: ProductRegistry,
  gatekeeper: Gatekeeper,
  options: FederationOptions,
): void {
  const context: SiteContext = {
    gatekeeper,
    registry,
    node: options.node,
    nodeSecret: options.nodeSecret,
    limiters: new Map(),
  };

  app.post<{ Params: ProtocolPath; Body: { params?: Record<string, unknown> } | undefined }>(
    '/api/v1/products/:productId/protocols/:protocolId/aggregates',
    {
      schema: {
        operationId: 'siteAggregates',
        summary: "A product's aggregates for a federated question, after its disclosure control",
        description:
          'What a coordinating node asks each site. Needs the right to run the protocol here and a product whose owners allow federated use; small counts are suppressed (with secondary suppression), small groups and estimates withheld.',
        tags: ['federation'],
        params: ProtocolPathSchema,
        body: Type.Object(
          {
            params: Type.Optional(
              Type.Unsafe<Record<string, unknown>>(Type.Object({}, { additionalProperties: true })),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ site: refTo(SiteAnswerSchema) }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
      preValidation: async (request) => {
        if (request.body === undefined) request.body = {};
      },
    },
    async (request) => ({
      site: await answerAsSite(
        context,
        request,
        request.params.productId,
        request.params.protocolId,
        request.body?.params ?? {},
      ),
    }),
  );

  app.post<{ Body: FederatedRequest }>(
    '/api/v1/federated/runs',
    {
      schema: {
        operationId: 'runFederated',
        summary:
          'Ask several products (sites, on this node or others) one question and combine their aggregates',
        description:
          "Every site answers in parallel within its deadline; each site's status is reported (ok, denied, suppressed, timeout, error) with the combined result of those that answered. Only aggregates cross nodes.",
        tags: ['federation'],
        body: refTo(FederatedRequestSchema),
        response: {
          200: Type.Object({ federatedRun: refTo(FederatedRunSchema) }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => ({
      federatedRun: await runFederated(context, options.remote, request, request.body, (error, site) =>
        request.log.error({ err: error, site }, 'a site of a federated run failed'),
      ),
    }),
  );
}
