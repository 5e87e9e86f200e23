import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '../../packages/cli/bin/plexus.mjs');
const PRODUCTS = resolve(import.meta.dirname, '../../products');

let root: string;
let node: ChildProcess;
let base: string;
let output = '';

/**
 * The main job end to end: `plexus serve <folder> --build` on a folder with no snapshot builds it, then
 * serves it over HTTP — the same command `npm start` runs on the example products.
 */
beforeAll(async () => {
  // A fresh data folder: the node finds no snapshot and must build one before serving.
  root = await mkdtemp(join(tmpdir(), 'plexus-e2e-'));
  node = spawn(process.execPath, [CLI, 'serve', PRODUCTS, '--build', '--port', '0', '--data-dir', root], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  node.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  base = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`node did not start:\n${output}`)), 150_000);
    node.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving \d+ product\(s\) at (http:\/\/\S+)/.exec(output);
      if (match?.[1] && output.includes('API docs')) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    node.once('exit', (code) => reject(new Error(`node exited with ${code}:\n${output}`)));
  });
  // Ten products to build and test before the node serves: generous on a loaded CI machine.
}, 180_000);

afterAll(async () => {
  if (node.exitCode === null) {
    node.kill('SIGTERM');
    await once(node, 'exit');
  }
  await rm(root, { recursive: true, force: true });
});

async function json(
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('plexus serve --build', () => {
  it('printed the URL and a curl example', () => {
    expect(output).toContain('va-lung-trial: data version');
    expect(output).toContain('pbc-trial: data version');
    expect(output).toContain('built,');
    expect(output).toContain('curl -X POST');
  });

  it('lists the products and describes their models', async () => {
    const list = await json('/api/v1/products');
    expect(list.status).toBe(200);
    expect((list.body.products as Array<{ id: string }>).map((product) => product.id)).toEqual([
      'adverse-event-reports',
      'all-leukemia',
      'bay-area-medical',
      'boston-general',
      'cdisc-pilot',
      'health-economics',
      'omop-synthea',
      'pbc-trial',
      'trial-registry',
      'va-lung-trial',
    ]);
    const detail = await json('/api/v1/products/va-lung-trial');
    const model = detail.body.model as { attributes: Array<{ id: string; label: string; type: string }> };
    expect(model.attributes.find((attribute) => attribute.id === 'karnofsky')).toMatchObject({
      label: 'Karnofsky score',
      type: 'integer',
    });
    expect((detail.body.product as { dataVersion: string }).dataVersion).toMatch(/^[0-9a-f]{16}$/);
  });

  it('serves facets and feature search for cohort builders', async () => {
    const model = (await json('/api/v1/products/all-leukemia/model')).body as {
      attributes: Array<{ id: string; summary: { histogram?: { counts: number[] }; levels?: unknown[] } }>;
      modalities: Array<{ id: string; kind: string; features?: number }>;
    };
    expect(model.modalities).toEqual([
      expect.objectContaining({ id: 'expression', kind: 'matrix', features: 12625 }),
    ]);
    const age = model.attributes.find((attribute) => attribute.id === 'age');
    expect(age?.summary.histogram?.counts.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(100);
    const search = await json('/api/v1/products/all-leukemia/features?modality=expression&q=39730');
    expect(search.status).toBe(200);
    expect((search.body.features as Array<{ id: string }>)[0]?.id).toBe('39730_at');
    const limited = await json('/api/v1/products/all-leukemia/features?modality=expression&q=_at&limit=3');
    expect((limited.body.features as unknown[]).length).toBe(3);
    const cohort = await json(
      '/api/v1/products/all-leukemia/cohorts/count',
      post({
        cohort: {
          all: [
            { attribute: 'sex', op: 'eq', value: 'female' },
            { matrix: 'expression', feature: '39730_at', percentile: { above: 75 } },
          ],
        },
      }),
    );
    expect(cohort.status).toBe(200);
    const counted = cohort.body as { count: number; attrition: Array<{ criterion: string; count: number }> };
    expect(counted.attrition).toHaveLength(3);
    expect(counted.count).toBeLessThanOrEqual(counted.attrition[1]?.count ?? 0);
    expect(counted.attrition[2]?.criterion).toContain('39730_at');
  });

  it('lists protocols with parameter schemas whose choices come from the model', async () => {
    const { body } = await json('/api/v1/products/va-lung-trial/protocols');
    const km = (
      body.protocols as Array<{ id: string; parameters: { properties: Record<string, { enum?: string[] }> } }>
    ).find((protocol) => protocol.id === 'kaplan-meier');
    expect(km?.parameters.properties.groupBy?.enum).toEqual([
      'arm',
      'cell_type',
      'prior_therapy',
      'age_group',
    ]);
  });

  it('runs kaplan-meier over HTTP on a cohort', async () => {
    const { status, body } = await json(
      '/api/v1/products/va-lung-trial/protocols/kaplan-meier/runs',
      post({
        params: { groupBy: 'arm', cohort: { all: [{ attribute: 'karnofsky', op: 'gte', value: 60 }] } },
      }),
    );
    expect(status).toBe(200);
    const run = body.run as { status: string; result: { blocks: Array<{ id: string; p?: number }> } };
    expect(run.status).toBe('succeeded');
    const logRank = run.result.blocks.find((block) => block.id === 'log-rank');
    expect(logRank?.p).toBeGreaterThan(0);
  });

  it('answers 400 with the parameter, expected, found and allowed values', async () => {
    const { status, body } = await json(
      '/api/v1/products/va-lung-trial/protocols/kaplan-meier/runs',
      post({ params: { groupBy: 'karnofsky' } }),
    );
    expect(status).toBe(400);
    const error = body.error as { details: Array<{ at: string; found: unknown; allowed: unknown[] }> };
    expect(error.details[0]).toMatchObject({
      at: 'groupBy',
      found: 'karnofsky',
      allowed: ['arm', 'cell_type', 'prior_therapy', 'age_group'],
    });
  });

  it('never answers 500 to odd input: deep nesting, huge numbers, an empty cohort', async () => {
    // Written as text: JSON.stringify itself would overflow the stack on 5000 levels.
    const deep = `{"params": {"cohort": ${'{"a": '.repeat(5000)}{}${'}'.repeat(5000)}}}`;
    const nested = await fetch(`${base}/api/v1/products/va-lung-trial/protocols/kaplan-meier/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep,
    });
    expect(nested.status).toBe(400);
    const huge = await json(
      '/api/v1/products/va-lung-trial/protocols/cohort-summary/runs',
      post({ params: { cohort: { all: [{ attribute: 'age', op: 'gt', value: 1e308 }] } } }),
    );
    expect(huge.status).toBe(200);
    expect(huge.body.run).toMatchObject({ status: 'succeeded' });
    const nobody = await json(
      '/api/v1/products/va-lung-trial/protocols/kaplan-meier/runs',
      post({ params: { cohort: { all: [{ attribute: 'age', op: 'lt', value: 0 }] } } }),
    );
    expect(nobody.body.run).toMatchObject({ status: 'failed', error: { code: 'INPUT_INVALID' } });
  });

  it('counts a cohort over HTTP with its attrition', async () => {
    const { status, body } = await json(
      '/api/v1/products/va-lung-trial/cohorts/count',
      post({ cohort: { all: [{ attribute: 'karnofsky', op: 'gte', value: 60 }] } }),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      count: 85,
      attrition: [{ count: 137 }, { criterion: 'Karnofsky score ≥ 60', count: 85 }],
    });
  });

  it('answers 404 for unknown products and protocols', async () => {
    expect((await json('/api/v1/products/nope')).status).toBe(404);
    expect(
      (await json('/api/v1/products/va-lung-trial/protocols/kaplan-meyer/runs', post({ params: {} }))).status,
    ).toBe(404);
  });

  it('serves the OpenAPI document and a health check', async () => {
    expect((await json('/api/v1/openapi.json')).body.openapi).toBe('3.1.0');
    expect((await json('/healthz')).body).toMatchObject({ status: 'ok', products: 10 });
  });

  it('creates a node administrator on first start, whose token the CLI uses to make and revoke tokens', async () => {
    for (let waited = 0; !/Bearer (tok_\S+?)'/.test(output) && waited < 5000; waited += 100)
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    const admin = /Bearer (tok_\S+?)'/.exec(output)?.[1] ?? '';
    expect(admin).toMatch(/^tok_/);
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args, '--node', base, '--token', admin], { encoding: 'utf8' });
    const created = cli('token', 'create', 'ci', '--scopes', 'read,run', '--days', '7');
    expect(created.status).toBe(0);
    const secret = created.stdout.trim();
    expect(created.stderr).toContain("'ci' (read, run)");
    const me = await json('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
    expect(me.body).toMatchObject({ via: 'token', user: { admin: true }, scopes: ['read', 'run'] });
    expect(cli('token', 'list').stdout).toMatch(/ {2}ci {2}read,run {2}expires /);
    expect(cli('token', 'revoke', secret.split('.')[0] ?? '').status).toBe(0);
    expect(
      (await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } })).status,
    ).toBe(401);
    const refused = cli('token', 'create', 'too-wide', '--scopes', 'read,everything');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--scopes takes a comma-separated list of read, run, export, admin');
    expect(cli('grant', 'va-lung-trial', 'someone', 'analyst').status).toBe(2);
  });

  it('creates a local account with the CLI, appoints it owner of a product, and the owner grants roles', async () => {
    const admin = /Bearer (tok_\S+?)'/.exec(output)?.[1] ?? '';
    const cli = (token: string, ...args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args, '--node', base, '--token', token], { encoding: 'utf8' });
    const created = cli(
      admin,
      'user',
      'create',
      'a.lovelace',
      '--name',
      'Ada Lovelace',
      '--scopes',
      'read,run,admin',
    );
    expect(created.status, created.stderr).toBe(0);
    const adaToken = created.stdout.trim();
    const adaId = /user (\S+) 'Ada Lovelace' created/.exec(created.stderr)?.[1] ?? '';
    expect(adaId).not.toBe('');
    expect(cli(admin, 'user', 'create', 'a.lovelace', '--name', 'Again').status).toBe(1);
    expect(cli(adaToken, 'grant', 'va-lung-trial', `user:${adaId}`, 'exporter').status).toBe(1);
    const appointed = cli(admin, 'owners', 'va-lung-trial', `user:${adaId}`);
    expect(appointed.status, appointed.stderr).toBe(0);
    expect(appointed.stdout).toBe(`va-lung-trial: owned by\n  user:${adaId}\n`);
    expect(cli(adaToken, 'owners', 'va-lung-trial').stdout).toContain(`user:${adaId}`);
    const granted = cli(adaToken, 'grant', 'va-lung-trial', `user:${adaId}`, 'exporter');
    expect(granted.status, granted.stderr).toBe(0);
    expect(granted.stdout).toContain(`user:${adaId}  exporter`);
    expect(cli(admin, 'owners', 'va-lung-trial', 'someone').status).toBe(2);
    expect(cli(admin, 'owners', 'va-lung-trial', '--clear').stdout).toBe(
      'va-lung-trial: no appointed owners\n',
    );
  });
  it('stops cleanly on SIGTERM', async () => {
    node.kill('SIGTERM');
    const [code] = await once(node, 'exit');
    expect(code).toBe(0);
  });
});
