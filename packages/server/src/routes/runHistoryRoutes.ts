import type { ProductRegistry } from '@plexus/runtime';
import { ConflictError, InputError, UnauthenticatedError } from '@plexus/spec';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { RUN_STATUSES, type RunQuery, type RunStatus } from '../control/ControlStore.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { findVisibleRun } from '../runs/findVisibleRun.ts';
import type { RunManager } from '../runs/RunManager.ts';
import { runView, storedResult } from '../runs/runView.ts';
import { errorResponses } from '../schemas/errorResponses.ts';
import { RunComponentSchema } from '../schemas/RunSchemas.ts';
import { refTo } from '../schemas/refTo.ts';

export const RunPathSchema = Type.Object({ runId: Type.String({ description: 'Id of a run.' }) });

const RunListQuerySchema = Type.Object(
  {
    productId: Type.Optional(Type.String()),
    protocolId: Type.Optional(Type.String()),
    status: Type.Optional(Type.Union(RUN_STATUSES.map((status) => Type.Literal(status)))),
    from: Type.Optional(
      Type.String({ format: 'date-time', description: 'Started at or after (inclusive).' }),
    ),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Started before (exclusive).' })),
    // Query strings are text (the node does not coerce types): a number as digits, checked when used.
    limit: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,3}$', description: 'How many, 1 to 200; default 50.' }),
    ),
    after: Type.Optional(Type.String({ description: 'The next cursor of the previous page.' })),
  },
  { additionalProperties: false },
);

interface RunListQuery {
  productId?: string;
  protocolId?: string;
  status?: RunStatus;
  from?: string;
  to?: string;
  limit?: string;
  after?: string;
}

const RunListSchema = Type.Object(
  {
    runs: Type.Array(refTo(RunComponentSchema), { description: 'Newest first, without result documents.' }),
    next: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `after` for the next page.' }),
  },
  { additionalProperties: false },
);

export function runHistoryRoutes(
  app: FastifyInstance,
  registry: ProductRegistry,
  gatekeeper: Gatekeeper,
  runs: RunManager,
): void {
  app.get<{ Querystring: RunListQuery }>(
    '/api/v1/runs',
    {
      schema: {
        operationId: 'listRuns',
        summary: "The caller's run history, newest first, filtered and paged",
        tags: ['runs'],
        querystring: RunListQuerySchema,
        response: { 200: RunListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { caller } = request;
      if (!caller.user)
        throw new UnauthenticatedError('sign in or present an API token to see your run history');
      const { limit, ...filters } = request.query;
      const size = limit === undefined ? 50 : Number(limit);
      if (size < 1 || size > 200)
        throw new InputError('limit is a whole number from 1 to 200', [
          { at: 'limit', message: 'out of range', found: limit },
        ]);
      // Everyone sees their own runs only — node administrators too: they see data through grants.
      const query: RunQuery = { ...filters, limit: size, userId: caller.user.id };
      const page = await gatekeeper.store.listRuns(query);
      // Runs of products the caller may no longer run (or the node no longer serves) are left out:
      // their parameters are the product's business.
      const allowed = new Map<string, boolean>();
      for (const record of page.runs) {
        if (allowed.has(record.productId)) continue;
        const product = registry.get(record.productId);
        allowed.set(
          record.productId,
          product !== undefined && (await gatekeeper.decide(caller, product, 'run')).outcome === 'allow',
        );
      }
      return {
        runs: await Promise.all(
          page.runs
            .filter((record) => allowed.get(record.productId))
            .map((record) => runView(runs, record, false)),
        ),
        next: page.next,
      };
    },
  );

  app.get<{ Params: { runId: string } }>(
    '/api/v1/runs/:runId',
    {
      schema: {
        operationId: 'getRun',
        summary: 'A run, with its result document exactly as first returned',
        tags: ['runs'],
        params: RunPathSchema,
        response: { 200: Type.Object({ run: refTo(RunComponentSchema) }), ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const { record } = await findVisibleRun(gatekeeper, registry, request, request.params.runId);
      return { run: await runView(runs, record, true) };
    },
  );

  app.get<{ Params: { runId: string } }>(
    '/api/v1/runs/:runId/result',
    {
      schema: {
        operationId: 'getRunResult',
        summary: 'The stored bytes of a run’s result document; the ETag is their sha256',
        description:
          'Canonical JSON (sorted keys, no whitespace): the same bytes every time, so that `sha256sum` of the body equals `resultHash`.',
        tags: ['runs'],
        params: RunPathSchema,
        response: {
          200: Type.Unsafe<unknown>({
            type: 'object',
            description: 'A result document (result.schema.json).',
          }),
          ...errorResponses(403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { record } = await findVisibleRun(gatekeeper, registry, request, request.params.runId);
      if (record.status !== 'succeeded')
        throw new ConflictError(`run ${record.id} has no result: it ${describeStatus(record.status)}`);
      await storedResult(runs, record);
      const bytes = (await runs.resultBytesOf(record)) as string;
      reply.header('etag', `"${record.resultHash}"`).type('application/json; charset=utf-8');
      // Sent as stored: serializing the parsed document again could change the bytes.
      return reply.serializer((payload: unknown) => payload as string).send(bytes);
    },
  );
}

export function describeStatus(status: RunStatus): string {
  return status === 'running' ? 'is still running' : `ended as ${status}`;
}
