import { compareResults, type ProductRegistry } from '@plexus/runtime';
import { ConflictError } from '@plexus/spec';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RunRecord } from '../control/ControlStore.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { findVisibleRun } from '../runs/findVisibleRun.ts';
import { preferredWait } from '../runs/preferredWait.ts';
import type { RunManager } from '../runs/RunManager.ts';
import { runView, storedResult } from '../runs/runView.ts';
import { versionChanges } from '../runs/versionChanges.ts';
import { errorResponses } from '../schemas/errorResponses.ts';
import {
  ResultComparisonComponentSchema,
  RunComponentSchema,
  VersionChangeSchema,
} from '../schemas/RunSchemas.ts';
import { refTo } from '../schemas/refTo.ts';
import { describeStatus, RunPathSchema } from './runHistoryRoutes.ts';
import type { RunRouteOptions } from './runRoutes.ts';

const RerunRequestSchema = Type.Object(
  {
    versions: Type.Optional(
      Type.Union([Type.Literal('current'), Type.Literal('original')], {
        description:
          'current (default): the versions the node serves now; original: exactly the versions of the first run, kept read-only by the node.',
      }),
    ),
  },
  { additionalProperties: false },
);

const ChangesSchema = Type.Object(
  {
    versions: Type.Array(refTo(VersionChangeSchema), {
      description: 'The versions that differ from the original run; empty when none does.',
    }),
    resultChanged: Type.Union([Type.Boolean(), Type.Null()], {
      description: 'Whether the result document differs from the original one; null until both exist.',
    }),
    comparison: Type.Optional(refTo(ResultComparisonComponentSchema)),
  },
  { additionalProperties: false },
);

const CompareResponseSchema = Type.Object(
  {
    a: refTo(RunComponentSchema),
    b: refTo(RunComponentSchema),
    versions: Type.Array(refTo(VersionChangeSchema)),
    comparison: refTo(ResultComparisonComponentSchema),
  },
  {
    additionalProperties: false,
    description: 'How run b differs from run a: versions, then block by block.',
  },
);

async function resultOf(runs: RunManager, record: RunRecord) {
  if (record.status !== 'succeeded')
    throw new ConflictError(`run ${record.id} has no result to compare: it ${describeStatus(record.status)}`);
  return storedResult(runs, record);
}

export function rerunRoutes(
  app: FastifyInstance,
  registry: ProductRegistry,
  gatekeeper: Gatekeeper,
  runs: RunManager,
  options: RunRouteOptions,
): void {
  app.post<{ Params: { runId: string }; Body: { versions?: 'current' | 'original' } | undefined }>(
    '/api/v1/runs/:runId/rerun',
    {
      schema: {
        operationId: 'rerun',
        summary: 'Execute a run again, on the current versions or pinned to the original ones',
        description:
          'Always executes (never answered from the stored result). The answer names the versions that changed and whether the result changed, with a block-by-block comparison. Waits like a run (Prefer header); 202 while still executing.',
        tags: ['runs'],
        params: RunPathSchema,
        body: RerunRequestSchema,
        response: {
          200: Type.Object(
            { run: refTo(RunComponentSchema), changes: ChangesSchema },
            { additionalProperties: false },
          ),
          202: Type.Object(
            { run: refTo(RunComponentSchema), changes: ChangesSchema },
            { additionalProperties: false },
          ),
          ...errorResponses(400, 403, 404, 409, 503),
        },
      },
      preValidation: async (request) => {
        if (request.body === undefined) request.body = {};
      },
    },
    async (request, reply) => {
      const { record: original, product } = await findVisibleRun(
        gatekeeper,
        registry,
        request,
        request.params.runId,
      );
      const target =
        request.body?.versions === 'original'
          ? await registry.version(original.productId, {
              definitionHash: original.definitionHash,
              dataVersion: original.dataVersion,
            })
          : product;
      const prepared = await target.prepare(original.protocolId, original.params);
      const started = await runs.start({
        userId: request.caller.user?.id ?? null,
        product: target,
        prepared,
        fresh: true,
        rerunOf: original.id,
        servedAs: original.productId,
        ...(options.meshAccess ? { mesh: options.meshAccess(request) } : {}),
      });
      const record = await runs.wait(started, preferredWait(request.headers.prefer, options.waitMs));
      const finished = record.status !== 'running';
      const bothResults = record.status === 'succeeded' && original.status === 'succeeded';
      const changes = {
        versions: versionChanges(original, record),
        resultChanged: bothResults ? original.resultHash !== record.resultHash : null,
        ...(bothResults
          ? {
              comparison: compareResults(
                await storedResult(runs, original),
                await storedResult(runs, record),
              ),
            }
          : {}),
      };
      if (!finished) reply.code(202).header('location', `/api/v1/runs/${record.id}`);
      return { run: await runView(runs, record, finished), changes };
    },
  );

  app.get<{ Params: { runId: string; otherRunId: string } }>(
    '/api/v1/runs/:runId/compare/:otherRunId',
    {
      schema: {
        operationId: 'compareRuns',
        summary: 'How run b differs from run a: versions, then block by block with numeric deltas',
        tags: ['runs'],
        params: Type.Object({
          runId: Type.String({ description: 'Run a: the reference.' }),
          otherRunId: Type.String({ description: 'Run b: compared with a.' }),
        }),
        response: { 200: CompareResponseSchema, ...errorResponses(403, 404, 409) },
      },
    },
    async (request) => {
      const a = await findVisibleRun(gatekeeper, registry, request, request.params.runId, 'runId');
      const b = await findVisibleRun(gatekeeper, registry, request, request.params.otherRunId, 'otherRunId');
      const [resultA, resultB] = [await resultOf(runs, a.record), await resultOf(runs, b.record)];
      return {
        a: await runView(runs, a.record, false),
        b: await runView(runs, b.record, false),
        versions: versionChanges(a.record, b.record),
        comparison: compareResults(resultA, resultB),
      };
    },
  );
}
