import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isPlexusError } from '@plexus/spec';
import { EXIT } from '../exitCodes.ts';
import { loadMeshLayout } from '../mesh/loadMeshLayout.ts';
import { meshConfigFor } from '../mesh/meshConfigFor.ts';

export interface MeshUpOptions {
  /** Where each node keeps its data: `<dir>/<node id>/`. */
  dataDir: string;
  /** Passed to every node: build what is missing or stale first. */
  build?: boolean;
}

const CLI = resolve(import.meta.dirname, '../../bin/plexus.mjs');

/** The demo's administrator token: one for every node, kept so that a restart prints the same one. */
async function adminToken(dataDir: string): Promise<string> {
  if (process.env.PLEXUS_ADMIN_TOKEN) return process.env.PLEXUS_ADMIN_TOKEN;
  const file = join(dataDir, 'admin-token');
  const kept = await readFile(file, 'utf8').catch(() => '');
  if (kept.trim()) return kept.trim();
  const token = `tok_${randomBytes(8).toString('hex')}.${randomBytes(24).toString('base64url')}`;
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return token;
}

/**
 * `plexus mesh up <layout>`: starts every node of a mesh layout as its own `plexus serve` process on
 * loopback, each with a mesh configuration trusting the others, and stops them all together.
 */
export async function meshUpCommand(file: string, options: MeshUpOptions): Promise<number> {
  let layout: Awaited<ReturnType<typeof loadMeshLayout>>;
  try {
    layout = await loadMeshLayout(file);
  } catch (error) {
    if (!isPlexusError(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    return EXIT.problems;
  }
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const token = await adminToken(dataDir);
  const children = new Map<string, ChildProcess>();
  let stopping = false;
  const stopAll = () => {
    stopping = true;
    for (const child of children.values()) if (child.exitCode === null) child.kill('SIGTERM');
  };
  const ready: Array<Promise<{ id: string; url: string; products: number }>> = [];
  for (const node of layout.nodes) {
    const nodeDir = join(dataDir, node.id);
    await mkdir(nodeDir, { recursive: true });
    const config = join(nodeDir, 'mesh.yaml');
    await writeFile(config, meshConfigFor(layout, node.id));
    const args = [
      CLI,
      'serve',
      ...node.products,
      '--port',
      String(node.port),
      '--data-dir',
      nodeDir,
      '--mesh',
      config,
      ...(options.build ? ['--build'] : []),
      ...(node.catalog ? ['--catalog'] : []),
    ];
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PLEXUS_ADMIN_TOKEN: token, PLEXUS_NODE_NAME: node.id },
    });
    children.set(node.id, child);
    let output = '';
    const prefix = (text: string) =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => `[${node.id}] ${line}\n`)
        .join('');
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk.toString())));
    ready.push(
      new Promise((resolveReady, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /serving (\d+) product\(s\) at (http:\/\/\S+)/.exec(output);
          if (match && output.includes('API docs'))
            resolveReady({ id: node.id, url: match[2] as string, products: Number(match[1]) });
        });
        child.once('exit', (code) => {
          if (!stopping) {
            process.stderr.write(`[${node.id}] stopped (exit code ${code}); stopping the mesh\n`);
            stopAll();
          }
          reject(new Error(`node ${node.id} exited with ${code}`));
        });
      }),
    );
  }
  process.once('SIGINT', stopAll);
  process.once('SIGTERM', stopAll);
  try {
    const started = await Promise.all(ready);
    const catalog = layout.nodes.find((node) => node.catalog);
    process.stdout.write(`Plexus mesh of ${started.length} nodes on this machine:\n`);
    for (const node of started)
      process.stdout.write(`  ${node.id.padEnd(12)} ${node.url}  (${node.products} product(s))\n`);
    if (catalog)
      process.stdout.write(
        `  catalog:     curl 'http://localhost:${catalog.port}/api/v1/catalog/search?q='\n`,
      );
    for (const line of layout.tour ?? []) process.stdout.write(`  ${line.replaceAll('{token}', token)}\n`);
    process.stdout.write(
      `\nThe administrator token of every node (kept in ${join(dataDir, 'admin-token')}):\n  ${token}\n`,
    );
  } catch {
    stopAll();
    await Promise.all(
      [...children.values()].map((child) =>
        child.exitCode === null ? new Promise((done) => child.once('exit', done)) : undefined,
      ),
    );
    return EXIT.problems;
  }
  await Promise.all(
    [...children.values()].map((child) =>
      child.exitCode === null ? new Promise((done) => child.once('exit', done)) : undefined,
    ),
  );
  return stopping ? EXIT.ok : EXIT.problems;
}
