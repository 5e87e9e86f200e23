import type { ProductRegistry } from '@plexus/runtime';
import { ConflictError } from '@plexus/spec';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { findVisibleRun } from '../runs/findVisibleRun.ts';
import type { RunEvent, RunManager } from '../runs/RunManager.ts';
import { runView } from '../runs/runView.ts';
import { errorResponses } from '../schemas/errorResponses.ts';
import { RunComponentSchema } from '../schemas/RunSchemas.ts';
import { refTo } from '../schemas/refTo.ts';
import { describeStatus, RunPathSchema } from './runHistoryRoutes.ts';

/** A comment line every so often keeps proxies from closing a quiet event stream. */
const HEARTBEAT_MS = 15_000;

export function runControlRoutes(
  app: FastifyInstance,
  registry: ProductRegistry,
  gatekeeper: Gatekeeper,
  runs: RunManager,
): void {
  app.get<{ Params: { runId: string } }>(
    '/api/v1/runs/:runId/events',
    {
      schema: {
        operationId: 'followRun',
        summary: 'Server-sent events of a run: its status, then progress, then how it ended',
        description:
          'text/event-stream. Events: `status` (the run now), `progress` ({fraction, message}), `finished` (the run as it ended, without its result: fetch GET /api/v1/runs/{id}). The stream closes after `finished`.',
        tags: ['runs'],
        params: RunPathSchema,
        response: {
          200: Type.Unsafe<string>({ type: 'string', description: 'text/event-stream' }),
          ...errorResponses(403, 404),
        },
      },
    },
    async (request, reply) => {
      const { record } = await findVisibleRun(gatekeeper, registry, request, request.params.runId);
      // Everything that can fail before the stream starts is done: the view of the run, first.
      const first = await runView(runs, record, false);
      reply.hijack();
      const raw = reply.raw;
      let heartbeat: NodeJS.Timeout | undefined;
      let unsubscribe: (() => void) | undefined;
      const cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe?.();
      };
      // Attached before anything else: a client that leaves at once must not leave a subscription behind.
      raw.on('close', cleanup);
      const send = (event: string, data: unknown) => {
        if (!raw.destroyed) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      const end = () => {
        cleanup();
        if (!raw.destroyed) raw.end();
      };
      try {
        raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-store',
          connection: 'keep-alive',
          'x-content-type-options': 'nosniff',
          'x-accel-buffering': 'no',
        });
        send('status', { run: first });
        unsubscribe = runs.subscribe(record.id, (event: RunEvent) => {
          if (event.type === 'progress') send('progress', event.progress);
          else
            void runView(runs, event.run, false)
              .then((run) => send('finished', { run }))
              .finally(end);
        });
        if (unsubscribe) {
          heartbeat = setInterval(() => {
            if (!raw.destroyed) raw.write(': still running\n\n');
          }, HEARTBEAT_MS);
          return;
        }
        // Not executing here (any more): the stored record says how it ended.
        const current = (await gatekeeper.store.getRun(record.id)) ?? record;
        send(current.status === 'running' ? 'status' : 'finished', {
          run: await runView(runs, current, false),
        });
        end();
      } catch (error) {
        request.log.error({ err: error, runId: record.id }, 'the event stream of a run failed');
        end();
      }
    },
  );

  app.post<{ Params: { runId: string } }>(
    '/api/v1/runs/:runId/cancel',
    {
      schema: {
        operationId: 'cancelRun',
        summary: 'Cancel a run that is still executing',
        tags: ['runs'],
        params: RunPathSchema,
        response: { 200: Type.Object({ run: refTo(RunComponentSchema) }), ...errorResponses(403, 404, 409) },
      },
    },
    async (request) => {
      const { record } = await findVisibleRun(gatekeeper, registry, request, request.params.runId);
      if (record.status !== 'running')
        throw new ConflictError(`run ${record.id} cannot be cancelled: it ${describeStatus(record.status)}`);
      const ended = await runs.cancel(record.id);
      if (!ended)
        throw new ConflictError(
          `run ${record.id} executes on node ${record.node}, not on this one: cancel it there`,
        );
      return { run: await runView(runs, ended, false) };
    },
  );
}
