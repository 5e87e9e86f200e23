import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPluginSources } from './hashPluginSources.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-hash-'));
  await mkdir(join(dir, 'plugins/lib'), { recursive: true });
  await writeFile(
    join(dir, 'plugins/app.ts'),
    "import { helper } from './lib/helper.ts';\nimport { stats } from '@plexus/stats';\nexport const app = () => helper();\n",
  );
  await writeFile(
    join(dir, 'plugins/lib/helper.ts'),
    "export { other } from './other';\nexport const helper = () => 1;\n",
  );
  await writeFile(join(dir, 'plugins/lib/other.ts'), 'export const other = 2;\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hashPluginSources', () => {
  it('changes when any locally imported module changes, however deep', async () => {
    const entry = join(dir, 'plugins/app.ts');
    const before = await hashPluginSources(entry, dir);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashPluginSources(entry, dir)).toBe(before);
    await writeFile(join(dir, 'plugins/lib/other.ts'), 'export const other = 3;\n');
    expect(await hashPluginSources(entry, dir)).not.toBe(before);
  });
});
