import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '../bin/plexus.mjs');
const PRODUCT = resolve(import.meta.dirname, '../../../products/va-lung-trial');
const run = promisify(execFile);
let dataDir: string;

async function plexus(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, PLEXUS_DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plexus-cli-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('plexus', () => {
  it('teaches with --help: commands, examples and exit codes', async () => {
    const { code, stdout } = await plexus('--help');
    expect(code).toBe(0);
    for (const command of ['validate', 'build', 'run', 'serve', 'schemas']) expect(stdout).toContain(command);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('Exit codes:');
  });

  it('exits 2 on wrong usage, with a suggestion', async () => {
    const { code, stderr } = await plexus('biuld', PRODUCT);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'biuld'");
    expect(stderr).toContain('build');
  });

  it('builds, reuses an unchanged snapshot, and runs a protocol', async () => {
    const first = await plexus('build', PRODUCT);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^va-lung-trial: data version [0-9a-f]{16} \(137 patients; built, 10 data tests passed\)$/m,
    );
    const second = await plexus('build', PRODUCT);
    expect(second.stdout).toContain('unchanged, snapshot reused');
    const result = await plexus('run', PRODUCT, 'kaplan-meier', '--param', 'groupBy=cell_type');
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as {
      kind: string;
      provenance: { parameters: { groupBy: string } };
    };
    expect(document.kind).toBe('Result');
    expect(document.provenance.parameters.groupBy).toBe('cell_type');
  });

  it('exits 1 on a bad parameter, naming it and the allowed values, without a stack trace', async () => {
    await plexus('build', PRODUCT);
    const { code, stderr } = await plexus(
      'run',
      PRODUCT,
      'kaplan-meier',
      '--params',
      '{"confLevel": 1.5, "groupBy": "age"}',
    );
    expect(code).toBe(1);
    expect(stderr).toContain("parameter 'confLevel': must be <= 0.999, found 1.5");
    expect(stderr).toContain(
      "parameter 'groupBy': expected one of 'arm', 'cell_type', 'prior_therapy', 'age_group', found 'age'",
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 when run before a build, saying what to do', async () => {
    const { code, stderr } = await plexus(
      'run',
      PRODUCT,
      'kaplan-meier',
      '--data-dir',
      join(dataDir, 'empty'),
    );
    expect(code).toBe(1);
    expect(stderr).toContain("has no snapshot yet: run 'plexus build");
  });

  it('validates the example product without problems', async () => {
    const { code, stdout, stderr } = await plexus('validate', PRODUCT);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('va-lung-trial: valid\n');
  });
});
