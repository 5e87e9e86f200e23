import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Manifest, readYamlFile, SnapshotStore, sha256File } from '@plexus/engine';
import { InputError } from '@plexus/spec';
import { DefinitionStore, nearestNodeModules } from './DefinitionStore.ts';

/** plexus-bundle.json: what `plexus deploy` says a bundle holds. */
export interface BundleHeader {
  apiVersion: 'plexus.dev/v1';
  kind: 'Bundle';
  productId: string;
  productVersion: string;
  gitCommit: string | null;
  dataVersion: string;
  files: string[];
}

export interface InstalledBundle {
  productId: string;
  productVersion: string;
  gitCommit: string | null;
  definitionHash: string;
  dataVersion: string;
}

const DATA_VERSION = /^[0-9a-f]{16}$/;

/** A path inside its folder: relative, without `..`, backslashes or empty segments. */
function isPlainRelativePath(path: unknown): path is string {
  return (
    typeof path === 'string' &&
    path !== '' &&
    !isAbsolute(path) &&
    !path.includes('\\') &&
    path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
  );
}

function bad(message: string, at = 'bundle'): InputError {
  return new InputError(`the bundle is not a Plexus product version: ${message}`, [{ at, message }]);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

function readHeader(text: string): BundleHeader {
  let header: Partial<BundleHeader>;
  try {
    header = JSON.parse(text) as Partial<BundleHeader>;
  } catch {
    throw bad('plexus-bundle.json is not JSON', 'plexus-bundle.json');
  }
  if (header.kind !== 'Bundle' || header.apiVersion !== 'plexus.dev/v1')
    throw bad('plexus-bundle.json is not of kind Bundle (apiVersion plexus.dev/v1)', 'plexus-bundle.json');
  for (const field of ['productId', 'productVersion', 'dataVersion'] as const)
    if (typeof header[field] !== 'string' || header[field] === '')
      throw bad(`plexus-bundle.json has no ${field}`, `plexus-bundle.json/${field}`);
  // The data version names a folder on the node: only the form a build gives it is accepted.
  if (!DATA_VERSION.test(header.dataVersion as string))
    throw bad(
      'plexus-bundle.json/dataVersion is not a data version (16 hex digits)',
      'plexus-bundle.json/dataVersion',
    );
  if (!Array.isArray(header.files) || !header.files.every(isPlainRelativePath))
    throw bad(
      'plexus-bundle.json lists no definition files, or a path outside the bundle',
      'plexus-bundle.json/files',
    );
  if (!header.files.includes('product.yaml'))
    throw bad('plexus-bundle.json does not list product.yaml', 'plexus-bundle.json/files');
  return header as BundleHeader;
}

/**
 * Installs an unpacked bundle (`plexus-bundle.json`, `definition/`, `snapshot/`) into a product's
 * snapshot root: the snapshot is checked against its manifest (every table's sha256) and published
 * as an immutable snapshot, the definition kept like any served definition. Nothing is served yet.
 */
export async function installBundle(
  unpacked: string,
  snapshotRoot: string,
  expectedProductId: string,
): Promise<InstalledBundle> {
  const header = readHeader(
    await readFile(join(unpacked, 'plexus-bundle.json'), 'utf8').catch(() => {
      throw bad('it has no plexus-bundle.json');
    }),
  );
  if (header.productId !== expectedProductId)
    throw bad(
      `it holds product '${header.productId}', not '${expectedProductId}'`,
      'plexus-bundle.json/productId',
    );
  const definitionDir = join(unpacked, 'definition');
  const present = new Set(await filesUnder(definitionDir));
  const missing = header.files.filter((file) => !present.has(file));
  if (missing.length > 0) throw bad(`definition files are missing: ${missing.slice(0, 5).join(', ')}`);
  // The product a bundle installs is the one its product.yaml names: it must be the one deployed to.
  const productFile = await readYamlFile(join(definitionDir, 'product.yaml'), 'product.yaml');
  const declaredId = (productFile.value as { id?: unknown } | undefined)?.id;
  if (productFile.problems.length > 0 || declaredId !== expectedProductId)
    throw bad(
      `definition/product.yaml names product '${String(declaredId)}', not '${expectedProductId}'`,
      'definition/product.yaml',
    );

  const snapshotDir = join(unpacked, 'snapshot');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(snapshotDir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    throw bad('snapshot/manifest.json is missing or not JSON', 'snapshot/manifest.json');
  }
  if (
    !manifest.model ||
    !Array.isArray(manifest.tables) ||
    manifest.tables.some((table) => !isPlainRelativePath(table?.file))
  )
    throw bad(
      'snapshot/manifest.json has no model or lists a table outside the snapshot',
      'snapshot/manifest.json',
    );
  if (manifest.dataVersion !== header.dataVersion || manifest.product?.id !== header.productId)
    throw bad(
      `snapshot/manifest.json is data version ${manifest.dataVersion} of '${manifest.product?.id}', the bundle says ${header.dataVersion} of '${header.productId}'`,
    );
  for (const table of manifest.tables ?? []) {
    const file = join(snapshotDir, table.file);
    const size = await stat(file).then(
      (found) => found.size,
      () => -1,
    );
    if (size < 0) throw bad(`snapshot/${table.file} is missing`);
    // A snapshot is immutable and named by its content: a damaged or altered file must not be served.
    if ((await sha256File(file)) !== table.sha256)
      throw bad(`snapshot/${table.file} does not match the sha256 its manifest records`);
  }

  const snapshots = new SnapshotStore(snapshotRoot);
  const release = await snapshots.lock();
  try {
    await snapshots.publish(snapshotDir, manifest.dataVersion);
  } finally {
    await release();
  }
  // A deployed product's plugins import Plexus's packages (`@plexus/apps`, …) as this node has them.
  const nodeModules = await nearestNodeModules(dirname(fileURLToPath(import.meta.url)), '@plexus/apps');
  const kept = await new DefinitionStore(snapshotRoot).keep(
    definitionDir,
    header.files,
    {
      productId: header.productId,
      productVersion: header.productVersion,
      gitCommit: header.gitCommit ?? null,
    },
    nodeModules,
  );
  return {
    productId: header.productId,
    productVersion: header.productVersion,
    gitCommit: kept.gitCommit,
    definitionHash: kept.hash,
    dataVersion: manifest.dataVersion,
  };
}
