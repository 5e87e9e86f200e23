/**
 * bench/federation: a federated count across N nodes on loopback against the slowest of those nodes
 * asked alone, in the same run. Each node is its own `plexus serve` process serving one hospital
 * (a copy of boston-general under another id); node-1 coordinates.
 *
 *   npm run bench:federation -- --nodes 8 --repetitions 15
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '8' },
    repetitions: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
  },
});
const NODES = Number(values.nodes);
const REPETITIONS = Number(values.repetitions);
const WARMUP = Number(values.warmup);
const REPO = resolve(import.meta.dirname, '../..');
const CLI = join(REPO, 'packages/cli/bin/plexus.mjs');
const TOKEN = `tok_benchfederation.${'b'.repeat(40)}`;
const QUESTION = { protocol: 'counts-by-sex-and-age', params: { rows: 'sex', columns: 'age_band' } };

/** CPU time (clock ticks) used so far by a process and every process below it, from /proc. */
async function treeTicks(root: number): Promise<number> {
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of await readdir('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    const text = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    if (fields.length < 13) continue;
    stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
  }
  const inTree = (pid: number): boolean => {
    for (let current = pid, hops = 0; hops < 16; hops++) {
      if (current === root) return true;
      const parent = stats.get(current)?.parent;
      if (!parent || parent <= 1) return false;
      current = parent;
    }
    return false;
  };
  let ticks = 0;
  for (const [pid, stat] of stats) if (inTree(pid)) ticks += stat.ticks;
  return ticks;
}

/** Waits until the mesh's processes used no CPU for 300 ms (at most 20 s). */
async function untilIdle(root: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  let last = await treeTicks(root);
  while (Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 300));
    const now = await treeTicks(root);
    if (now === last) return;
    last = now;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

async function post(url: string, body: unknown): Promise<{ ms: number; json: Record<string, unknown> }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(json)}`);
  return { ms: performance.now() - started, json };
}

const root = await mkdtemp(join(tmpdir(), 'plexus-bench-federation-'));
const children: ChildProcess[] = [];
try {
  await symlink(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  const ids = Array.from({ length: NODES }, (_, index) => `node-${index + 1}`);
  const ports = new Map<string, number>();
  for (const id of ids) ports.set(id, await freePort());
  const layout = ids
    .map((id) => `  - { id: ${id}, port: ${ports.get(id)}, products: [${id}-hospital] }`)
    .join('\n');
  for (const id of ids) {
    const dir = join(root, `${id}-hospital`);
    const source = join(REPO, 'products/boston-general');
    await cp(source, dir, { recursive: true, filter: (path) => !path.includes(`${source}/.plexus`) });
    // A copy under another id: its own tests would name boston-general's id in vain.
    await rm(join(dir, 'tests'), { recursive: true, force: true });
    const product = join(dir, 'product.yaml');
    await writeFile(product, (await readFile(product, 'utf8')).replace(/^id: .*$/m, `id: ${id}-hospital`));
  }
  await writeFile(
    join(root, 'layout.yaml'),
    `apiVersion: plexus.dev/v1\nkind: MeshLayout\nnodes:\n${layout}\n`,
  );
  process.stderr.write(`starting ${NODES} nodes…\n`);
  const mesh = spawn(
    process.execPath,
    [CLI, 'mesh', 'up', join(root, 'layout.yaml'), '--build', '--data-dir', join(root, 'data')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PLEXUS_ADMIN_TOKEN: TOKEN },
    },
  );
  children.push(mesh);
  let output = '';
  await new Promise<void>((done, reject) => {
    mesh.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('administrator token')) done();
    });
    mesh.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    mesh.once('exit', (code) => reject(new Error(`the mesh stopped (${code}):\n${output}`)));
  });

  const coordinator = `http://127.0.0.1:${ports.get('node-1')}/api/v1/federated/runs`;
  const federated = { sites: ids.map((id) => ({ product: `${id}-hospital`, node: id })), ...QUESTION };
  const alone = (id: string) =>
    `http://127.0.0.1:${ports.get(id)}/api/v1/products/${id}-hospital/protocols/${QUESTION.protocol}/aggregates`;
  for (let round = 0; round < WARMUP; round++) {
    await post(coordinator, federated);
    for (const id of ids) await post(alone(id), { params: QUESTION.params });
  }
  // Each measurement starts from an idle mesh: a node prepares its next plugin worker after a run, and
  // that work must not be billed to whichever request comes next. Idle is measured, not guessed: no
  // process of the mesh used any CPU for 300 ms.
  const meshPid = mesh.pid;
  if (meshPid === undefined) throw new Error('the mesh process has no pid');
  const settle = () => untilIdle(meshPid);
  const federatedTimes: number[] = [];
  const aloneTimes = new Map<string, number[]>(ids.map((id) => [id, []]));
  // Alternating rounds: the machine's noise falls on both measurements alike.
  for (let round = 0; round < REPETITIONS; round++) {
    await settle();
    const { ms, json } = await post(coordinator, federated);
    const run = json.federatedRun as { status: string; sites: Array<{ status: string }> };
    if (run.status !== 'succeeded' || run.sites.some((site) => site.status !== 'ok'))
      throw new Error(`a federated run did not succeed everywhere: ${JSON.stringify(run.sites)}`);
    federatedTimes.push(ms);
    for (const id of ids) {
      await settle();
      aloneTimes.get(id)?.push((await post(alone(id), { params: QUESTION.params })).ms);
    }
  }
  const perNode = ids.map((id) => ({ id, median: median(aloneTimes.get(id) ?? []) }));
  const slowest = perNode.reduce((worst, node) => (node.median > worst.median ? node : worst));
  const federatedMedian = median(federatedTimes);
  process.stdout.write(
    `federated count across ${NODES} nodes: median ${federatedMedian.toFixed(1)} ms over ${REPETITIONS} runs\n` +
      `slowest node asked alone (${slowest.id}): median ${slowest.median.toFixed(1)} ms\n` +
      `ratio ${(federatedMedian / slowest.median).toFixed(2)}× (target ≤ 1.3×)\n` +
      `per node alone: ${perNode.map((node) => `${node.id} ${node.median.toFixed(1)}`).join(', ')} ms\n`,
  );
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGINT');
  await new Promise((done) => setTimeout(done, 2000));
  await rm(root, { recursive: true, force: true });
}
