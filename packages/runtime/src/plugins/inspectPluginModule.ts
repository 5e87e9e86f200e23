import { startWorker } from './startWorker.ts';
import type { InspectRequest, WorkerOutcome } from './workerMessages.ts';

/**
 * Loads a plugin module in a throw-away worker and lists its exports with their kinds. Validation must
 * not run product code in the host: a module whose top level loops or crashes is stopped and reported.
 */
export async function inspectPluginModule(
  modulePath: string,
  timeoutMs = 20_000,
): Promise<Record<string, string>> {
  const worker = startWorker(256);
  try {
    return await new Promise<Record<string, string>>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`loading it took longer than ${timeoutMs / 1000} s (does its top level loop?)`)),
        timeoutMs,
      );
      worker.on('message', (message: WorkerOutcome) => {
        clearTimeout(timer);
        if (message.type === 'inspected') resolve(message.exports);
        else if (message.type === 'failed')
          reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      worker.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`its top level ended the worker (exit code ${code})`));
      });
      const request: InspectRequest = { type: 'inspect', modulePath };
      worker.postMessage(request);
    });
  } finally {
    await worker.terminate();
  }
}
