import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSnapshot, SnapshotStore } from '@plexus/engine';
import { InputError } from '@plexus/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BundleHeader, installBundle } from './installBundle.ts';

const PRODUCT = resolve(import.meta.dirname, '../../../../products/va-lung-trial');
const FILES = ['product.yaml', 'mapping.yaml', 'protocols/kaplan-meier.yaml', 'plugins/standardApps.ts'];

let root: string;
let built: string;
let dataVersion: string;

/** An unpacked bundle as `plexus deploy` makes it, with one thing changed by `edit`. */
async function unpacked(edit: (dir: string, header: BundleHeader) => Promise<void> = async () => {}) {
  const dir = await mkdtemp(join(root, 'bundle-'));
  for (const file of FILES) await cp(join(PRODUCT, file), join(dir, 'definition', file));
  await cp(new SnapshotStore(built).snapshotDir(dataVersion), join(dir, 'snapshot'), { recursive: true });
  const header: BundleHeader = {
    apiVersion: 'plexus.dev/v1',
    kind: 'Bundle',
    productId: 'va-lung-trial',
    productVersion: '1.0.0',
    gitCommit: null,
    dataVersion,
    files: FILES,
  };
  await edit(dir, header);
  await writeFile(join(dir, 'plexus-bundle.json'), JSON.stringify(header));
  return dir;
}

async function refusal(dir: string, into = join(root, 'node')): Promise<string> {
  const error = await installBundle(dir, into, 'va-lung-trial').catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-bundle-'));
  built = join(root, 'built');
  dataVersion = (await buildSnapshot(PRODUCT, { snapshotRoot: built })).snapshot.dataVersion;
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('installBundle', () => {
  it('keeps the snapshot and the definition of a sound bundle', async () => {
    const installed = await installBundle(await unpacked(), join(root, 'node'), 'va-lung-trial');
    expect(installed).toMatchObject({ productId: 'va-lung-trial', dataVersion });
    expect(await new SnapshotStore(join(root, 'node')).readSnapshot(dataVersion)).not.toBeNull();
  });

  it('refuses a bundle whose product.yaml names another product', async () => {
    const dir = await unpacked(async (at) => {
      const file = join(at, 'definition', 'product.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^id: .*$/m, 'id: pbc-trial'));
    });
    expect(await refusal(dir)).toContain("names product 'pbc-trial', not 'va-lung-trial'");
  });

  it('refuses data versions and table files that would reach outside the store', async () => {
    const escaping = await unpacked(async (_at, header) => {
      header.dataVersion = '../../control';
    });
    expect(await refusal(escaping)).toContain('is not a data version');
    const table = await unpacked(async (at) => {
      const file = join(at, 'snapshot', 'manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8'));
      manifest.tables[0].file = '../../../control.db';
      await writeFile(file, JSON.stringify(manifest));
    });
    expect(await refusal(table)).toContain('lists a table outside the snapshot');
    const listed = await unpacked(async (_at, header) => {
      header.files = [...FILES, '../outside.ts'];
    });
    expect(await refusal(listed)).toContain('a path outside the bundle');
  });

  it('refuses a snapshot file that does not match its manifest', async () => {
    const dir = await unpacked(async (at) => {
      const manifest = JSON.parse(await readFile(join(at, 'snapshot', 'manifest.json'), 'utf8'));
      await writeFile(join(at, 'snapshot', manifest.tables[0].file), 'not parquet');
    });
    expect(await refusal(dir, join(root, 'other-node'))).toContain('does not match the sha256');
  });
});
