import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildSnapshot } from '@plexus/engine';
import { openProducts, validateProduct } from '@plexus/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '../../bin/plexus.mjs');
const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const run = promisify(execFile);
let root: string;

async function plexus(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Validates, builds and runs every generated protocol with its defaults; returns the run summaries. */
async function validateBuildRun(dir: string): Promise<Record<string, string>> {
  const problems = await validateProduct(dir);
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  const snapshotRoot = join(dir, '.snapshots');
  await buildSnapshot(dir, { snapshotRoot });
  const registry = await openProducts([dir], { snapshotRoot });
  try {
    const product = registry.list()[0];
    if (!product) throw new Error('no product');
    const summaries: Record<string, string> = {};
    for (const protocol of product.protocols()) {
      const outcome = await product.run(protocol.id, {});
      expect(outcome.error, protocol.id).toBeUndefined();
      expect(outcome.status).toBe('succeeded');
      summaries[protocol.id] = outcome.result?.summary ?? '';
    }
    return summaries;
  } finally {
    await registry.close();
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-init-'));
  // Generated plugins import @plexus/apps: resolve it from the temporary folder as from products/.
  await mkdir(join(root, 'node_modules'));
  await symlink(
    resolve(import.meta.dirname, '../../../../node_modules/@plexus'),
    join(root, 'node_modules', '@plexus'),
    'dir',
  );
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('plexus init --from csv', () => {
  it('infers types, numbers rows without an id, and finds the time/status endpoint of lung.csv', async () => {
    const dir = join(root, 'lung');
    const { code, stdout } = await plexus('init', dir, '--from', 'csv', join(FIXTURES, 'lung.csv'));
    expect(code).toBe(0);
    expect(stdout).toContain('Check these inferences');
    // The CI workflow of the product's repository (its content is tested in src/init/ciWorkflow.test.ts).
    expect(await readFile(join(dir, '.github', 'workflows', 'plexus.yml'), 'utf8')).toContain(
      `plexus deploy . --node \${{ vars.PLEXUS_NODE }} --channel staging`,
    );
    expect(stdout).toContain('.github/workflows/plexus.yml');
    const mapping = await readFile(join(dir, 'mapping.yaml'), 'utf8');
    expect(mapping).toContain('ph_ecog: { type: integer, name: ph.ecog }');
    expect(mapping).toContain('id: { rowNumber: { width: 3 } }');
    expect(mapping).toContain('event: { column: status, eventValues: [2], censoredValues: [1] }');
    expect(mapping).toMatch(/# CHECK: the coding of status was assumed to be 2 = event, 1 = censored/);
    const summaries = await validateBuildRun(dir);
    expect(Object.keys(summaries).sort()).toEqual(['cohort-summary', 'compare-groups', 'kaplan-meier']);
    expect(summaries['cohort-summary']).toBe('228 patients');
  });

  it('joins one-row-per-entity files and makes events of repeated rows', async () => {
    const inputs = join(root, 'inputs');
    await mkdir(inputs);
    await writeFile(
      join(inputs, 'subjects.csv'),
      'subject_id,arm,age,enrolled,os_time,os_event\nS1,A,61,02/01/2020,100,1\nS2,B,55,15/01/2020,250,0\nS3,A,70,20/02/2020,80,1\nS4,B,NA,03/03/2020,300,0\n',
    );
    await writeFile(join(inputs, 'baseline.csv'), 'subject_id,weight\nS1,70.5\nS2,82\nS3,.\nS4,66.1\n');
    await writeFile(
      join(inputs, 'labs.csv'),
      'subject_id,visit_date,test,value,unit\nS1,2020-01-02,hb,12.1,g/dL\nS1,2020-02-02,hb,11.8,g/dL\nS2,2020-01-16,hb,13,g/dL\nS3,2020-02-21,hb,10.2,g/dL\n',
    );
    const dir = join(root, 'trial');
    const { code } = await plexus(
      'init',
      dir,
      '--from',
      'csv',
      ...['subjects', 'baseline', 'labs'].map((name) => join(inputs, `${name}.csv`)),
      '--id',
      'small-trial',
      '--no-ci',
    );
    expect(code).toBe(0);
    await expect(readFile(join(dir, '.github', 'workflows', 'plexus.yml'))).rejects.toThrow();
    const mapping = await readFile(join(dir, 'mapping.yaml'), 'utf8');
    expect(mapping).toContain('enrolled: { type: date, format: "%d/%m/%Y" }');
    expect(mapping).toContain('nullValues: ["", NA, "."]');
    expect(mapping).toMatch(/name: test\n\s+value: value\n\s+unit: unit/);
    expect(mapping).toMatch(/- source: baseline\n\s+"on": \{ left: subject_id, right: subject_id \}/);
    expect(mapping).toMatch(/id: labs\n\s+label: Labs\n\s+kind: events/);
    expect(mapping).toContain('id: os');
    expect(await readFile(join(dir, 'product.yaml'), 'utf8')).toContain('id: small-trial');
    const summaries = await validateBuildRun(dir);
    expect(summaries['cohort-summary']).toBe('4 patients');
  });

  it('refuses a folder that is not empty unless forced', async () => {
    const dir = join(root, 'lung');
    const refused = await plexus('init', dir, '--from', 'csv', join(FIXTURES, 'lung.csv'));
    expect(refused.code).toBe(75);
    expect(refused.stderr).toContain('is not empty');
    expect(refused.stderr).toContain('--force');
    const forced = await plexus('init', dir, '--from', 'csv', join(FIXTURES, 'lung.csv'), '--force');
    expect(forced.code).toBe(0);
  });

  it('explains usage: --help teaches with examples, a missing file exits 1, an unknown kind 2', async () => {
    const help = await plexus('init', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--from omop');
    const missing = await plexus('init', join(root, 'none'), '--from', 'csv', join(root, 'missing.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('missing.csv: no such file');
    const wrong = await plexus('init', join(root, 'none'), '--from', 'excel', 'x.xlsx');
    expect(wrong.code).toBe(2);
  });
});

describe('plexus init --from cdisc', () => {
  it('maps ADSL, ADAE and EX events and the ADTTE endpoint with CNSR = 0 as the event', async () => {
    const dir = join(root, 'pilot');
    const { code } = await plexus('init', dir, '--from', 'cdisc', join(FIXTURES, 'cdisc'));
    expect(code).toBe(0);
    const mapping = await readFile(join(dir, 'mapping.yaml'), 'utf8');
    expect(mapping).toContain('event: { column: adtte.cnsr, eventValues: [0], censoredValues: [1] }');
    expect(mapping).toContain('expression: "DATE \'1960-01-01\' + CAST(trtsdt AS INTEGER)"');
    expect(mapping).toMatch(/id: adverse_events[\s\S]*name: aedecod\n\s+group: aebodsys\n\s+text: aesev/);
    expect(mapping).toMatch(/id: exposure[\s\S]*name: extrt\n\s+value: exdose\n\s+unit: exdosu/);
    const summaries = await validateBuildRun(dir);
    expect(summaries['cohort-summary']).toBe('8 subjects');
  });
});

describe('plexus init --from omop', () => {
  it('maps person, concept-named events and death over the observation period', async () => {
    const dir = join(root, 'omop');
    const { code } = await plexus('init', dir, '--from', 'omop', join(FIXTURES, 'omop'));
    expect(code).toBe(0);
    const mapping = await readFile(join(dir, 'mapping.yaml'), 'utf8');
    expect(mapping).toContain('name: concept.concept_name');
    expect(mapping).toContain('expression: death.death_date IS NOT NULL');
    const summaries = await validateBuildRun(dir);
    expect(summaries['cohort-summary']).toBe('5 persons');
  });
});
