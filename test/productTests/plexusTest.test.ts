import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSnapshot } from '@plexus/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../validate/corpusFiles.ts';
import { runCli } from '../validate/runCli.ts';

/** Every example product: `plexus test products` tests them all. */
const PRODUCTS = readdirSync(join(repoRoot, 'products'), { withFileTypes: true })
  .filter(
    (entry) => entry.isDirectory() && existsSync(join(repoRoot, 'products', entry.name, 'product.yaml')),
  )
  .map((entry) => entry.name);

let root: string;
let dataDir: string;
let copy: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-test-cli-'));
  dataDir = join(root, 'data');
  for (const id of PRODUCTS) await buildSnapshot(join(repoRoot, 'products', id), { dataDir });
  // A copy of va-lung-trial whose plugins still resolve @plexus/apps through the repository's node_modules.
  copy = join(root, 'va-lung-copy');
  await cp(join(repoRoot, 'products', 'va-lung-trial'), copy, {
    recursive: true,
    filter: (source) => !source.includes('.plexus'),
  });
  await symlink(join(repoRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
}, 120_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('plexus test', () => {
  it('passes every test of every example product, covering every protocol, and writes JUnit XML', async () => {
    const junit = join(root, 'reports', 'junit.xml');
    const result = await runCli(['test', 'products', '--data-dir', dataDir, '--junit', junit], repoRoot);
    expect(result.stderr).not.toContain('without a test');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/va-lung-trial: \d+ cases in 2 files/);
    expect(result.stdout).toMatch(
      / {2}pass {2}kaplan-meier: Kaplan–Meier by arm equals R survfit and survdiff \(\d+ ms\)/,
    );
    const summary = /(\d+) cases: (\d+) passed, 0 failed, 0 errors/.exec(result.stdout);
    expect(summary?.[1]).toBe(summary?.[2]);
    expect(Number(summary?.[1])).toBeGreaterThanOrEqual(25);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('<testsuite name="cdisc-pilot/tests/safety-and-efficacy.yaml"');
    expect(xml).toContain('failures="0" errors="0" skipped="0"');
  }, 180_000);

  it('fails with exit 1 and a clear message when an expectation does not hold', async () => {
    await writeFile(
      join(copy, 'tests', 'wrong.yaml'),
      [
        'apiVersion: plexus.dev/v1',
        'kind: ProductTest',
        'cases:',
        '  - name: the log-rank test is significant',
        '    protocol: kaplan-meier',
        '    params: { groupBy: arm }',
        '    expect:',
        '      - { block: log-rank, p: { below: 0.05 } }',
        '      - { block: log-rnak, present: true }',
        '',
      ].join('\n'),
    );
    await rm(join(copy, 'tests', 'survival.yaml'));
    await rm(join(copy, 'tests', 'descriptive.yaml'));
    await buildSnapshot(copy, { dataDir: join(root, 'copy-data') });
    const result = await runCli(['test', '.', '--data-dir', join(root, 'copy-data'), '--json'], copy);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('FAIL  kaplan-meier: the log-rank test is significant');
    expect(result.stderr).toContain('tests/wrong.yaml:8  block log-rank: p 0.927727 is not below 0.05');
    expect(result.stderr).toContain(
      "tests/wrong.yaml:9  block log-rnak: not in the result — did you mean 'log-rank'?",
    );
    expect(result.stderr).toContain('without a test: cohort-summary, compare-groups, cox-regression');
    expect(result.stderr).toContain('1 case: 0 passed, 1 failed, 0 errors');
    const json = JSON.parse(result.stdout) as { totals: { failed: number } };
    expect(json.totals.failed).toBe(1);
  }, 60_000);

  it('reports broken test files by file and line, and a product not built yet, without a stack trace', async () => {
    await writeFile(
      join(copy, 'tests', 'broken.yaml'),
      'apiVersion: plexus.dev/v1\nkind: ProductTest\ncases:\n  - name: x\n    protocol: kaplan-meier\n    expect:\n      - { block: log-rank, p: { bellow: 0.05 } }\n',
    );
    const result = await runCli(['test', '.', '--data-dir', join(root, 'nothing-built')], copy);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "tests/broken.yaml:7:33  unknown-key  cases[0].expect[0].p: unknown key 'bellow'",
    );
    expect(result.stderr).toContain("not built yet — run 'plexus build .' first");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('teaches the format in --help', async () => {
    const result = await runCli(['test', '--help'], repoRoot);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('kind: ProductTest');
    expect(result.stdout).toContain('--junit <file>');
  });
});
