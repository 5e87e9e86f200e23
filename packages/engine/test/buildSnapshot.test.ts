import { execFileSync, spawnSync } from 'node:child_process';
import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConflictError } from '@plexus/spec';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildFailedError, buildSnapshot, SnapshotStore, sha256File } from '../src/index.ts';
import { tempProduct } from './tempProduct.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function product() {
  const temp = await tempProduct();
  cleanups.push(temp.cleanup);
  return temp.dir;
}

describe('buildSnapshot', () => {
  it('writes Parquet and a manifest with schema, row counts, hashes and the model', async () => {
    const dir = await product();
    const outcome = await buildSnapshot(dir);
    const { manifest, dir: snapshotDir } = outcome.snapshot;
    expect(outcome.reused).toBe(false);
    expect(manifest.product).toEqual({ id: 'va-lung-trial' });
    expect(manifest.model.entityCount).toBe(137);
    expect(manifest.tables).toHaveLength(1);
    const table = manifest.tables[0];
    expect(table?.rows).toBe(137);
    expect(table?.columns.map((column) => column.name)).toEqual([
      'id',
      'arm',
      'cell_type',
      'karnofsky',
      'age',
      'months_from_diagnosis',
      'prior_therapy',
      'age_group',
      'os_time',
      'os_event',
    ]);
    expect(table?.sha256).toBe(await sha256File(join(snapshotDir, 'entities.parquet')));
    expect(manifest.sources[0]?.sha256).toBe(await sha256File(join(dir, 'data/veteran.csv')));
    expect(manifest.mappingSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.engineVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.git).toBeNull();
    const arm = manifest.model.attributes.find((attribute) => attribute.id === 'arm');
    expect(arm?.summary.levels).toEqual([
      { value: 'standard', count: 69 },
      { value: 'test', count: 68 },
    ]);
    const karnofsky = manifest.model.attributes.find((attribute) => attribute.id === 'karnofsky');
    expect(karnofsky?.summary).toMatchObject({ count: 137, missing: 0, min: 10, max: 99 });
    // R: mean(veteran$karno) 58.5693430656934, sd() 20.0395915555263, quantile() 40 60 75
    expect(karnofsky?.summary.mean).toBeCloseTo(58.5693430656934, 12);
    expect(karnofsky?.summary.sd).toBeCloseTo(20.0395915555263, 12);
    expect(karnofsky?.summary.quartiles).toEqual([40, 60, 75]);
    expect(manifest.model.endpoints[0]?.summary).toEqual({
      count: 137,
      events: 128,
      censored: 9,
      missing: 0,
    });
    expect(manifest.tests.every((test) => test.passed)).toBe(true);
    expect(manifest.tests.length).toBeGreaterThan(8);
  });

  it('gives one data version for unchanged inputs, and identical bytes when forced to rebuild', async () => {
    const dir = await product();
    const first = await buildSnapshot(dir);
    const second = await buildSnapshot(dir);
    expect(second.reused).toBe(true);
    expect(second.snapshot.dataVersion).toBe(first.snapshot.dataVersion);
    const firstParquet = first.snapshot.manifest.tables[0]?.sha256;
    const store = new SnapshotStore(join(dir, '.plexus'));
    const other = await buildSnapshot(dir, { force: true, snapshotRoot: join(dir, '.other') });
    expect(other.snapshot.dataVersion).toBe(first.snapshot.dataVersion);
    expect(other.snapshot.manifest.tables[0]?.sha256).toBe(firstParquet);
    expect((await store.current())?.dataVersion).toBe(first.snapshot.dataVersion);
  });

  it('ignores comments and formatting in the mapping but not changes of meaning', async () => {
    const dir = await product();
    const first = await buildSnapshot(dir);
    await appendFile(join(dir, 'mapping.yaml'), '\n# a comment changes nothing\n');
    expect((await buildSnapshot(dir)).snapshot.dataVersion).toBe(first.snapshot.dataVersion);
    const mapping = await readFile(join(dir, 'mapping.yaml'), 'utf8');
    await writeFile(
      join(dir, 'mapping.yaml'),
      mapping.replace('label: Age\n', 'label: Age at randomisation\n'),
    );
    expect((await buildSnapshot(dir)).snapshot.dataVersion).not.toBe(first.snapshot.dataVersion);
  });

  it('keeps old snapshots and serves the new one after the data changes', async () => {
    const dir = await product();
    const first = await buildSnapshot(dir);
    const csv = await readFile(join(dir, 'data/veteran.csv'), 'utf8');
    await writeFile(join(dir, 'data/veteran.csv'), `${csv.trimEnd()}\n2,"large",10,1,50,5,60,0\n`);
    const second = await buildSnapshot(dir);
    expect(second.snapshot.dataVersion).not.toBe(first.snapshot.dataVersion);
    expect(second.snapshot.manifest.model.entityCount).toBe(138);
    const store = new SnapshotStore(join(dir, '.plexus'));
    expect((await store.list()).map((ref) => ref.dataVersion).sort()).toEqual(
      [first.snapshot.dataVersion, second.snapshot.dataVersion].sort(),
    );
    expect((await store.current())?.dataVersion).toBe(second.snapshot.dataVersion);
  });

  it('leaves the served snapshot untouched when a build fails, with the line of the bad value', async () => {
    const dir = await product();
    const first = await buildSnapshot(dir);
    const csv = await readFile(join(dir, 'data/veteran.csv'), 'utf8');
    await writeFile(
      join(dir, 'data/veteran.csv'),
      csv.replace('1,"squamous",411,1,70,5,64,10', '1,"squamous",411,1,seventy,5,64,10'),
    );
    const failure = await buildSnapshot(dir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildFailedError);
    const problems = (failure as BuildFailedError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'type-mismatch', at: { file: 'mapping.yaml' } });
    expect(problems[0]?.message).toContain("column 'karno': 1 value not an integer (line 3: 'seventy')");
    const store = new SnapshotStore(join(dir, '.plexus'));
    expect((await store.current())?.dataVersion).toBe(first.snapshot.dataVersion);
    expect(await readdir(store.stagingDir).catch(() => [])).toEqual([]);
    expect(await readdir(store.root)).not.toContain('build.lock');
  });

  it('names the data test, the attribute, the count and examples when a data test fails', async () => {
    const dir = await product();
    const mapping = await readFile(join(dir, 'mapping.yaml'), 'utf8');
    await writeFile(
      join(dir, 'mapping.yaml'),
      mapping.replace('range: { min: 18, max: 100 }', 'range: { min: 40, max: 100 }'),
    );
    const failure = (await buildSnapshot(dir).catch((error: unknown) => error)) as BuildFailedError;
    expect(failure).toBeInstanceOf(BuildFailedError);
    const [problem] = failure.problems;
    expect(problem?.code).toBe('data-test-failed');
    expect(problem?.message).toMatch(
      /^data test range \[40, 100\] on attribute 'age' failed: \d+ offending rows, e\.g\. VA-\d{3} = 3\d/,
    );
    expect(problem?.at?.line).toBeGreaterThan(1);
  });

  it('records the git commit when the product is in a repository', async () => {
    const dir = await product();
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
    git('init', '-q');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'commit', '-qm', 'product');
    await writeFile(join(dir, '.gitignore'), '.plexus/\n');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'add', '.gitignore');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'commit', '-qm', 'ignore snapshots');
    const outcome = await buildSnapshot(dir);
    expect(outcome.snapshot.manifest.git).toEqual({ commit: git('rev-parse', 'HEAD'), dirty: false });
  });

  it('refuses a second concurrent build of the same product', async () => {
    const dir = await product();
    const results = await Promise.allSettled([buildSnapshot(dir), buildSnapshot(dir)]);
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
  });
});

describe('the build lock', () => {
  it('is refused while another live process holds it, and taken over from a dead one', async () => {
    const dir = await product();
    const store = new SnapshotStore(join(dir, '.plexus'));
    await mkdir(store.root, { recursive: true });
    await writeFile(store.lockFile, String(process.ppid));
    await expect(buildSnapshot(dir)).rejects.toThrow(
      /another build of this product is running \(process \d+\)/,
    );
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(store.lockFile, String(dead));
    const outcome = await buildSnapshot(dir);
    expect(outcome.reused).toBe(false);
    expect(await readdir(store.root)).not.toContain('build.lock');
  });
});
