import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSnapshot, SnapshotReader, SnapshotStore } from '../src/index.ts';
import { tempProduct } from './tempProduct.ts';

const CLI = resolve(import.meta.dirname, '../../cli/bin/plexus.mjs');
const ROWS = 400_000;
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Repeats veteran's rows so that a build takes long enough to be killed in the middle. */
async function writeLargeCsv(path: string, extraRow = false): Promise<void> {
  const source = (await readFile(path, 'utf8')).trimEnd().split('\n');
  const [header, ...rows] = source;
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  for (let index = 0; index < ROWS; index++) {
    if (!out.write(`${rows[index % rows.length]}\n`)) await once(out, 'drain');
  }
  if (extraRow) out.write('2,"large",10,1,50,5,60,0\n');
  out.end();
  await once(out, 'finish');
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolvePause) => setTimeout(resolvePause, 2));
  }
  throw new Error('condition not met in time');
}

describe('a build killed with SIGKILL', () => {
  it('leaves the previous snapshot serving and the next build succeeds', async () => {
    const { dir, cleanup } = await tempProduct();
    cleanups.push(cleanup);
    const csv = join(dir, 'data/veteran.csv');
    const original = await readFile(csv, 'utf8');
    await writeLargeCsv(csv);
    const first = await buildSnapshot(dir);
    expect(first.snapshot.manifest.model.entityCount).toBe(ROWS);

    // New data, then a build in another process that is killed as soon as it starts writing.
    await writeFile(csv, original);
    await writeLargeCsv(csv, true);
    const store = new SnapshotStore(join(dir, '.plexus'));
    const child = spawn(process.execPath, [CLI, 'build', dir], { stdio: 'ignore' });
    const exited = once(child, 'exit');
    await waitFor(async () => (await readdir(store.stagingDir).catch(() => [])).length > 0, 20_000);
    child.kill('SIGKILL');
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });

    const current = await store.current();
    expect(current?.dataVersion).toBe(first.snapshot.dataVersion);
    const reader = await SnapshotReader.open(current ?? first.snapshot);
    expect(await reader.count()).toBe(ROWS);
    reader.close();

    const next = await buildSnapshot(dir);
    expect(next.reused).toBe(false);
    expect(next.snapshot.manifest.model.entityCount).toBe(ROWS + 1);
    expect((await store.current())?.dataVersion).toBe(next.snapshot.dataVersion);
    expect(await readdir(store.stagingDir).catch(() => [])).toEqual([]);
  }, 60_000);
});
