import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildSnapshot } from '@plexus/engine';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deployCommand, deploymentsCommand, rollbackCommand } from './deployCommand.ts';

// The CLI side of deployments against a stand-in HTTP server that answers as a node would; the
// end-to-end test against a real node lives with the server.
const CLI = resolve(import.meta.dirname, '../../bin/plexus.mjs');
const PRODUCT = resolve(import.meta.dirname, '../../../../products/va-lung-trial');
const run = promisify(execFile);
let dataDir: string;
let server: Server;
let node: string;

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  bytes: number;
}
let received: Received[] = [];
let answer: (request: Received, response: ServerResponse) => void;

async function plexus(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PLEXUS_DATA_DIR: dataDir };
  delete env.PLEXUS_NODE;
  delete env.PLEXUS_TOKEN;
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const deployment = (version: string, dataVersion: string) => ({
  productId: 'va-lung-trial',
  channel: 'staging',
  definitionHash: '0123456789abcdef',
  dataVersion,
  productVersion: version,
  gitCommit: 'ccdac0fba54e95a7ff4822d8d8d56d36869cb3da',
  deployedAt: '2026-01-02T03:04:05.000Z',
  deployedBy: 'alice',
});

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plexus-deploy-'));
  await buildSnapshot(PRODUCT, { dataDir });
  server = createServer((request, response) => {
    let bytes = 0;
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    request.on('end', () => {
      const entry = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, bytes };
      received.push(entry);
      answer(entry, response);
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  node = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs a command function in this process, collecting what it writes to stderr. */
async function stderrOf(command: () => Promise<number>): Promise<{ code: number; stderr: string }> {
  const written: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    return { code: await command(), stderr: written.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('plexus deploy: usage', () => {
  it('exits 2 without --node, with a bad --channel or without one', async () => {
    const saved = process.env.PLEXUS_NODE;
    delete process.env.PLEXUS_NODE;
    try {
      const noNode = await stderrOf(() => deployCommand(PRODUCT, { channel: 'staging' }));
      expect(noNode.code).toBe(2);
      expect(noNode.stderr).toContain('pass --node URL');
      const badChannel = await stderrOf(() => deployCommand(PRODUCT, { node, channel: 'prod' }));
      expect(badChannel.code).toBe(2);
      expect(badChannel.stderr).toContain("--channel is staging or production, found 'prod'");
      const noChannel = await stderrOf(() => rollbackCommand('va-lung-trial', { node }));
      expect(noChannel.code).toBe(2);
      expect(noChannel.stderr).toContain('needs --channel staging or --channel production');
      const badNode = await stderrOf(() =>
        deploymentsCommand('va-lung-trial', { node: 'ftp://example.org' }),
      );
      expect(badNode.code).toBe(2);
      expect(badNode.stderr).toContain('must be an http:// or https:// URL');
    } finally {
      if (saved !== undefined) process.env.PLEXUS_NODE = saved;
    }
    // The same through the command line.
    const cli = await plexus('deploy', PRODUCT, '--channel', 'staging');
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('pass --node URL');
  });

  it('teaches with --help', async () => {
    const help = await plexus('deploy', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--channel');
    expect(help.stdout).toContain('runs its tests');
    expect((await plexus('--help')).stdout).toContain('plexus rollback');
  });

  it('exits 1 with "build first" when the product has no snapshot, before calling the node', async () => {
    received = [];
    const empty = await mkdtemp(join(tmpdir(), 'plexus-deploy-empty-'));
    try {
      const { code, stderr } = await plexus(
        'deploy',
        PRODUCT,
        '--node',
        node,
        '--channel',
        'staging',
        '--data-dir',
        empty,
      );
      expect(code).toBe(1);
      expect(stderr).toContain("run 'plexus build");
      expect(received).toEqual([]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('plexus deploy: what the node answers', () => {
  it('uploads the bundle as application/gzip and prints the switch, tests and previous version', async () => {
    received = [];
    answer = (_request, response) =>
      reply(response, 200, {
        deployment: {
          ...deployment('1.0.0', 'd660bcec82d3544b'),
          tests: {
            status: 'passed',
            cases: 12,
            passed: 12,
            failed: 0,
            errors: 0,
            untestedProtocols: [],
            failures: [],
            checkedAt: '2026-01-02T03:04:05.000Z',
          },
        },
        previous: deployment('0.9.0', 'aaaaaaaaaaaaaaaa'),
      });
    const { code, stdout } = await plexus(
      'deploy',
      PRODUCT,
      '--node',
      node,
      '--channel',
      'staging',
      '--token',
      'secret',
    );
    expect(code).toBe(0);
    const [request] = received;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/v1/products/va-lung-trial/deployments?channel=staging');
    expect(request?.headers['content-type']).toBe('application/gzip');
    expect(request?.headers.authorization).toBe('Bearer secret');
    expect(request?.bytes).toBe(Number(request?.headers['content-length']));
    expect(stdout).toContain('va-lung-trial 1.0.0 is now served on staging');
    expect(stdout).toContain('passed — 12 of 12 cases passed');
    expect(stdout).toMatch(/previous: 0\.9\.0/);
    expect(stdout).toContain(`plexus rollback va-lung-trial --node ${node} --channel staging`);
  });

  it('exits 1 and prints the failures when the node refuses the version (409)', async () => {
    answer = (_request, response) =>
      reply(response, 409, {
        error: {
          code: 'CONFLICT',
          message: 'va-lung-trial 1.0.0 fails 1 of its 12 test cases: kaplan-meier: by arm',
          details: [
            { message: 'kaplan-meier: by arm' },
            { message: 'log-rank p: expected < 0.05, found 0.9' },
          ],
        },
      });
    const { code, stderr } = await plexus('deploy', PRODUCT, '--node', node, '--channel', 'production');
    expect(code).toBe(1);
    expect(stderr).toContain('CONFLICT: va-lung-trial 1.0.0 fails 1 of its 12 test cases');
    expect(stderr).toContain('log-rank p: expected < 0.05, found 0.9');
    expect(stderr).toContain('keeps serving the previous version');
  });

  it('exits 77 when the node refuses the credentials', async () => {
    answer = (_request, response) =>
      reply(response, 401, { error: { code: 'UNAUTHENTICATED', message: 'a token is needed', details: [] } });
    expect((await plexus('deploy', PRODUCT, '--node', node, '--channel', 'staging')).code).toBe(77);
    answer = (_request, response) =>
      reply(response, 403, { error: { code: 'NOT_ALLOWED', message: 'owners only', details: [] } });
    expect((await plexus('deploy', PRODUCT, '--node', node, '--channel', 'staging')).code).toBe(77);
  });

  it('exits 69 when the node cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((listening) => closed.listen(0, '127.0.0.1', listening));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const unreachable = await plexus(
      'deploy',
      PRODUCT,
      '--node',
      `http://127.0.0.1:${port}`,
      '--channel',
      'staging',
    );
    expect(unreachable.code).toBe(69);
    expect(unreachable.stderr).toContain('cannot reach the node');
  });

  it('rolls back and lists deployments', async () => {
    received = [];
    answer = (request, response) => {
      if (request.url.endsWith('/rollback'))
        reply(response, 200, {
          deployment: deployment('0.9.0', 'aaaaaaaaaaaaaaaa'),
          previous: deployment('1.0.0', 'd660bcec82d3544b'),
        });
      else
        reply(response, 200, {
          channels: {
            production: { current: null, history: [] },
            staging: {
              current: deployment('0.9.0', 'aaaaaaaaaaaaaaaa'),
              history: [deployment('1.0.0', 'd660bcec82d3544b'), deployment('0.9.0', 'aaaaaaaaaaaaaaaa')],
            },
          },
        });
    };
    const rollback = await plexus('rollback', 'va-lung-trial', '--node', node, '--channel', 'staging');
    expect(rollback.code).toBe(0);
    expect(received[0]?.url).toBe('/api/v1/products/va-lung-trial/deployments/rollback');
    expect(rollback.stdout).toContain('va-lung-trial 0.9.0 is served again on staging');
    expect(rollback.stdout).toMatch(/replaced: 1\.0\.0/);
    const listed = await plexus('deployments', 'va-lung-trial', '--node', node);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('production: nothing deployed');
    expect(listed.stdout).toMatch(/staging: 0\.9\.0 {2}data aaaaaaaaaaaa/);
    expect(listed.stdout).toContain('history (2):');
    answer = (_request, response) =>
      reply(response, 409, { error: { code: 'CONFLICT', message: 'nothing to roll back to', details: [] } });
    const nothing = await plexus('rollback', 'va-lung-trial', '--node', node, '--channel', 'production');
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain('nothing to roll back to');
  });
});
