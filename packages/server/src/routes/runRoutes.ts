import type { ProductRegistry } from '@plexus/runtime';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authorizeProduct, authorizeProtocol } from '../gatekeeper/authorizeProduct.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { errorResponses } from '../schemas/errorResponses.ts';
import { RunComponentSchema, RunRequestSchema } from '../schemas/RunSchemas.ts';
import { refTo } from '../schemas/refTo.ts';
import { findProtocol } from './findProtocol.ts';
import { type ProtocolPath, ProtocolPathSchema } from './pathParams.ts';

const RunResponseSchema = Type.Object(
  { run: refTo(RunComponentSchema) },
  {
    additionalProperties: false,
    description: 'The run, succeeded or failed: a plugin failure is a result of the run, not an HTTP error.',
  },
);

interface RunRequest {
  params?: Record<string, unknown>;
}

export function runRoutes(app: FastifyInstance, registry: ProductRegistry, gatekeeper: Gatekeeper): void {
  app.post<{ Params: ProtocolPath; Body: RunRequest | undefined }>(
    '/api/v1/products/:productId/protocols/:protocolId/runs',
    {
      schema: {
        operationId: 'runProtocol',
        summary: 'Run a protocol with parameters and get the result document',
        tags: ['runs'],
        params: ProtocolPathSchema,
        body: refTo(RunRequestSchema),
        response: { 200: RunResponseSchema, ...errorResponses(400, 403, 404, 409, 413, 415, 503) },
      },
      // A POST without any body means "run with the defaults"; Fastify would otherwise validate `null`.
      preValidation: async (request) => {
        if (request.body === undefined) request.body = {};
      },
    },
    async (request) => {
      const product = await authorizeProduct(gatekeeper, registry, request, request.params.productId, 'run');
      // Checked here too so the 404 lists the product's protocols, whatever the service would say.
      const protocol = findProtocol(product, request.params.protocolId);
      await authorizeProtocol(gatekeeper, request, product, protocol.id);
      return { run: await product.run(protocol.id, request.body?.params ?? {}) };
    },
  );
}
