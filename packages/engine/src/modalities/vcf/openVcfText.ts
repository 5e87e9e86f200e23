import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { shown, VcfError } from './VcfError.ts';

const GZIP_NAME = /\.(b?gz|gzip)$/i;
const READ_BUFFER = 1 << 20;

export interface VcfText {
  lines: AsyncIterable<string>;
  /** Stops reading early (after an error); the file handle is released. */
  close(): void;
}

/**
 * The lines of a VCF, decompressed when it is gzip. Gzip is recognised by its magic bytes rather than
 * the name, so a compressed file called `.vcf` still reads; a `.gz` name over plain text is refused,
 * because the mapping then says something about the file that is not true.
 */
export async function openVcfText(path: string, displayPath: string): Promise<VcfText> {
  const magic = await readMagic(path, displayPath);
  const gzip = magic.length === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  if (!gzip && GZIP_NAME.test(path)) {
    const found = magic.length === 0 ? 'an empty file' : `bytes ${shown(magic.toString('latin1'))}`;
    throw new VcfError(
      displayPath,
      1,
      `not a gzip file although its name ends in .gz: expected gzip data starting with bytes 1f 8b, found ${found}`,
    );
  }
  const raw = createReadStream(path, { highWaterMark: READ_BUFFER });
  // pipeline rather than pipe so a read error reaches the gunzip stream and, through it, readline.
  // Node's gunzip reads every member of a multi-member stream, which is what bgzip writes.
  const input = gzip ? pipeline(raw, createGunzip({ chunkSize: READ_BUFFER }), () => {}) : raw;
  return {
    lines: createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }),
    close: () => {
      input.destroy();
      raw.destroy();
    },
  };
}

async function readMagic(path: string, displayPath: string): Promise<Buffer> {
  try {
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw readFailure(error, path, displayPath, 0);
  }
}

/**
 * Turns a failure to read the VCF at `path` (I/O or zlib) into a VcfError; anything else, such as a
 * failure to write the CSV, is passed through as it is.
 */
export function readFailure(error: unknown, path: string, displayPath: string, linesRead: number): unknown {
  if (error instanceof VcfError || !(error instanceof Error)) return error;
  const { code = '', path: failedPath } = error as NodeJS.ErrnoException;
  if (code.startsWith('Z_'))
    return new VcfError(
      displayPath,
      linesRead + 1,
      `the gzip data is corrupt or cut short: expected a complete gzip stream, found zlib error "${error.message}" after line ${linesRead}`,
    );
  if (failedPath === path)
    return new VcfError(
      displayPath,
      linesRead,
      `cannot read the file: expected a readable VCF file, found ${error.message.replaceAll(path, displayPath)}`,
    );
  return error;
}
