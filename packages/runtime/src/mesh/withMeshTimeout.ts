import { MeshRequestError } from '../plugins/PluginMesh.ts';

/**
 * Settles with `work`, or rejects with MESH_TIMEOUT after `timeoutMs`, or with the signal's reason when
 * the calling run ends first — for work that cannot itself be interrupted (a cohort count).
 */
export function withMeshTimeout<T>(
  work: Promise<T>,
  timeoutMs: number,
  signal: AbortSignal,
  what: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
    };
    const abort = () => {
      stop();
      reject(new MeshRequestError('MESH_FAILED', `${what} was abandoned: the calling run ended`));
    };
    const timer = setTimeout(() => {
      stop();
      reject(new MeshRequestError('MESH_TIMEOUT', `${what} did not answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        stop();
        resolve(value);
      },
      (error: unknown) => {
        stop();
        reject(error);
      },
    );
  });
}
