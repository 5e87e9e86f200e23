import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeProcess, startNode } from '../reproducibility/nodeProcess.ts';
import { runCli } from '../validate/runCli.ts';

/**
 * Delivery end to end: `plexus deploy` uploads built versions of a product to a running node, which
 * checks and tests each before its channel serves it, refuses one whose tests fail, rolls back, and
 * serves its channels again after a restart.
 */
const EXAMPLES = resolve(import.meta.dirname, '../../products');
const ADMIN_TOKEN = `tok_delivery.${'d'.repeat(40)}`;

let root: string;
let product: string;
let dataDir: string;
let node: NodeProcess;

async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${node.base}${path}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const cli = (...args: string[]) => runCli([...args, '--node', node.base, '--token', ADMIN_TOKEN], root);
const version = async () =>
  ((await get('/api/v1/products/va-lung-trial')).body.product as { version: string } | undefined)?.version;

async function setVersion(next: string): Promise<void> {
  const file = join(product, 'product.yaml');
  await writeFile(file, (await readFile(file, 'utf8')).replace(/^version: .*$/m, `version: ${next}`));
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-deploy-'));
  product = join(root, 'va-lung-trial');
  dataDir = join(root, 'node');
  const source = join(EXAMPLES, 'va-lung-trial');
  await cp(source, product, { recursive: true, filter: (path) => !path.includes(`${source}/.plexus`) });
  await symlink(resolve(import.meta.dirname, '../../node_modules'), join(root, 'node_modules'), 'dir');
  // The node serves another product from its folder; va-lung-trial reaches it only by deployment.
  node = await startNode(join(EXAMPLES, 'pbc-trial'), dataDir, { PLEXUS_ADMIN_TOKEN: ADMIN_TOKEN });
}, 90_000);

afterAll(async () => {
  await node?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('plexus deploy to a node', () => {
  it('deploys a built version to production after the node has tested it', async () => {
    expect((await runCli(['build', product, '--data-dir', join(root, 'build')], root)).code).toBe(0);
    const deployed = await cli(
      'deploy',
      product,
      '--channel',
      'production',
      '--data-dir',
      join(root, 'build'),
    );
    expect(deployed.stderr + deployed.stdout).toContain('production');
    expect(deployed.code).toBe(0);
    expect(await version()).toBe('1.0.0');
    const run = await fetch(`${node.base}/api/v1/products/va-lung-trial/protocols/kaplan-meier/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ params: {} }),
    });
    expect(((await run.json()) as { run: { status: string } }).run.status).toBe('succeeded');
  }, 90_000);

  it('refuses a version whose tests fail and keeps serving the previous one', async () => {
    await setVersion('1.0.1');
    const csv = join(product, 'data', 'veteran.csv');
    const original = await readFile(csv, 'utf8');
    await writeFile(csv, original.replace('1,"squamous",72,1,60,7,69,0', '1,"squamous",720,1,60,7,69,0'));
    await runCli(['build', product, '--data-dir', join(root, 'build')], root);
    const refused = await cli(
      'deploy',
      product,
      '--channel',
      'production',
      '--data-dir',
      join(root, 'build'),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/tests fail/);
    expect(refused.stderr).toContain('Kaplan–Meier by arm equals R survfit and survdiff');
    expect(await version()).toBe('1.0.0');
    await writeFile(csv, original);
  }, 90_000);

  it('deploys a new version, rolls it back, and shows the history', async () => {
    await setVersion('1.1.0');
    await runCli(['build', product, '--data-dir', join(root, 'build')], root);
    const deployed = await cli(
      'deploy',
      product,
      '--channel',
      'production',
      '--data-dir',
      join(root, 'build'),
    );
    expect(deployed.code).toBe(0);
    expect(await version()).toBe('1.1.0');
    const rolledBack = await cli('rollback', 'va-lung-trial', '--channel', 'production');
    expect(rolledBack.code).toBe(0);
    expect(await version()).toBe('1.0.0');
    const history = await get('/api/v1/products/va-lung-trial/deployments');
    const production = (history.body.channels as Record<string, { current: { productVersion: string } }>)
      .production;
    expect(production?.current.productVersion).toBe('1.0.0');
    const nothingLeft = await cli('rollback', 'va-lung-trial', '--channel', 'production');
    expect(nothingLeft.code).toBe(1);
  }, 120_000);

  it('serves a staging deployment beside production, to those who may see the product', async () => {
    const staged = await cli('deploy', product, '--channel', 'staging', '--data-dir', join(root, 'build'));
    expect(staged.code).toBe(0);
    const staging = await get('/api/v1/products/va-lung-trial@staging');
    expect((staging.body.product as { version: string }).version).toBe('1.1.0');
    expect(await version()).toBe('1.0.0');
    const listed = await get('/api/v1/products');
    expect((listed.body.products as Array<{ id: string }>).map((entry) => entry.id)).toEqual([
      'pbc-trial',
      'va-lung-trial',
    ]);
  }, 90_000);

  it('refuses deployments from callers who are not administrators with the admin scope', async () => {
    const anonymous = await runCli(
      ['deploy', product, '--channel', 'production', '--data-dir', join(root, 'build'), '--node', node.base],
      root,
    );
    expect(anonymous.code).toBe(77);
    // An administrator's token without the admin scope (a CI token for runs, say) does not deploy.
    const narrow = await cli('token', 'create', 'runs-only', '--scopes', 'read,run');
    const narrowToken = narrow.stdout.trim();
    const refused = await runCli(
      [
        'deploy',
        product,
        '--channel',
        'production',
        '--data-dir',
        join(root, 'build'),
        '--node',
        node.base,
        '--token',
        narrowToken,
      ],
      root,
    );
    expect(refused.code).toBe(77);
    expect(refused.stderr).toContain('admin scope');
    const folder = await cli('rollback', 'pbc-trial', '--channel', 'production');
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('served from a product folder');
  }, 60_000);

  it('serves its channels again after a restart', async () => {
    await node.stop();
    node = await startNode(join(EXAMPLES, 'pbc-trial'), dataDir, { PLEXUS_ADMIN_TOKEN: ADMIN_TOKEN });
    expect(node.output()).toContain('va-lung-trial: serving its production deployment');
    expect(await version()).toBe('1.0.0');
    expect(
      ((await get('/api/v1/products/va-lung-trial@staging')).body.product as { version: string }).version,
    ).toBe('1.1.0');
  }, 90_000);
});
