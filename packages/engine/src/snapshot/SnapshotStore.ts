import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConflictError } from '@plexus/spec';
import type { Manifest } from './Manifest.ts';
import { processAlive } from './processAlive.ts';

export interface SnapshotRef {
  dataVersion: string;
  dir: string;
  manifest: Manifest;
}

const MANIFEST = 'manifest.json';
/** Locks this process holds: a second build of the same product in one process is refused too. */
const heldLocks = new Set<string>();

/**
 * Where a product's snapshots live: `snapshots/<dataVersion>/` (immutable), `current.json` (which one is
 * served), `staging/` (builds in progress). A snapshot becomes visible only by rename, and `current.json`
 * changes only by rename, so a build that fails or is killed leaves the served snapshot untouched.
 */
export class SnapshotStore {
  readonly snapshotsDir: string;
  readonly stagingDir: string;
  readonly currentFile: string;
  readonly lockFile: string;

  constructor(readonly root: string) {
    this.snapshotsDir = join(root, 'snapshots');
    this.stagingDir = join(root, 'staging');
    this.currentFile = join(root, 'current.json');
    this.lockFile = join(root, 'build.lock');
  }

  snapshotDir(dataVersion: string): string {
    // A data version names a folder: anything but its own form could reach outside the store.
    if (!/^[0-9a-zA-Z_-]{1,64}$/.test(dataVersion)) throw new Error(`'${dataVersion}' is not a data version`);
    return join(this.snapshotsDir, dataVersion);
  }

  async readSnapshot(dataVersion: string): Promise<SnapshotRef | null> {
    if (!/^[0-9a-zA-Z_-]{1,64}$/.test(dataVersion)) return null;
    const dir = this.snapshotDir(dataVersion);
    try {
      const manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
      // Snapshots written before modalities existed have none: they stay readable as they are.
      manifest.model.modalities ??= [];
      return { dataVersion, dir, manifest };
    } catch {
      return null;
    }
  }

  async current(): Promise<SnapshotRef | null> {
    try {
      const { dataVersion } = JSON.parse(await readFile(this.currentFile, 'utf8')) as { dataVersion: string };
      return await this.readSnapshot(dataVersion);
    } catch {
      return null;
    }
  }

  async list(): Promise<SnapshotRef[]> {
    const names = await readdir(this.snapshotsDir).catch(() => [] as string[]);
    const refs = await Promise.all(names.map((name) => this.readSnapshot(name)));
    return refs.filter((ref): ref is SnapshotRef => ref !== null);
  }

  /** A fresh staging folder named after this process, so that stale ones can be recognised and removed. */
  async createStaging(): Promise<string> {
    await mkdir(this.stagingDir, { recursive: true });
    const dir = join(this.stagingDir, `${process.pid}-${randomBytes(4).toString('hex')}`);
    await mkdir(dir);
    return dir;
  }

  /** Removes the staging folder itself once no build uses it, so a quiet store holds only snapshots. */
  async removeEmptyStaging(): Promise<void> {
    await rmdir(this.stagingDir).catch(() => {});
  }

  async removeStaleStaging(): Promise<void> {
    const names = await readdir(this.stagingDir).catch(() => [] as string[]);
    for (const name of names) {
      const pid = Number(name.split('-')[0]);
      if (!Number.isInteger(pid) || !processAlive(pid))
        await rm(join(this.stagingDir, name), { recursive: true, force: true });
    }
  }

  async writeManifest(dir: string, manifest: Manifest): Promise<void> {
    const handle = await open(join(dir, MANIFEST), 'w');
    try {
      await handle.writeFile(`${JSON.stringify(manifest, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Moves a finished staging folder into place; an identical snapshot already there wins. */
  async publish(stagingDir: string, dataVersion: string): Promise<SnapshotRef> {
    await mkdir(this.snapshotsDir, { recursive: true });
    const existing = await this.readSnapshot(dataVersion);
    if (existing) {
      await rm(stagingDir, { recursive: true, force: true });
      return existing;
    }
    const target = this.snapshotDir(dataVersion);
    await rm(target, { recursive: true, force: true });
    await rename(stagingDir, target);
    const published = await this.readSnapshot(dataVersion);
    if (!published) throw new Error(`snapshot ${dataVersion} has no readable manifest after publishing`);
    return published;
  }

  async setCurrent(dataVersion: string): Promise<void> {
    const temporary = `${this.currentFile}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ dataVersion }, null, 2)}\n`);
    await rename(temporary, this.currentFile);
  }

  /** One build at a time per product; a lock left by a killed build is taken over. */
  async lock(): Promise<() => Promise<void>> {
    await mkdir(this.root, { recursive: true });
    // The lock is created by link() from a file that already holds our pid: it never exists empty,
    // so nobody can mistake a lock being written for a stale one.
    const mine = `${this.lockFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(mine, String(process.pid));
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await link(mine, this.lockFile);
          heldLocks.add(this.lockFile);
          return async () => {
            heldLocks.delete(this.lockFile);
            await rm(this.lockFile, { force: true });
          };
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
        const content = await readFile(this.lockFile, 'utf8').catch(() => undefined);
        if (content === undefined) continue;
        const holder = Number(content);
        const heldHere = holder === process.pid && heldLocks.has(this.lockFile);
        if (Number.isInteger(holder) && processAlive(holder) && (holder !== process.pid || heldHere)) {
          throw new ConflictError(
            `another build of this product is running (process ${holder}); wait for it to finish`,
          );
        }
        // A stale lock is moved aside by rename, which only one of several takers can win; a lock that
        // changed hands meanwhile is put back.
        const aside = `${this.lockFile}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
        try {
          await rename(this.lockFile, aside);
        } catch {
          continue;
        }
        if ((await readFile(aside, 'utf8').catch(() => '')) !== content) {
          await rename(aside, this.lockFile).catch(() => {});
          throw new ConflictError('another build took the build lock just now; wait for it to finish');
        }
        await rm(aside, { force: true });
      }
      throw new ConflictError('could not take the build lock; remove build.lock if no build is running');
    } finally {
      await rm(mine, { force: true });
    }
  }
}
