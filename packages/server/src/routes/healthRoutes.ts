import type { ProductRegistry } from '@plexus/runtime';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { visibleProducts } from '../gatekeeper/authorizeProduct.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { errorResponses } from '../schemas/errorResponses.ts';

const HealthSchema = Type.Object(
  {
    status: Type.Literal('ok'),
    products: Type.Integer({ minimum: 0, description: 'Number of products served.' }),
  },
  { additionalProperties: false, description: 'The node is up.' },
);

/** Liveness for load balancers and orchestrators; deliberately outside /api/v1 so it never changes. */
export function healthRoutes(app: FastifyInstance, registry: ProductRegistry, gatekeeper: Gatekeeper): void {
  // The health check is never rate limited: a load balancer must not take a busy node for a dead one.
  const { 429: _neverLimited, ...responses } = errorResponses();
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
        summary: 'Whether the node is up, and how many products it serves',
        tags: ['node'],
        response: { 200: HealthSchema, ...responses },
      },
    },
    // The count is of the products the caller may see: hidden products must not show, even as a number.
    async (request) => ({
      status: 'ok' as const,
      products: (await visibleProducts(gatekeeper, registry, request)).length,
    }),
  );
}
