import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../validate/runCli.ts';
import { startNode } from './nodeProcess.ts';

/**
 * A product version whose own tests fail stays out of service: the node refuses to serve it, naming
 * the failing checks, unless started with the explicit override — and then its metadata says so.
 */
const EXAMPLE = resolve(import.meta.dirname, '../../products/va-lung-trial');

let root: string;
let productDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-gate-'));
  productDir = join(root, 'va-lung-trial');
  await cp(EXAMPLE, productDir, {
    recursive: true,
    filter: (source) => !source.includes(`${EXAMPLE}/.plexus`),
  });
  await symlink(resolve(import.meta.dirname, '../../node_modules'), join(root, 'node_modules'), 'dir');
  // A delivery that lost a patient of the test arm: the product's own test of the arm's size fails.
  const csv = join(productDir, 'data', 'veteran.csv');
  const lines = (await readFile(csv, 'utf8')).split('\n');
  const lost = lines.findIndex((line) => line.startsWith('2,'));
  lines.splice(lost, 1);
  await writeFile(csv, lines.join('\n'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a product version whose tests fail', () => {
  it('is refused by the node, which names the failing checks and the override', async () => {
    const served = await runCli(
      ['serve', productDir, '--build', '--port', '0', '--data-dir', join(root, 'a')],
      root,
    );
    expect(served.code).toBe(1);
    expect(served.stderr).toContain('product va-lung-trial is not served');
    expect(served.stderr).toMatch(/tests\/descriptive\.yaml:\d+ the test arm holds 68 patients/);
    expect(served.stderr).toContain('--allow-failing-tests');
  }, 90_000);

  it('is served with the override, its metadata showing the failures', async () => {
    const node = await startNode(productDir, join(root, 'b'), {}, ['--allow-failing-tests']);
    try {
      const response = await fetch(`${node.base}/api/v1/products/va-lung-trial`);
      const { product } = (await response.json()) as { product: { tests: Record<string, unknown> } };
      expect(product.tests).toMatchObject({ status: 'failed', overridden: true });
      expect(product.tests.failed).toBeGreaterThan(0);
      expect((product.tests.failures as string[]).join('\n')).toContain('the test arm holds 68 patients');
      expect(node.output()).toContain('served anyway (--allow-failing-tests)');
    } finally {
      await node.stop();
    }
  }, 90_000);
});
