import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '@plexus/runtime';

/** Result documents by the sha256 of their bytes: written once, never changed, so recall is exact. */
export interface ResultStore {
  /** Stores the bytes unless they are there already; resolves to their sha256. */
  put(bytes: string): Promise<string>;
  /** The stored bytes, or null when this store does not hold them. */
  get(hash: string): Promise<string | null>;
}

const HASH = /^[0-9a-f]{64}$/;

/**
 * Results as files `<dir>/<first two hex digits>/<sha256>.json`, each written to a temporary name,
 * synced and renamed into place: a crash leaves either the whole file or none.
 */
export class FileResultStore implements ResultStore {
  constructor(readonly dir: string) {}

  private pathOf(hash: string): string {
    return join(this.dir, hash.slice(0, 2), `${hash}.json`);
  }

  async put(bytes: string): Promise<string> {
    const hash = sha256Hex(bytes);
    const target = this.pathOf(hash);
    if ((await this.get(hash)) !== null) return hash;
    await mkdir(join(this.dir, hash.slice(0, 2)), { recursive: true });
    const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      const handle = await open(temporary, 'wx');
      try {
        await handle.writeFile(bytes, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
    } finally {
      await rm(temporary, { force: true });
    }
    return hash;
  }

  async get(hash: string): Promise<string | null> {
    if (!HASH.test(hash)) return null;
    try {
      const bytes = await readFile(this.pathOf(hash), 'utf8');
      // A file whose bytes no longer hash to its name was damaged: better no result than a wrong one.
      return sha256Hex(bytes) === hash ? bytes : null;
    } catch {
      return null;
    }
  }
}

/** Results held in memory: for a node started without a data folder (tests, a throwaway demo). */
export class MemoryResultStore implements ResultStore {
  private readonly results = new Map<string, string>();

  async put(bytes: string): Promise<string> {
    const hash = sha256Hex(bytes);
    this.results.set(hash, bytes);
    return hash;
  }

  async get(hash: string): Promise<string | null> {
    return this.results.get(hash) ?? null;
  }
}
