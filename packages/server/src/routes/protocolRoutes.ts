import type { ProductRegistry } from '@plexus/runtime';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authorizeProduct } from '../gatekeeper/authorizeProduct.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { errorResponses } from '../schemas/errorResponses.ts';
import { ProtocolSummarySchema } from '../schemas/ProtocolSummarySchema.ts';
import { refTo } from '../schemas/refTo.ts';
import { findProtocol } from './findProtocol.ts';
import { type ProductPath, ProductPathSchema, type ProtocolPath, ProtocolPathSchema } from './pathParams.ts';

const ProtocolListSchema = Type.Object(
  { protocols: Type.Array(refTo(ProtocolSummarySchema)) },
  { additionalProperties: false, description: "The product's protocols: its data contract." },
);

const ProtocolSchema = Type.Object(
  { protocol: refTo(ProtocolSummarySchema) },
  { additionalProperties: false, description: 'A protocol and the JSON Schema of its parameters.' },
);

export function protocolRoutes(
  app: FastifyInstance,
  registry: ProductRegistry,
  gatekeeper: Gatekeeper,
): void {
  app.get<{ Params: ProductPath }>(
    '/api/v1/products/:productId/protocols',
    {
      schema: {
        operationId: 'listProtocols',
        summary: 'List the protocols (analysis apps) of a data product',
        tags: ['protocols'],
        params: ProductPathSchema,
        response: { 200: ProtocolListSchema, ...errorResponses(404) },
      },
    },
    async (request) => ({
      protocols: (
        await authorizeProduct(gatekeeper, registry, request, request.params.productId, 'see')
      ).protocols(),
    }),
  );

  app.get<{ Params: ProtocolPath }>(
    '/api/v1/products/:productId/protocols/:protocolId',
    {
      schema: {
        operationId: 'getProtocol',
        summary: 'Describe one protocol, with the JSON Schema of its parameters',
        tags: ['protocols'],
        params: ProtocolPathSchema,
        response: { 200: ProtocolSchema, ...errorResponses(404) },
      },
    },
    async (request) => {
      const product = await authorizeProduct(gatekeeper, registry, request, request.params.productId, 'see');
      return { protocol: findProtocol(product, request.params.protocolId) };
    },
  );
}
