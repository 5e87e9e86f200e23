import { join, resolve } from 'node:path';

export function defaultSnapshotRoot(productDir: string): string {
  return join(resolve(productDir), '.plexus');
}

/** `<dataDir>/<product id>` when a data folder is given (read-only product folders, deployments), else `<product>/.plexus`. */
export function snapshotRootFor(
  productDir: string,
  productId: string,
  options: { snapshotRoot?: string; dataDir?: string },
): string {
  if (options.snapshotRoot) return resolve(options.snapshotRoot);
  if (options.dataDir) return join(resolve(options.dataDir), productId);
  return defaultSnapshotRoot(productDir);
}
