import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../../..');
const cliBin = join(repoRoot, 'packages', 'cli', 'bin', 'plexus.mjs');
const pbc = join(repoRoot, 'products', 'pbc-trial');

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real plexus entry point in `cwd`, without PLEXUS_DEBUG and outside any outer git repository's variables. */
function runCli(args: readonly string[], cwd: string): Promise<CliResult> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'PLEXUS_DEBUG' && !name.startsWith('GIT_')),
  );
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cliBin, ...args], {
      cwd,
      env: { ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

const temporary: string[] = [];
async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'plexus-diff-test-'));
  temporary.push(dir);
  return dir;
}

/** A copy of pbc-trial's YAML files in `dir`. */
async function copyPbc(dir: string): Promise<string> {
  for (const entry of ['product.yaml', 'mapping.yaml', 'protocols'])
    await cp(join(pbc, entry), join(dir, entry), { recursive: true });
  return dir;
}

async function replaceIn(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  await writeFile(file, text.replace(from, to));
}

/** Removes log-log from kaplan-meier's confType (a breaking, protocol-level change). */
const narrowConfType = (dir: string) =>
  replaceIn(
    join(dir, 'protocols/kaplan-meier.yaml'),
    'values: [log, log-log, plain]',
    'values: [log, plain]',
  );
const bumpVersions = async (dir: string) => {
  await replaceIn(join(dir, 'product.yaml'), 'version: 1.0.0', 'version: 2.0.0');
  await replaceIn(join(dir, 'protocols/kaplan-meier.yaml'), 'version: 1.0.0', 'version: 2.0.0');
};

afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

describe('plexus contract', () => {
  it('prints the contract as text and as JSON', async () => {
    const text = await runCli(['contract', 'products/pbc-trial'], repoRoot);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^pbc-trial 1\.0\.0 — /);
    expect(text.stdout).toMatch(/arm\s+category\s+D-penicillamine \| placebo/);
    expect(text.stdout).toMatch(/confType\s+enum\s+log \| log-log \| plain, default log/);
    expect(text.stdout).toMatch(/results: summary \(markdown\), km-curve \(chart\)/);
    const json = await runCli(['contract', 'products/pbc-trial', '--json'], repoRoot);
    expect(json.code).toBe(0);
    const contract = JSON.parse(json.stdout);
    expect(contract).toMatchObject({ kind: 'Contract', product: { id: 'pbc-trial' } });
  });

  it('names the file and the problem of a broken product, without a stack trace', async () => {
    const dir = await copyPbc(await scratch());
    await replaceIn(join(dir, 'protocols/kaplan-meier.yaml'), 'type: enum', 'type: enumeration');
    const result = await runCli(['contract', dir], repoRoot);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/protocols\/kaplan-meier\.yaml:\d+:\d+: parameters\.confType\.type/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('plexus diff of folders', () => {
  let old: string;
  beforeAll(async () => {
    old = await copyPbc(await scratch());
  });

  it('passes compatible changes and reports them as ok', async () => {
    const next = await copyPbc(await scratch());
    await replaceIn(
      join(next, 'protocols/kaplan-meier.yaml'),
      'values: [log, log-log, plain]',
      'values: [log, log-log, plain, arcsin]',
    );
    const result = await runCli(['diff', old, next], repoRoot);
    expect(result.stdout).toMatch(
      /ok {8}kaplan-meier: parameter 'confType': values now also allowed: arcsin/,
    );
    expect(result.stdout).toMatch(/versions: ok/);
    expect(result.code).toBe(0);
  });

  it('exits 1 for a breaking change without a major bump, 0 with one', async () => {
    const next = await copyPbc(await scratch());
    await narrowConfType(next);
    const failed = await runCli(['diff', old, next], repoRoot);
    expect(failed.stdout).toMatch(
      /BREAKING {2}kaplan-meier: parameter 'confType': values no longer allowed: log-log/,
    );
    expect(failed.stdout).toMatch(
      /versions: FAIL\n {2}product pbc-trial: breaking changes need a major version bump/,
    );
    expect(failed.stdout).toMatch(/protocol kaplan-meier: breaking changes need a major version bump/);
    expect(failed.code).toBe(1);
    await bumpVersions(next);
    const passed = await runCli(['diff', old, next, '--json'], repoRoot);
    expect(passed.code).toBe(0);
    const report = JSON.parse(passed.stdout);
    expect(report.verdict).toEqual({ ok: true, breaking: 1, violations: [] });
    expect(report.changes[0]).toMatchObject({
      kind: 'parameter-narrowed',
      breaking: true,
      protocol: 'kaplan-meier',
      parameter: 'confType',
    });
  });

  it('exits 2 on wrong usage', async () => {
    expect((await runCli(['diff', old], repoRoot)).code).toBe(2);
    const bothRefs = await runCli(['diff', 'HEAD', 'HEAD~1'], repoRoot);
    expect(bothRefs.code).toBe(2);
    expect(bothRefs.stderr).toMatch(/both bare git revisions/);
  });
});

describe('plexus diff against git revisions', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Plexus Test', '-c', 'user.email=test@example.org', ...args], {
      cwd: repo,
      env: Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_'))),
      stdio: 'pipe',
    });

  beforeAll(async () => {
    repo = await scratch();
    git('init', '--quiet');
    await copyPbc(join(repo, 'products', 'pbc-trial'));
    git('add', '.');
    git('commit', '--quiet', '-m', 'pbc-trial 1.0.0');
    git('tag', 'v1');
  });

  it('compares the working folder with HEAD: a breaking edit without a bump exits 1, with a bump 0', async () => {
    const folder = join(repo, 'products', 'pbc-trial');
    expect((await runCli(['diff', 'HEAD', 'products/pbc-trial'], repo)).code).toBe(0);
    await narrowConfType(folder);
    const failed = await runCli(['diff', 'HEAD', 'products/pbc-trial'], repo);
    expect(failed.stdout).toMatch(/^HEAD:products\/pbc-trial \(pbc-trial 1\.0\.0\) → products\/pbc-trial/);
    expect(failed.stdout).toMatch(/BREAKING {2}kaplan-meier: parameter 'confType'/);
    expect(failed.code).toBe(1);
    await bumpVersions(folder);
    const passed = await runCli(['diff', 'HEAD', 'products/pbc-trial'], repo);
    expect(passed.stdout).toMatch(
      /versions: ok — every breaking change comes with the major version bump it needs/,
    );
    expect(passed.code).toBe(0);
    // ref:path on both sides, from a sub-folder of the repository.
    git('commit', '--quiet', '-am', 'pbc-trial 2.0.0');
    const between = await runCli(
      ['diff', 'v1:products/pbc-trial', 'HEAD:products/pbc-trial', '--json'],
      folder,
    );
    expect(JSON.parse(between.stdout).verdict.ok).toBe(true);
    expect(between.code).toBe(0);
    // Temporary folders are cleaned up.
    const left = (await readdir(tmpdir())).filter(
      (name) => name.startsWith('plexus-diff-') && !name.startsWith('plexus-diff-test-'),
    );
    expect(left).toEqual([]);
  });

  it('names the revision and what is wrong with it', async () => {
    const unknown = await runCli(['diff', 'no-such-branch', 'products/pbc-trial'], repo);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/'no-such-branch' is neither a folder nor a git revision/);
    const missing = await runCli(['diff', 'HEAD:products/other', 'products/pbc-trial'], repo);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/HEAD:products\/other does not exist/);
    const outside = await scratch();
    await copyPbc(outside);
    const notRepo = await runCli(['diff', 'HEAD', outside], outside);
    expect(notRepo.code).toBe(1);
    expect(notRepo.stderr).toMatch(/'HEAD' is not a folder.*which is not inside one/);
  });
});
