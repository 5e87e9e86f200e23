import type { ProductRegistry } from '@plexus/runtime';
import { UnavailableError } from '@plexus/spec';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authorizeProduct, authorizeProtocol } from '../gatekeeper/authorizeProduct.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import type { MeshAccessFor } from '../mesh/meshAccessFor.ts';
import { preferredWait } from '../runs/preferredWait.ts';
import type { RunManager } from '../runs/RunManager.ts';
import { runView } from '../runs/runView.ts';
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

const RunAcceptedSchema = Type.Object(
  { run: refTo(RunComponentSchema) },
  {
    additionalProperties: false,
    description:
      'The run is still executing: follow it at the Location (GET /api/v1/runs/{id}, or /events for server-sent events).',
  },
);

interface RunRequest {
  params?: Record<string, unknown>;
  fresh?: boolean;
}

export interface RunRouteOptions {
  /** How long a request waits for its run before the node answers 202, in milliseconds. */
  waitMs: number;
  /** How the runs a request starts reach other products (ctx.mesh); without it, they reach none. */
  meshAccess?: MeshAccessFor;
}

export function runRoutes(
  app: FastifyInstance,
  registry: ProductRegistry,
  gatekeeper: Gatekeeper,
  runs: RunManager,
  options: RunRouteOptions,
): void {
  app.post<{ Params: ProtocolPath; Body: RunRequest | undefined }>(
    '/api/v1/products/:productId/protocols/:protocolId/runs',
    {
      schema: {
        operationId: 'runProtocol',
        summary: 'Run a protocol with parameters and get the result document',
        description:
          'An identical earlier request (same versions, same parameters after defaults) is answered from the stored result (`reusedFrom` names the run) unless `fresh` is true. A run still executing after the wait (header `Prefer: wait=N` seconds, or `respond-async` for none; default set by the node) is answered with 202 and its Location.',
        tags: ['runs'],
        params: ProtocolPathSchema,
        body: refTo(RunRequestSchema),
        response: {
          200: RunResponseSchema,
          202: RunAcceptedSchema,
          ...errorResponses(400, 403, 404, 409, 413, 415, 503),
        },
      },
      // A POST without any body means "run with the defaults"; Fastify would otherwise validate `null`.
      preValidation: async (request) => {
        if (request.body === undefined) request.body = {};
      },
    },
    async (request, reply) => {
      const product = await authorizeProduct(gatekeeper, registry, request, request.params.productId, 'run');
      // Checked here too so the 404 lists the product's protocols, whatever the service would say.
      const protocol = findProtocol(product, request.params.protocolId);
      await authorizeProtocol(gatekeeper, request, product, protocol.id);
      const prepared = await product.prepare(protocol.id, request.body?.params ?? {});
      const started = await runs.start({
        userId: request.caller.user?.id ?? null,
        product,
        prepared,
        fresh: request.body?.fresh === true,
        servedAs: request.params.productId,
        ...(options.meshAccess ? { mesh: options.meshAccess(request) } : {}),
      });
      const record = await runs.wait(started, preferredWait(request.headers.prefer, options.waitMs));
      if (record.error?.code === 'UNAVAILABLE') throw new UnavailableError(record.error.message);
      if (record.status === 'running') {
        reply.code(202).header('location', `/api/v1/runs/${record.id}`);
        return { run: await runView(runs, record, false) };
      }
      return { run: await runView(runs, record, true) };
    },
  );
}
