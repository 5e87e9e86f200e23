import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { buildSnapshot, loadProductFolder, SnapshotStore } from '@plexus/engine';
import { definitionFiles, loadProtocols } from '@plexus/runtime';
import { list } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BundleManifest, packBundle } from './packBundle.ts';

const PRODUCT = resolve(import.meta.dirname, '../../../../products/va-lung-trial');
let root: string;
let dataVersion: string;

interface ArchiveEntry {
  path: string;
  type: string;
  size: number;
  text?: string;
}

async function entriesOf(file: string): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  await list({
    file,
    onReadEntry: (entry) => {
      const found: ArchiveEntry = { path: entry.path, type: entry.type, size: entry.size };
      entries.push(found);
      if (entry.path === 'plexus-bundle.json') {
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () => {
          found.text = Buffer.concat(chunks).toString('utf8');
        });
      } else entry.resume();
    },
  });
  return entries;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-pack-'));
  const outcome = await buildSnapshot(PRODUCT, { snapshotRoot: join(root, 'lung') });
  dataVersion = outcome.snapshot.manifest.dataVersion;
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('packBundle', () => {
  it('packs plexus-bundle.json, the definition files and the snapshot, as files and folders only', async () => {
    const bundle = await packBundle(PRODUCT, { snapshotRoot: join(root, 'lung') });
    try {
      const entries = await entriesOf(bundle.file);
      expect(entries[0]?.path).toBe('plexus-bundle.json');
      for (const entry of entries) {
        expect(['File', 'Directory'], entry.path).toContain(entry.type);
        expect(entry.path.startsWith('/'), entry.path).toBe(false);
        expect(entry.path.split('/'), entry.path).not.toContain('..');
        expect(
          entry.path === 'plexus-bundle.json' || /^(definition|snapshot)\//.test(entry.path),
          entry.path,
        ).toBe(true);
      }
      expect(entries.map((entry) => entry.path)).toEqual(bundle.entries);

      const manifest = JSON.parse(entries[0]?.text ?? '{}') as BundleManifest;
      expect(manifest).toEqual(bundle.manifest);
      expect(manifest).toMatchObject({
        apiVersion: 'plexus.dev/v1',
        kind: 'Bundle',
        productId: 'va-lung-trial',
        productVersion: '1.0.0',
        dataVersion,
      });
      expect(manifest.gitCommit === null || /^[0-9a-f]{40}(-dirty)?$/.test(manifest.gitCommit)).toBe(true);

      // The definition: exactly definitionFiles(), with the same relative paths.
      const loaded = await loadProductFolder(PRODUCT);
      if (!loaded.definition) throw new Error('the example product has problems');
      const protocols = await loadProtocols(PRODUCT, 'protocols', undefined);
      const expected = await definitionFiles(PRODUCT, loaded.definition.product, protocols.protocols);
      expect(manifest.files).toEqual(expected);
      expect(manifest.files).toEqual(
        expect.arrayContaining(['product.yaml', 'mapping.yaml', 'package.json']),
      );
      expect(manifest.files.some((file) => file.startsWith('data/'))).toBe(false);
      const files = entries.filter((entry) => entry.type === 'File');
      expect(
        files.filter((entry) => entry.path.startsWith('definition/')).map((entry) => entry.path),
      ).toEqual(expected.map((file) => `definition/${file}`));
      for (const file of expected) {
        const size = (await stat(join(PRODUCT, file))).size;
        expect(files.find((entry) => entry.path === `definition/${file}`)?.size, file).toBe(size);
      }

      // The snapshot: every file of its folder, manifest.json and the Parquet tables.
      const snapshotDir = new SnapshotStore(join(root, 'lung')).snapshotDir(dataVersion);
      const snapshotFiles = await filesUnder(snapshotDir);
      expect(snapshotFiles).toContain('manifest.json');
      expect(snapshotFiles.some((file) => file.endsWith('.parquet'))).toBe(true);
      expect(files.filter((entry) => entry.path.startsWith('snapshot/')).map((entry) => entry.path)).toEqual(
        snapshotFiles.map((file) => `snapshot/${file}`),
      );
      const snapshotManifest = JSON.parse(await readFile(join(snapshotDir, 'manifest.json'), 'utf8')) as {
        dataVersion: string;
      };
      expect(snapshotManifest.dataVersion).toBe(manifest.dataVersion);
      // Every folder comes before what it holds.
      const directories = entries.filter((entry) => entry.type === 'Directory').map((entry) => entry.path);
      expect(directories).toEqual(expect.arrayContaining(['definition/', 'snapshot/']));
      for (const entry of files) {
        const parent = entry.path.slice(0, entry.path.lastIndexOf('/') + 1);
        if (parent !== '')
          expect(bundle.entries.indexOf(parent), entry.path).toBeLessThan(bundle.entries.indexOf(entry.path));
      }
      expect(bundle.bytes).toBe((await stat(bundle.file)).size);
    } finally {
      await bundle.dispose();
    }
    await expect(stat(bundle.file)).rejects.toThrow();
  });

  it('says to build first when the product has no snapshot', async () => {
    await expect(packBundle(PRODUCT, { snapshotRoot: join(root, 'none') })).rejects.toThrow(
      /has no snapshot yet: run 'plexus build .*va-lung-trial' first/,
    );
  });

  it('finds the snapshot under --data-dir as plexus build puts it there', async () => {
    const dataDir = join(root, 'data');
    await buildSnapshot(PRODUCT, { dataDir });
    const bundle = await packBundle(PRODUCT, { dataDir });
    try {
      expect(bundle.manifest.dataVersion).toBe(dataVersion);
    } finally {
      await bundle.dispose();
    }
  });
});
