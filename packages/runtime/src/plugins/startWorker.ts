import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';

/** The worker entry that loads the TypeScript sources of the body through the TypeScript loader. */
const SOURCE_ENTRY = new URL('./pluginWorker.mjs', import.meta.url);

let entry: { url: URL; workerData?: { typescriptLoader: string } } | undefined;

/**
 * The worker body as one JavaScript file, bundled once per process into the temporary folder (named by
 * its hash, so processes share it): a worker then starts without the TypeScript loader, which it
 * registers only for a plugin that has no bundle. Falls back to the sources when bundling fails.
 */
function workerEntry(): { url: URL; workerData?: { typescriptLoader: string } } {
  if (entry) return entry;
  try {
    const output = buildSync({
      entryPoints: [fileURLToPath(new URL('./pluginWorkerBody.ts', import.meta.url))],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    }).outputFiles[0];
    if (!output) throw new Error('no output');
    const dir = join(tmpdir(), 'plexus-workers');
    const file = join(dir, `${createHash('sha256').update(output.contents).digest('hex').slice(0, 32)}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, output.contents);
      renameSync(temporary, file);
    }
    entry = {
      url: pathToFileURL(file),
      workerData: { typescriptLoader: import.meta.resolve('tsx/esm/api') },
    };
  } catch {
    entry = { url: SOURCE_ENTRY };
  }
  return entry;
}

/**
 * A fresh plugin worker with a heap limit. It always has an `error` listener, so that whatever a plugin
 * leaves behind (a late throw, an unhandled rejection) can never take the node down with it.
 */
export function startWorker(memoryMb: number): Worker {
  const { url, workerData } = workerEntry();
  const worker = new Worker(url, {
    resourceLimits: {
      maxOldGenerationSizeMb: memoryMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.max(8, memoryMb / 8)),
    },
    stdout: false,
    stderr: false,
    ...(workerData ? { workerData } : {}),
  });
  worker.on('error', () => {});
  return worker;
}
