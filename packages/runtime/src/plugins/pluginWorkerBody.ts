import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { EventTable, Frame, MatrixSlice, QueryResult } from '@plexus/engine';
import type { ResultDocument } from '@plexus/spec';
import type { PluginContext, ProtocolPlugin } from './PluginContext.ts';
import { type MeshCohortCount, MeshRequestError, type MeshRequestErrorCode } from './PluginMesh.ts';
import {
  type DataReply,
  type InspectRequest,
  type PreloadRequest,
  type ProgressMessage,
  type RunRequest,
  serializeError,
  type WorkerOutcome,
  type WorkerReply,
  type WorkerRequest,
} from './workerMessages.ts';

if (!parentPort) throw new Error('pluginWorkerBody must run in a worker thread');

/** Set by the host when this body runs bundled: where the TypeScript loader is, should a plugin need it. */
const typescriptLoader = (workerData as { typescriptLoader?: string } | null)?.typescriptLoader;
let typescript: Promise<void> | undefined;

/**
 * Imports a plugin module: a bundle (plain JavaScript) as it is; TypeScript sources — a module that
 * could not be bundled — after registering the TypeScript loader, which only then is worth its cost.
 */
async function importModule(path: string): Promise<Record<string, unknown>> {
  if (typescriptLoader && /\.[cm]?tsx?$/.test(path)) {
    typescript ??= import(typescriptLoader).then((api: { register: () => unknown }) => {
      api.register();
    });
    await typescript;
  }
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
}
const port = parentPort;
const pending = new Map<number, { resolve: (value: DataReply) => void; reject: (error: Error) => void }>();
let nextRequestId = 1;

type WithoutId<T> = T extends unknown ? Omit<T, 'requestId'> : never;

function ask<T extends DataReply>(message: WithoutId<WorkerRequest>): Promise<T> {
  const requestId = nextRequestId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(requestId, { resolve: resolve as (value: DataReply) => void, reject });
    port.postMessage({ ...message, requestId });
  });
}

function hostError(error: { name: string; message: string; code?: string }): Error {
  // A failed mesh request is rebuilt as the class plugins may test for (instanceof, code).
  if (error.name === 'MeshRequestError' && error.code?.startsWith('MESH_'))
    return new MeshRequestError(error.code as MeshRequestErrorCode, error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.code) Object.assign(rebuilt, { code: error.code });
  return rebuilt;
}

async function run(request: RunRequest): Promise<WorkerOutcome> {
  const module = (await importModule(request.modulePath)) as Record<string, unknown>;
  const plugin = module[request.exportName];
  if (typeof plugin !== 'function') {
    return {
      type: 'failed',
      error: {
        name: 'PluginError',
        message: `${request.exportName} is not an exported function of the plugin module`,
      },
    };
  }
  const context: PluginContext = {
    params: request.params,
    product: request.product,
    model: request.model,
    frame: (frameRequest) => ask<Frame>({ type: 'frame', request: frameRequest }),
    matrix: (matrixRequest) => ask<MatrixSlice>({ type: 'matrix', request: matrixRequest }),
    events: (eventsRequest) => ask<EventTable>({ type: 'events', request: eventsRequest }),
    sql: (query, params = []) => ask<QueryResult>({ type: 'sql', query, params }),
    progress: reportProgress,
    mesh: {
      call: (product, protocol, params = {}, options = {}) =>
        ask<ResultDocument>({
          type: 'mesh-call',
          product,
          protocol,
          params,
          ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        }),
      cohortCount: (product, cohort = {}, options = {}) =>
        ask<MeshCohortCount>({
          type: 'mesh-count',
          product,
          cohort,
          ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        }),
    },
  };
  const output = await (plugin as ProtocolPlugin)(context);
  return { type: 'done', output };
}

let lastProgressAt = 0;

/** Forwards at most ten updates a second, always the final one (fraction 1), so a tight loop cannot flood the host. */
function reportProgress(fraction: number, message?: string): void {
  if (!Number.isFinite(fraction)) return;
  const now = Date.now();
  const clamped = Math.min(1, Math.max(0, fraction));
  if (clamped < 1 && now - lastProgressAt < 100) return;
  lastProgressAt = now;
  const update: ProgressMessage = {
    type: 'progress',
    fraction: clamped,
    ...(typeof message === 'string' ? { message: message.slice(0, 200) } : {}),
  };
  port.postMessage(update);
}

async function preload(modules: readonly string[]): Promise<void> {
  for (const module of modules) await importModule(module).catch(() => undefined);
}

async function inspect(request: InspectRequest): Promise<WorkerOutcome> {
  const module = (await importModule(request.modulePath)) as Record<string, unknown>;
  return {
    type: 'inspected',
    exports: Object.fromEntries(Object.entries(module).map(([name, value]) => [name, typeof value])),
  };
}

/**
 * A worker serves one run. An exception the plugin throws asynchronously (a timer, a forgotten promise)
 * fails the run if it comes first; after the outcome is sent, it is ignored — the host terminates the
 * worker anyway — instead of racing the outcome as a crash.
 */
let finished = false;
function send(outcome: WorkerOutcome): void {
  if (finished) return;
  finished = true;
  try {
    port.postMessage(outcome);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    port.postMessage({
      type: 'failed',
      error: {
        name: 'PluginError',
        message: `the plugin returned a value that is not plain data: ${reason}`,
      },
    });
  }
}
const asyncFailure = (error: unknown) => send({ type: 'failed', error: serializeError(error) });
process.on('uncaughtException', asyncFailure);
process.on('unhandledRejection', asyncFailure);

port.on('message', (message: RunRequest | InspectRequest | PreloadRequest | WorkerReply) => {
  if (message.type === 'preload') {
    void preload(message.modules);
    return;
  }
  if (message.type === 'reply') {
    const waiter = pending.get(message.requestId);
    pending.delete(message.requestId);
    if (message.ok) waiter?.resolve(message.value);
    else waiter?.reject(hostError(message.error));
    return;
  }
  (message.type === 'inspect' ? inspect(message) : run(message))
    .catch((error: unknown): WorkerOutcome => ({ type: 'failed', error: serializeError(error) }))
    .then(send);
});
