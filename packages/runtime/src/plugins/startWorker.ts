import { Worker } from 'node:worker_threads';

const WORKER_URL = new URL('./pluginWorker.mjs', import.meta.url);

/**
 * A fresh plugin worker with a heap limit. It always has an `error` listener, so that whatever a plugin
 * leaves behind (a late throw, an unhandled rejection) can never take the node down with it.
 */
export function startWorker(memoryMb: number): Worker {
  const worker = new Worker(WORKER_URL, {
    resourceLimits: {
      maxOldGenerationSizeMb: memoryMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.max(8, memoryMb / 8)),
    },
    stdout: false,
    stderr: false,
  });
  worker.on('error', () => {});
  return worker;
}
