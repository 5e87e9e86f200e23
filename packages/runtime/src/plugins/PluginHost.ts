import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import {
  type EventsRequest,
  type EventTable,
  type Frame,
  type FrameRequest,
  frameTransferables,
  type MatrixRequest,
  type MatrixSlice,
  type QueryResult,
} from '@plexus/engine';
import type { PluginOutput } from '@plexus/spec';
import { UnavailableError } from '@plexus/spec';
import type { MeshAccess } from '../mesh/MeshAccess.ts';
import { parseProductRef } from '../mesh/parseProductRef.ts';
import type { PluginContext } from './PluginContext.ts';
import { MeshRequestError } from './PluginMesh.ts';
import { type PluginFailureCode, PluginRunError } from './PluginRunError.ts';
import { startWorker } from './startWorker.ts';
import {
  type DataReply,
  type PreloadRequest,
  type ProgressMessage,
  type RunRequest,
  serializeError,
  type WorkerOutcome,
  type WorkerReply,
  type WorkerRequest,
} from './workerMessages.ts';

export interface DataAccess {
  frame(request: FrameRequest): Promise<Frame>;
  matrix(request: MatrixRequest): Promise<MatrixSlice>;
  events(request: EventsRequest): Promise<EventTable>;
  sql(query: string, params: unknown[]): Promise<QueryResult>;
}

export interface PluginInvocation {
  modulePath: string;
  exportName: string;
  params: PluginContext['params'];
  product: PluginContext['product'];
  model: PluginContext['model'];
  timeoutMs: number;
  memoryMb: number;
  data: DataAccess;
  /** Aborting stops the plugin at once: its worker is terminated and the run fails with CANCELLED. */
  signal?: AbortSignal;
  /** Progress the plugin reports through ctx.progress. */
  onProgress?: (fraction: number, message?: string) => void;
  /** Answers the plugin's ctx.mesh; without it, every mesh request fails with MESH_UNAVAILABLE. */
  mesh?: MeshAccess;
}

/** How long runs must pause before the next spare worker is started. */
const SPARE_DELAY_MS = 150;

/** Time limit of a mesh request that sets none; never more than what is left of the run's own. */
const DEFAULT_MESH_TIMEOUT_MS = 30_000;

/** Whether a run holds its slot now, and how many of its mesh requests are pending. */
interface RunSlot {
  held: boolean;
  lent: number;
}

/** What a mesh request needs to know of the run it comes from. */
interface RunBounds {
  deadline: number;
  signal: AbortSignal;
  mesh: MeshAccess | undefined;
}

export interface PluginHostOptions {
  /** Runs executing at once; more wait in a queue. Default: the number of cores, at least 2. */
  maxWorkers?: number;
  /** Runs allowed to wait; beyond that a run is refused with UnavailableError (HTTP 503). Default 64. */
  maxQueue?: number;
  /** Heap limit of the workers kept started in advance (protocols with another limit start their own). */
  defaultMemoryMb?: number;
}

/**
 * Runs TypeScript plugins in worker threads with a heap limit and a wall-clock timeout. Every run gets
 * a fresh worker that is terminated afterwards, so nothing one run leaves behind (module state, timers,
 * a late exception) reaches the next: runs stay independent and reproducible. A started worker is kept
 * ready so that a run does not wait for start-up. A plugin that throws fails its run; one that loops or
 * exhausts its heap is terminated; the node goes on serving either way.
 */
export class PluginHost {
  private readonly maxWorkers: number;
  private readonly maxQueue: number;
  private readonly defaultMemoryMb: number;
  private readonly waiting: Array<() => void> = [];
  private readonly live = new Set<Worker>();
  private spare: Worker | undefined;
  private spareTimer: NodeJS.Timeout | undefined;
  private preloaded: string[] = [];
  private running = 0;
  private closed = false;

  constructor(options: PluginHostOptions = {}) {
    this.maxWorkers = options.maxWorkers ?? Math.max(2, availableParallelism());
    this.maxQueue = options.maxQueue ?? 64;
    this.defaultMemoryMb = options.defaultMemoryMb ?? 512;
  }

  async run(invocation: PluginInvocation): Promise<PluginOutput> {
    await this.acquireSlot(invocation.signal);
    const slot: RunSlot = { held: true, lent: 0 };
    const worker = this.takeWorker(invocation.memoryMb);
    try {
      return await this.execute(worker, invocation, slot);
    } finally {
      this.live.delete(worker);
      void worker.terminate();
      this.startSpareSoon();
      if (slot.held) this.releaseSlot();
      slot.held = false;
    }
  }

  /**
   * Lets other runs use a run's slot while its plugin waits for other products (ctx.mesh): those may
   * run on this very host, and a chain of calls deeper than the slots would otherwise wait for itself
   * until its time limit. The run takes a slot again, ahead of the queue, before it goes on computing.
   */
  private async lendSlot<T>(slot: RunSlot, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    slot.lent++;
    if (slot.lent === 1 && slot.held) {
      slot.held = false;
      this.releaseSlot();
    }
    try {
      return await work();
    } finally {
      slot.lent--;
      if (slot.lent === 0 && !signal.aborted) {
        await this.acquireSlot(signal, true).then(
          () => {
            // The run may have ended while it waited for the slot: give it back at once.
            if (signal.aborted) this.releaseSlot();
            else slot.held = true;
          },
          () => {},
        );
      }
    }
  }

  private releaseSlot(): void {
    this.running--;
    this.waiting.shift()?.();
  }

  /**
   * Plugin modules that workers started in advance load before they are needed: a run then starts
   * with its module compiled and its imports (the apps, the statistics) evaluated, in a fresh worker
   * all the same. The spare worker already started is replaced.
   */
  setPreload(modules: readonly string[]): void {
    this.preloaded = [...new Set(modules)].sort();
    const previous = this.spare;
    this.spare = undefined;
    if (previous) void previous.terminate();
    if (!this.closed) this.startSpare();
  }

  /**
   * Starts the next spare worker once runs have paused for a moment rather than at once: runs come in
   * bursts (a federated question reaches every site at once, a page asks several apps), and a worker
   * starting — loading its modules — would take CPU from the runs of the burst still executing. A run
   * that comes meanwhile starts its own worker.
   */
  private startSpareSoon(): void {
    clearTimeout(this.spareTimer);
    this.spareTimer = setTimeout(() => {
      if (!this.closed && !this.spare) this.startSpare();
    }, SPARE_DELAY_MS);
    this.spareTimer.unref();
  }

  private startSpare(): void {
    this.spare = startWorker(this.defaultMemoryMb);
    this.spare.unref();
    if (this.preloaded.length > 0) {
      const request: PreloadRequest = { type: 'preload', modules: this.preloaded };
      this.spare.postMessage(request);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.spareTimer);
    const workers = [...this.live, ...(this.spare ? [this.spare] : [])];
    this.spare = undefined;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private async acquireSlot(signal?: AbortSignal, resuming = false): Promise<void> {
    if (this.closed) throw new Error('plugin host is closed');
    if (this.running < this.maxWorkers) {
      this.running++;
      return;
    }
    if (!resuming && this.waiting.length >= this.maxQueue) {
      throw new UnavailableError(
        `all ${this.maxWorkers} plugin workers are busy and ${this.maxQueue} runs are waiting; retry in a moment`,
      );
    }
    // The slot is handed over by the run that releases it, synchronously, so no newcomer takes it first.
    // A run cancelled while it waits leaves the queue at once; a run resuming after a mesh request goes
    // first, since it already holds a worker.
    await new Promise<void>((resolve, reject) => {
      const take = () => {
        signal?.removeEventListener('abort', leave);
        this.running++;
        resolve();
      };
      const leave = () => {
        const index = this.waiting.indexOf(take);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new PluginRunError('CANCELLED', 'the run was cancelled before it started'));
      };
      if (signal?.aborted) return leave();
      signal?.addEventListener('abort', leave, { once: true });
      if (resuming) this.waiting.unshift(take);
      else this.waiting.push(take);
    });
  }

  private takeWorker(memoryMb: number): Worker {
    let worker: Worker;
    if (this.spare && memoryMb === this.defaultMemoryMb) {
      worker = this.spare;
      this.spare = undefined;
    } else {
      worker = startWorker(memoryMb);
    }
    this.live.add(worker);
    // The next spare is started once runs pause (startSpareSoon), not now: started now, it would compete
    // with the run for the CPU (and on a small machine every node of a mesh does this at once).
    worker.ref();
    return worker;
  }

  private execute(worker: Worker, invocation: PluginInvocation, slot: RunSlot): Promise<PluginOutput> {
    return new Promise<PluginOutput>((resolve, reject) => {
      let settled = false;
      // Mesh requests still pending when the run ends are abandoned: nobody waits for their answers.
      const ended = new AbortController();
      const bounds: RunBounds = {
        deadline: Date.now() + invocation.timeoutMs,
        signal: ended.signal,
        mesh: invocation.mesh,
      };
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        ended.abort();
        action();
      };
      const fail = (error: PluginRunError) =>
        finish(() => {
          invocation.signal?.removeEventListener('abort', cancel);
          reject(error);
        });
      const cancel = () => fail(new PluginRunError('CANCELLED', 'the run was cancelled'));
      let lastProgress = 0;
      if (invocation.signal?.aborted) {
        cancel();
        return;
      }
      invocation.signal?.addEventListener('abort', cancel, { once: true });
      const timer = setTimeout(() => {
        fail(
          new PluginRunError(
            'PLUGIN_TIMEOUT',
            `the plugin did not finish within ${invocation.timeoutMs / 1000} s and was stopped`,
          ),
        );
      }, invocation.timeoutMs);

      worker.on('message', (message: WorkerRequest | WorkerOutcome | ProgressMessage) => {
        if (message.type === 'done')
          finish(() => {
            invocation.signal?.removeEventListener('abort', cancel);
            resolve(message.output);
          });
        else if (message.type === 'progress') {
          // Checked here as well as in the worker: plugin code can post to the host directly.
          const now = Date.now();
          const { fraction } = message;
          if (settled || typeof fraction !== 'number' || !(fraction >= 0 && fraction <= 1)) return;
          if (fraction < 1 && now - lastProgress < 100) return;
          lastProgress = now;
          invocation.onProgress?.(
            fraction,
            typeof message.message === 'string' ? message.message.slice(0, 200) : undefined,
          );
        } else if (message.type === 'failed') {
          const code = failureCodeOf(message.error.code);
          fail(new PluginRunError(code, message.error.message));
        } else if (
          message.type === 'frame' ||
          message.type === 'matrix' ||
          message.type === 'events' ||
          message.type === 'sql' ||
          message.type === 'mesh-call' ||
          message.type === 'mesh-count'
        )
          void this.answer(worker, message, invocation.data, bounds, slot);
      });
      worker.on('error', (error: Error & { code?: string }) => {
        const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        fail(
          new PluginRunError(
            outOfMemory ? 'PLUGIN_OUT_OF_MEMORY' : 'PLUGIN_CRASHED',
            outOfMemory
              ? `the plugin ran out of memory (limit ${invocation.memoryMb} MB) and was stopped`
              : `the plugin crashed: ${error.message}`,
          ),
        );
      });
      worker.on('exit', (code) =>
        fail(new PluginRunError('PLUGIN_CRASHED', `the plugin's worker exited with code ${code}`)),
      );

      const request: RunRequest = {
        type: 'run',
        modulePath: invocation.modulePath,
        exportName: invocation.exportName,
        params: invocation.params,
        product: invocation.product,
        model: invocation.model,
      };
      worker.postMessage(request);
    });
  }

  /** Serves a plugin's request for data; frames travel as transferred typed arrays, not JSON. */
  private async answer(
    worker: Worker,
    message: WorkerRequest,
    data: DataAccess,
    bounds: RunBounds,
    slot: RunSlot,
  ): Promise<void> {
    let reply: WorkerReply;
    let transfer: ArrayBuffer[] = [];
    try {
      if (message.type === 'frame') {
        const frame = await data.frame(message.request);
        transfer = frameTransferables(frame);
        reply = { type: 'reply', requestId: message.requestId, ok: true, value: frame };
      } else if (message.type === 'matrix') {
        const slice = await data.matrix(message.request);
        transfer = [slice.values.buffer as ArrayBuffer];
        reply = { type: 'reply', requestId: message.requestId, ok: true, value: slice };
      } else if (message.type === 'events') {
        const events = await data.events(message.request);
        transfer = [events.time.buffer as ArrayBuffer, events.value.buffer as ArrayBuffer];
        reply = { type: 'reply', requestId: message.requestId, ok: true, value: events };
      } else if (message.type === 'mesh-call' || message.type === 'mesh-count') {
        const value = await this.lendSlot(slot, bounds.signal, () => askMesh(message, bounds));
        reply = { type: 'reply', requestId: message.requestId, ok: true, value };
      } else {
        reply = {
          type: 'reply',
          requestId: message.requestId,
          ok: true,
          value: await data.sql(message.query, message.params),
        };
      }
    } catch (error) {
      reply = { type: 'reply', requestId: message.requestId, ok: false, error: serializeError(error) };
    }
    try {
      worker.postMessage(reply, transfer);
    } catch {
      // The worker was terminated meanwhile (timeout): nobody is waiting for this answer.
    }
  }
}

/** Serves a plugin's ctx.mesh request within what is left of its run's time. */
async function askMesh(
  message: Extract<WorkerRequest, { type: 'mesh-call' | 'mesh-count' }>,
  bounds: RunBounds,
): Promise<DataReply> {
  const target = parseProductRef(message.product);
  if (!bounds.mesh)
    throw new MeshRequestError('MESH_UNAVAILABLE', `${target.product} cannot be asked: this run has no mesh`);
  const requested = message.timeoutMs;
  if (requested !== undefined && !(typeof requested === 'number' && requested > 0))
    throw new MeshRequestError(
      'MESH_INVALID',
      `timeoutMs must be a positive number of milliseconds, found ${requested}`,
    );
  const left = bounds.deadline - Date.now();
  const timeoutMs = Math.max(1, Math.min(requested ?? DEFAULT_MESH_TIMEOUT_MS, left));
  if (message.type === 'mesh-count')
    return bounds.mesh.cohortCount({ target, cohort: message.cohort, timeoutMs, signal: bounds.signal });
  if (typeof message.protocol !== 'string' || message.protocol === '')
    throw new MeshRequestError(
      'MESH_INVALID',
      'name the protocol to run: ctx.mesh.call(product, protocolId, params)',
    );
  const params = message.params ?? {};
  if (params === null || typeof params !== 'object' || Array.isArray(params))
    throw new MeshRequestError(
      'MESH_INVALID',
      'the parameters of a mesh call are an object of parameter values',
    );
  const answer = await bounds.mesh.run({
    target,
    protocol: message.protocol,
    params: params as Record<string, unknown>,
    timeoutMs,
    signal: bounds.signal,
  });
  return answer.result;
}

const MESH_CODES = new Set<string>([
  'MESH_DENIED',
  'MESH_NOT_FOUND',
  'MESH_INVALID',
  'MESH_TIMEOUT',
  'MESH_UNREACHABLE',
  'MESH_FAILED',
  'MESH_UNAVAILABLE',
]);

/** A plugin's own failure is PLUGIN_FAILED; one it let through keeps its code (bad input, a mesh request). */
function failureCodeOf(code: string | undefined): PluginFailureCode {
  if (code === 'INPUT_INVALID') return 'INPUT_INVALID';
  if (code !== undefined && MESH_CODES.has(code)) return code as PluginFailureCode;
  return 'PLUGIN_FAILED';
}
