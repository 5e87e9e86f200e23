import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkNodeModules, writeSiteProduct } from './siteProducts.ts';

/**
 * `plexus mesh up` — what `npm start` runs on the demo layout — on a small layout: a hub that is the
 * catalog and one site, each its own process; the hub answers a federated question across both and
 * its catalog lists both nodes' products.
 */
const CLI = resolve(import.meta.dirname, '../../packages/cli/bin/plexus.mjs');

let root: string;
let mesh: ChildProcess;
let output = '';
let token = '';
const ports: number[] = [];

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-mesh-up-'));
  await linkNodeModules(root);
  await writeSiteProduct(root, 'va-site-a', { keep: (index) => index % 2 === 0 });
  await writeSiteProduct(root, 'va-site-b', { keep: (index) => index % 2 === 1 });
  ports.push(await freePort(), await freePort());
  const layout = join(root, 'layout.yaml');
  await writeFile(
    layout,
    `apiVersion: plexus.dev/v1
kind: MeshLayout
tour: ["curl -H 'authorization: Bearer {token}' …"]
nodes:
  - { id: hub, port: ${ports[0]}, catalog: true, products: [va-site-a] }
  - { id: site-b, port: ${ports[1]}, products: [va-site-b] }
`,
  );
  const { PLEXUS_ADMIN_TOKEN: _admin, ...env } = process.env;
  mesh = spawn(process.execPath, [CLI, 'mesh', 'up', layout, '--build', '--data-dir', join(root, 'data')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, PLEXUS_CATALOG_HEARTBEAT_SECONDS: '1' },
  });
  mesh.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((done, reject) => {
    const timer = setTimeout(() => reject(new Error(`the mesh did not start:\n${output}`)), 150_000);
    mesh.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /administrator token of every node[^\n]*\n\s+(tok_\S+)/.exec(output);
      if (match?.[1]) {
        token = match[1];
        clearTimeout(timer);
        done();
      }
    });
    mesh.once('exit', (code) => reject(new Error(`mesh up exited with ${code}:\n${output}`)));
  });
}, 180_000);

afterAll(async () => {
  if (mesh && mesh.exitCode === null) {
    const exited = once(mesh, 'exit');
    mesh.kill('SIGINT');
    await exited;
  }
  await rm(root, { recursive: true, force: true });
});

describe('plexus mesh up', () => {
  it('prints every node, the tour with the administrator token, and the token', () => {
    expect(output).toMatch(new RegExp(`hub\\s+http://localhost:${ports[0]}\\s+\\(1 product\\(s\\)\\)`));
    expect(output).toMatch(new RegExp(`site-b\\s+http://localhost:${ports[1]}`));
    expect(output).toContain(`curl -H 'authorization: Bearer ${token}' …`);
  });

  it('answers a federated question across its nodes', async () => {
    const response = await fetch(`http://127.0.0.1:${ports[0]}/api/v1/federated/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        sites: [{ product: 'va-site-a' }, { product: 'va-site-b', node: 'site-b' }],
        protocol: 'federated-counts',
        params: { rows: 'arm' },
      }),
    });
    const { federatedRun } = (await response.json()) as {
      federatedRun: {
        sites: Array<{ status: string }>;
        result: { blocks: Array<{ id: string; value?: number }> };
      };
    };
    expect(federatedRun.sites.map((site) => site.status)).toEqual(['ok', 'ok']);
    expect(federatedRun.result.blocks.find((block) => block.id === 'total')?.value).toBe(137);
  });

  it("lists both nodes' products in the hub's catalog", async () => {
    let ids: string[] = [];
    for (let attempt = 0; attempt < 20 && ids.length < 2; attempt++) {
      const response = await fetch(`http://127.0.0.1:${ports[0]}/api/v1/catalog/search`);
      ids = ((await response.json()) as { results: Array<{ id: string }> }).results
        .map((entry) => entry.id)
        .sort();
      if (ids.length < 2) await new Promise((done) => setTimeout(done, 500));
    }
    expect(ids).toEqual(['va-site-a', 'va-site-b']);
  }, 30_000);
});
