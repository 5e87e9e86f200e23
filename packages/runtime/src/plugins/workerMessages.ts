import type {
  EventsRequest,
  EventTable,
  Frame,
  FrameRequest,
  MatrixRequest,
  MatrixSlice,
  QueryResult,
} from '@plexus/engine';
import type { PluginOutput, ResultDocument } from '@plexus/spec';
import type { PluginContext } from './PluginContext.ts';
import type { MeshCohortCount, ProductRef } from './PluginMesh.ts';

export interface RunRequest {
  type: 'run';
  modulePath: string;
  exportName: string;
  params: PluginContext['params'];
  product: PluginContext['product'];
  model: PluginContext['model'];
}

/**
 * Loads plugin modules into a worker started in advance, so that a run finds them compiled and
 * evaluated instead of paying for that itself. Failures are ignored here: a run reports them.
 */
export interface PreloadRequest {
  type: 'preload';
  modules: string[];
}

/** Asks a worker which names a module exports, and of what kind, without running anything of it in the host. */
export interface InspectRequest {
  type: 'inspect';
  modulePath: string;
}

export type WorkerRequest =
  | { type: 'frame'; requestId: number; request: FrameRequest }
  | { type: 'matrix'; requestId: number; request: MatrixRequest }
  | { type: 'events'; requestId: number; request: EventsRequest }
  | { type: 'sql'; requestId: number; query: string; params: unknown[] }
  | {
      type: 'mesh-call';
      requestId: number;
      product: ProductRef;
      protocol: string;
      params: Record<string, unknown>;
      timeoutMs?: number;
    }
  | { type: 'mesh-count'; requestId: number; product: ProductRef; cohort: unknown; timeoutMs?: number };

/** What the host answers a plugin's request for data with. */
export type DataReply = Frame | MatrixSlice | EventTable | QueryResult | ResultDocument | MeshCohortCount;

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

export type WorkerReply = { type: 'reply'; requestId: number } & (
  | { ok: true; value: DataReply }
  | { ok: false; error: SerializedError }
);

/** A plugin's report of how far it is; fire and forget. */
export interface ProgressMessage {
  type: 'progress';
  fraction: number;
  message?: string;
}

export type WorkerOutcome =
  | { type: 'done'; output: PluginOutput }
  | { type: 'failed'; error: SerializedError }
  | { type: 'inspected'; exports: Record<string, string> };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: error.name,
      message: error.message,
      ...(typeof code === 'string' ? { code } : {}),
      ...(error.stack ? { stack: error.stack } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}
