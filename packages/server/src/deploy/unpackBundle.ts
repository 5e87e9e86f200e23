import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '@plexus/spec';
import { x as extract } from 'tar';

/**
 * Unpacks a bundle (gzip-compressed tar) streamed in a request into a fresh folder under `into`. Only
 * files and folders are taken, never links or devices, and no path may leave the folder; more than
 * `maxBytes` of archive is refused, so an upload cannot fill the node's disk.
 */
export async function unpackBundle(
  body: NodeJS.ReadableStream,
  into: string,
  maxBytes: number,
  /** Most files a bundle may hold. */
  maxEntries = 100_000,
): Promise<string> {
  const dir = join(into, `${Date.now()}-${randomBytes(4).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  let received = 0;
  let unpackedBytes = 0;
  let entries = 0;
  let tooLarge = false;
  const refused: string[] = [];
  const stop = new AbortController();
  const tooLargeError = () =>
    new InputError(
      `the bundle unpacks to more than this node accepts (${Math.round(maxBytes / 2 ** 20)} MiB, ${maxEntries} files)`,
    );
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > maxBytes)
        callback(
          new InputError(
            `the bundle is larger than this node accepts (${Math.round(maxBytes / 2 ** 20)} MiB)`,
          ),
        );
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(
      body,
      limit,
      extract({
        cwd: dir,
        strict: true,
        preservePaths: false,
        filter: (path, entry) => {
          const type = 'type' in entry ? entry.type : undefined;
          const ok = (type === 'File' || type === 'Directory') && !path.split('/').includes('..');
          if (!ok) refused.push(path);
          // The archive is compressed: its unpacked size and its number of entries are bounded too.
          unpackedBytes += 'size' in entry && typeof entry.size === 'number' ? entry.size : 0;
          entries++;
          if (!tooLarge && (unpackedBytes > maxBytes || entries > maxEntries)) {
            tooLarge = true;
            // Stop reading at once: a compressed bomb is not decompressed to its end.
            stop.abort();
          }
          return ok && !tooLarge;
        },
      }),
      { signal: stop.signal },
    );
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if (error instanceof InputError) throw error;
    if (tooLarge) throw tooLargeError();
    throw new InputError(
      `the bundle could not be unpacked: ${error instanceof Error ? error.message : String(error)} (send the gzip-compressed tar archive 'plexus deploy' makes)`,
    );
  }
  if (tooLarge) {
    await rm(dir, { recursive: true, force: true });
    throw tooLargeError();
  }
  if (refused.length > 0) {
    await rm(dir, { recursive: true, force: true });
    throw new InputError(
      `the bundle holds entries a node does not unpack (links, devices or paths outside the bundle): ${refused.slice(0, 5).join(', ')}`,
    );
  }
  return dir;
}
