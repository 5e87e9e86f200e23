import { Worker } from 'node:worker_threads';
import { type Frame, type FrameRequest, frameTransferables, type QueryResult } from '@plexus/engine';
import type { PluginOutput } from '@plexus/spec';
import type { PluginContext } from './PluginContext.ts';
import { PluginRunError } from './PluginRunError.ts';
import {
  type RunRequest,
  serializeError,
  type WorkerOutcome,
  type WorkerReply,
  type WorkerRequest,
} from './workerMessages.ts';

export interface DataAccess {
  frame(request: FrameRequest): Promise<Frame>;
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
}

const WORKER_URL = new URL('./pluginWorker.mjs', import.meta.url);
const MAX_IDLE_PER_LIMIT = 2;

/**
 * Runs TypeScript plugins in worker threads with a heap limit and a wall-clock timeout. A plugin that
 * throws fails its run; one that loops or exhausts its heap has its worker terminated; the node goes
 * on serving either way. Healthy workers are kept for the next run to avoid start-up cost.
 */
export class PluginHost {
  private readonly idle = new Map<number, Worker[]>();
  private readonly busy = new Set<Worker>();
  private closed = false;

  async run(invocation: PluginInvocation): Promise<PluginOutput> {
    if (this.closed) throw new Error('plugin host is closed');
    const worker = this.acquire(invocation.memoryMb);
    this.busy.add(worker);
    let healthy = true;
    try {
      return await this.execute(worker, invocation);
    } catch (error) {
      healthy =
        !(error instanceof PluginRunError) ||
        error.code === 'PLUGIN_FAILED' ||
        error.code === 'INPUT_INVALID';
      throw error;
    } finally {
      this.busy.delete(worker);
      worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
      this.release(worker, invocation.memoryMb, healthy);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.busy, ...[...this.idle.values()].flat()];
    this.idle.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private acquire(memoryMb: number): Worker {
    const reusable = this.idle.get(memoryMb)?.pop();
    if (reusable) return reusable;
    return new Worker(WORKER_URL, {
      resourceLimits: {
        maxOldGenerationSizeMb: memoryMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, memoryMb / 8)),
      },
      stdout: false,
      stderr: false,
    });
  }

  private release(worker: Worker, memoryMb: number, healthy: boolean): void {
    const pool = this.idle.get(memoryMb) ?? [];
    if (!healthy || this.closed || pool.length >= MAX_IDLE_PER_LIMIT) {
      void worker.terminate();
      return;
    }
    worker.unref();
    pool.push(worker);
    this.idle.set(memoryMb, pool);
  }

  private execute(worker: Worker, invocation: PluginInvocation): Promise<PluginOutput> {
    worker.ref();
    return new Promise<PluginOutput>((resolve, reject) => {
      let settled = false;
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        action();
      };
      const fail = (error: PluginRunError) => finish(() => reject(error));
      const timer = setTimeout(() => {
        fail(
          new PluginRunError(
            'PLUGIN_TIMEOUT',
            `the plugin did not finish within ${invocation.timeoutMs / 1000} s and was stopped`,
          ),
        );
        void worker.terminate();
      }, invocation.timeoutMs);

      worker.on('message', (message: WorkerRequest | WorkerOutcome) => {
        if (message.type === 'done') finish(() => resolve(message.output));
        else if (message.type === 'failed') {
          const code = message.error.code === 'INPUT_INVALID' ? 'INPUT_INVALID' : 'PLUGIN_FAILED';
          fail(new PluginRunError(code, message.error.message));
        } else void this.answer(worker, message, invocation.data);
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
