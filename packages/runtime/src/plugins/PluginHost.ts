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
import type { PluginContext } from './PluginContext.ts';
import { PluginRunError } from './PluginRunError.ts';
import { startWorker } from './startWorker.ts';
import {
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
    const worker = this.takeWorker(invocation.memoryMb);
    try {
      return await this.execute(worker, invocation);
    } finally {
      this.live.delete(worker);
      void worker.terminate();
      this.running--;
      if (!this.closed && !this.spare) this.startSpare();
      this.waiting.shift()?.();
    }
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
    const workers = [...this.live, ...(this.spare ? [this.spare] : [])];
    this.spare = undefined;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private async acquireSlot(signal?: AbortSignal): Promise<void> {
    if (this.closed) throw new Error('plugin host is closed');
    if (this.running < this.maxWorkers) {
      this.running++;
      return;
    }
    if (this.waiting.length >= this.maxQueue) {
      throw new UnavailableError(
        `all ${this.maxWorkers} plugin workers are busy and ${this.maxQueue} runs are waiting; retry in a moment`,
      );
    }
    // The slot is handed over by the run that finishes: `running` stays counted for us. A run cancelled
    // while it waits leaves the queue at once.
    await new Promise<void>((resolve, reject) => {
      const take = () => {
        signal?.removeEventListener('abort', leave);
        resolve();
      };
      const leave = () => {
        const index = this.waiting.indexOf(take);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new PluginRunError('CANCELLED', 'the run was cancelled before it started'));
      };
      if (signal?.aborted) return leave();
      signal?.addEventListener('abort', leave, { once: true });
      this.waiting.push(take);
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
    // The next spare is started when this run ends, not now: started now, it would compete with the
    // run for the CPU (and on a small machine every node of a mesh does this at once).
    worker.ref();
    return worker;
  }

  private execute(worker: Worker, invocation: PluginInvocation): Promise<PluginOutput> {
    return new Promise<PluginOutput>((resolve, reject) => {
      let settled = false;
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
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
          const code = message.error.code === 'INPUT_INVALID' ? 'INPUT_INVALID' : 'PLUGIN_FAILED';
          fail(new PluginRunError(code, message.error.message));
        } else if (
          message.type === 'frame' ||
          message.type === 'matrix' ||
          message.type === 'events' ||
          message.type === 'sql'
        )
          void this.answer(worker, message, invocation.data);
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
  private async answer(worker: Worker, message: WorkerRequest, data: DataAccess): Promise<void> {
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
