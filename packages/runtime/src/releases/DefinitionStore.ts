import { createHash, randomBytes } from 'node:crypto';
import {
  chmod,
  copyFile,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, parse, resolve } from 'node:path';
import { canonicalJson, sha256Text } from '@plexus/engine';

/** What a node remembers of one version of a product's definition (everything but its data). */
export interface DefinitionRecord {
  /** sha256 (16 hex digits) over the definition's files: product.yaml, mapping, protocols, plugins, tests. */
  hash: string;
  productId: string;
  productVersion: string;
  /** Commit of the product folder when the definition was kept ("-dirty" with uncommitted changes). */
  gitCommit: string | null;
  /** File (relative to the product folder) → sha256 of its bytes. */
  files: Record<string, string>;
}

const RECORD = 'definition.json';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The nearest node_modules folder at or above dir (holding that package, if named): where plugins find their packages. */
export async function nearestNodeModules(dir: string, holding = ''): Promise<string | undefined> {
  let current = resolve(dir);
  const { root } = parse(current);
  for (;;) {
    const candidate = join(current, 'node_modules');
    if (await exists(join(candidate, holding))) return candidate;
    if (current === root) return undefined;
    current = dirname(current);
  }
}

/**
 * Every definition a node has served, kept read-only under `<snapshot root>/definitions/<hash>/`, so that
 * a run can be executed again with exactly the protocols and plugins it first used, whatever the product
 * folder holds today. A definition is written once, by rename, and never changed.
 */
export class DefinitionStore {
  readonly dir: string;

  constructor(snapshotRoot: string) {
    this.dir = join(snapshotRoot, 'definitions');
  }

  definitionDir(hash: string): string {
    if (!/^[0-9a-f]{16}$/.test(hash)) throw new Error(`'${hash}' is not a definition hash`);
    return join(this.dir, hash);
  }

  async read(hash: string): Promise<DefinitionRecord | null> {
    try {
      return JSON.parse(await readFile(join(this.definitionDir(hash), RECORD), 'utf8')) as DefinitionRecord;
    } catch {
      return null;
    }
  }

  /** Every definition kept, in no particular order. */
  async list(): Promise<DefinitionRecord[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const records = await Promise.all(
      names.filter((name) => /^[0-9a-f]{16}$/.test(name)).map((name) => this.read(name)),
    );
    return records.filter((record): record is DefinitionRecord => record !== null);
  }

  /** Copies the files of a product's definition into the store unless an identical copy is there. */
  async keep(
    productDir: string,
    files: readonly string[],
    identity: Omit<DefinitionRecord, 'hash' | 'files'>,
    /** Where the copy's plugins find their packages; default the product folder's node_modules. */
    nodeModules?: string,
  ): Promise<DefinitionRecord> {
    const hashes: Record<string, string> = {};
    for (const file of [...new Set(files)].sort()) {
      hashes[file] = createHash('sha256')
        .update(await readFile(join(productDir, file)))
        .digest('hex');
    }
    const hash = sha256Text(canonicalJson(hashes)).slice(0, 16);
    const existing = await this.read(hash);
    if (existing) return existing;
    const record: DefinitionRecord = { hash, ...identity, files: hashes };
    await mkdir(this.dir, { recursive: true });
    const staging = join(this.dir, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      for (const file of Object.keys(hashes)) {
        const target = join(staging, file);
        await mkdir(dirname(target), { recursive: true });
        await copyFile(join(productDir, file), target);
        await chmod(target, 0o444);
      }
      // Plugins import packages (`@plexus/apps`, …): the copy resolves them where the product folder does.
      const modules = nodeModules ?? (await nearestNodeModules(productDir));
      if (modules) await symlink(modules, join(staging, 'node_modules'), 'dir');
      await writeFile(join(staging, RECORD), `${JSON.stringify(record, null, 2)}\n`);
      await rename(staging, this.definitionDir(hash)).catch(async (error: NodeJS.ErrnoException) => {
        // Another process kept the same definition first: theirs is identical.
        if (!(await this.read(hash))) throw error;
      });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
    return record;
  }
}
