import { createReadStream, createWriteStream, type Stats } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import {
  gitState,
  loadProductFolder,
  planDataVersion,
  type SnapshotRef,
  SnapshotStore,
  snapshotRootFor,
} from '@plexus/engine';
import { definitionFiles, loadProtocols } from '@plexus/runtime';
import { hasErrors, InputError, type Problem } from '@plexus/spec';
import { Header, Pax } from 'tar';
import { formatProblems } from '../output/printProblems.ts';

/** plexus-bundle.json: what a bundle holds. The node reads exactly this. */
export interface BundleManifest {
  apiVersion: 'plexus.dev/v1';
  kind: 'Bundle';
  productId: string;
  productVersion: string;
  /** Commit of the product folder, with "-dirty" when it has uncommitted changes; null outside git. */
  gitCommit: string | null;
  dataVersion: string;
  /** The definition files, relative to the product folder, as stored under `definition/`. */
  files: string[];
}

export interface PackBundleOptions {
  /** Snapshots kept in `<dataDir>/<product id>` (as `plexus build --data-dir`). */
  dataDir?: string;
  /** This product's snapshot folder (as `plexus build --snapshot-root`). */
  snapshotRoot?: string;
  /** Called as bytes are packed: fraction of the input read, and a label. */
  onProgress?: (fraction: number, label: string) => void;
}

export interface PackedBundle {
  /** The gzip-compressed tar archive, in a temporary folder: call `dispose()` when done with it. */
  file: string;
  /** Its size in bytes. */
  bytes: number;
  manifest: BundleManifest;
  /** Every entry of the archive, in order (directories end with '/'). */
  entries: string[];
  /** Warnings of the product folder (problems that do not stop a deployment), formatted for people. */
  warnings: string[];
  /** Removes the temporary archive. */
  dispose(): Promise<void>;
}

export const BUNDLE_MANIFEST = 'plexus-bundle.json';

/** One thing to put in the archive: a directory, a file from disk, or bytes in memory. */
type Entry =
  | { path: string; kind: 'directory' }
  | { path: string; kind: 'file'; source: string; size: number; mtime: Date }
  | { path: string; kind: 'bytes'; bytes: Buffer };

const BLOCK = 512;

function problemsError(dir: string, what: string, problems: readonly Problem[]): InputError {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const lines = formatProblems(dir, errors);
  return new InputError(
    `${what}:\n${lines.map((line) => `  ${line}`).join('\n')}\nrun 'plexus validate ${shown(dir)}' for details`,
    errors.map((problem) => ({ message: problem.message })),
  );
}

function shown(dir: string): string {
  return relative(process.cwd(), dir) || '.';
}

/** A path inside the archive: relative, '/'-separated, without '.' or '..' segments. */
function archivePath(prefix: string, relativePath: string): string {
  const parts = relativePath.split(sep).join('/').split('/');
  if (isAbsolute(relativePath) || parts.some((part) => part === '' || part === '.' || part === '..'))
    throw new InputError(`cannot pack '${relativePath}': bundle paths stay inside their folder`);
  return `${prefix}/${parts.join('/')}`;
}

/** Every regular file under a folder, relative to it and sorted; anything else (a symlink, a socket) is refused. */
async function snapshotFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (entry.isDirectory()) continue;
    if (!entry.isFile())
      throw new InputError(
        `the snapshot folder ${dir} holds ${path}, which is not a regular file: a bundle carries only files and folders`,
      );
    files.push(path);
  }
  return files.sort();
}

/** The directory entries that must precede `paths` in the archive (each parent once, parents first). */
function withDirectories(prefix: string, paths: readonly string[]): string[] {
  const directories = new Set<string>([`${prefix}/`]);
  for (const path of paths) {
    const parts = path.split('/');
    for (let end = 1; end < parts.length; end++) directories.add(`${parts.slice(0, end).join('/')}/`);
  }
  return [...directories].sort();
}

async function fileEntry(path: string, source: string): Promise<Entry> {
  // stat, not lstat: a symlinked definition file is packed as the file it points to.
  const info: Stats = await stat(source);
  if (!info.isFile()) throw new InputError(`cannot pack ${source}: it is not a regular file`);
  return { path, kind: 'file', source, size: info.size, mtime: info.mtime };
}

function headerBlocks(entry: Entry, mtime: Date): Buffer {
  const size = entry.kind === 'file' ? entry.size : entry.kind === 'bytes' ? entry.bytes.length : 0;
  const data = {
    path: entry.path,
    mode: entry.kind === 'directory' ? 0o755 : 0o644,
    uid: 0,
    gid: 0,
    size,
    mtime: entry.kind === 'file' ? entry.mtime : mtime,
    type: entry.kind === 'directory' ? ('Directory' as const) : ('File' as const),
  };
  const header = new Header(data);
  const needsPax = header.encode();
  const block = header.block;
  if (!block) throw new Error(`cannot encode the tar header of ${entry.path}`);
  // Paths too long for a ustar header go in a pax extended header before it.
  return needsPax ? Buffer.concat([new Pax(data).encode(), block]) : block;
}

function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest);
}

/** Writes the entries as a gzip-compressed tar archive: only regular files and directories. */
async function writeTarGz(
  target: string,
  entries: readonly Entry[],
  onBytes: (bytes: number) => void,
): Promise<void> {
  const now = new Date();
  async function* chunks(): AsyncGenerator<Buffer> {
    for (const entry of entries) {
      yield headerBlocks(entry, now);
      if (entry.kind === 'bytes') {
        yield entry.bytes;
        yield padding(entry.bytes.length);
      } else if (entry.kind === 'file') {
        let read = 0;
        for await (const chunk of createReadStream(entry.source)) {
          const buffer = chunk as Buffer;
          read += buffer.length;
          if (read > entry.size)
            throw new InputError(`${entry.source} grew while it was packed: pack again once it is written`);
          onBytes(buffer.length);
          yield buffer;
        }
        if (read !== entry.size)
          throw new InputError(`${entry.source} changed while it was packed: pack again once it is written`);
        yield padding(entry.size);
      }
    }
    yield Buffer.alloc(BLOCK * 2);
  }
  await pipeline(chunks, createGzip(), createWriteStream(target));
}

/** The snapshot a deployment carries: the one the folder's sources and mapping build to. */
async function snapshotFor(dir: string, snapshots: SnapshotStore, planned: string): Promise<SnapshotRef> {
  const exact = await snapshots.readSnapshot(planned);
  if (exact) return exact;
  const current = await snapshots.current();
  if (current)
    throw new InputError(
      `the snapshot of ${shown(dir)} is out of date: it holds data version ${current.dataVersion}, the folder's sources and mapping now give ${planned}: run 'plexus build ${shown(dir)}' first`,
    );
  throw new InputError(`${shown(dir)} has no snapshot yet: run 'plexus build ${shown(dir)}' first`);
}

/**
 * Packs a built product for `plexus deploy`: a gzip-compressed tar archive holding `plexus-bundle.json`,
 * the definition files under `definition/` and the product's snapshot under `snapshot/`. The product
 * folder is checked as `plexus validate` does (problems throw an InputError listing them), and its
 * snapshot must be the one its sources and mapping build to. The archive goes to a temporary folder.
 */
export async function packBundle(productDir: string, options: PackBundleOptions = {}): Promise<PackedBundle> {
  const dir = resolve(productDir);
  const loaded = await loadProductFolder(dir);
  if (!loaded.definition || hasErrors(loaded.problems))
    throw problemsError(dir, `${shown(dir)} has problems`, loaded.problems);
  const definition = loaded.definition;
  const product = definition.product;
  const snapshots = new SnapshotStore(snapshotRootFor(dir, product.id, options));
  const planned = await planDataVersion(definition);
  const snapshot = await snapshotFor(dir, snapshots, planned.dataVersion);
  const protocols = await loadProtocols(dir, product.protocols ?? 'protocols', snapshot.manifest.model);
  if (hasErrors(protocols.problems))
    throw problemsError(dir, `the protocols of ${shown(dir)} have problems`, protocols.problems);
  const warnings = formatProblems(dir, [
    ...loaded.problems.filter((problem) => problem.severity === 'warning'),
    ...protocols.problems.filter((problem) => problem.severity === 'warning'),
  ]);

  const files = (await definitionFiles(dir, product, protocols.protocols)).map((file) =>
    file.split(sep).join('/'),
  );
  const git = await gitState(dir);
  const manifest: BundleManifest = {
    apiVersion: 'plexus.dev/v1',
    kind: 'Bundle',
    productId: product.id,
    productVersion: product.version,
    gitCommit: git ? `${git.commit}${git.dirty ? '-dirty' : ''}` : null,
    dataVersion: snapshot.dataVersion,
    files,
  };

  const definitionPaths = files.map((file) => archivePath('definition', file));
  const snapshotPaths = (await snapshotFiles(snapshot.dir)).map((file) => archivePath('snapshot', file));
  const entries: Entry[] = [
    { path: BUNDLE_MANIFEST, kind: 'bytes', bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
  ];
  const definitionEntries = await Promise.all(
    files.map((file, index) => fileEntry(definitionPaths[index] ?? '', join(dir, file))),
  );
  const snapshotEntries = await Promise.all(
    snapshotPaths.map((path) => fileEntry(path, join(snapshot.dir, path.slice('snapshot/'.length)))),
  );
  for (const [prefix, group] of [
    ['definition', definitionEntries],
    ['snapshot', snapshotEntries],
  ] as const) {
    for (const path of withDirectories(
      prefix,
      group.map((entry) => entry.path),
    ))
      entries.push({ path, kind: 'directory' });
    entries.push(...group);
  }

  const total = entries.reduce((sum, entry) => sum + (entry.kind === 'file' ? entry.size : 0), 0);
  let done = 0;
  const temporary = await mkdtemp(join(tmpdir(), 'plexus-bundle-'));
  const file = join(temporary, `${product.id}-${snapshot.dataVersion}.tar.gz`);
  const dispose = () => rm(temporary, { recursive: true, force: true });
  try {
    await writeTarGz(file, entries, (bytes) => {
      done += bytes;
      options.onProgress?.(total === 0 ? 1 : done / total, `${megabytes(done)} of ${megabytes(total)}`);
    });
    return {
      file,
      bytes: (await stat(file)).size,
      manifest,
      entries: entries.map((entry) => entry.path),
      warnings,
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

export function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
