import { relative, resolve } from 'node:path';
import { megabytes, packBundle } from '../deploy/packBundle.ts';
import { EXIT } from '../exitCodes.ts';
import { callNode, type NodeOptions, uploadToNode } from '../node/nodeClient.ts';
import { progressBar } from '../output/progressBar.ts';

export const CHANNELS = ['staging', 'production'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface DeployOptions extends NodeOptions {
  channel?: string;
  dataDir?: string;
  snapshotRoot?: string;
  json?: boolean;
}

export interface RollbackOptions extends NodeOptions {
  channel?: string;
  json?: boolean;
}

export interface DeploymentsOptions extends NodeOptions {
  json?: boolean;
}

/** One deployment of a product version to a channel, as the node records it. */
export interface Deployment {
  productId: string;
  channel: Channel;
  definitionHash: string;
  dataVersion: string;
  productVersion: string;
  gitCommit: string | null;
  deployedAt: string;
  deployedBy: unknown;
  tests?: {
    status: 'passed' | 'failed' | 'none';
    cases: number;
    passed: number;
    failed: number;
    errors: number;
    untestedProtocols: string[];
    failures: string[];
    checkedAt: string;
  };
}

interface DeploymentAnswer {
  deployment: Deployment;
  previous: Deployment | null;
}

interface ChannelState {
  current: Deployment | null;
  history: Deployment[];
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The node to deploy to: --node or $PLEXUS_NODE, never a silent default. Undefined (after saying why) when missing or malformed. */
function deployNode(options: NodeOptions, command: string): string | undefined {
  const node = options.node ?? process.env.PLEXUS_NODE;
  if (!node) {
    err(
      `plexus ${command} needs the node: pass --node URL (or set PLEXUS_NODE), e.g. --node https://plexus.example.org`,
    );
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(node);
  } catch {
    err(`--node '${node}' is not a URL: expected e.g. https://plexus.example.org`);
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    err(`--node '${node}' must be an http:// or https:// URL`);
    return undefined;
  }
  return node.replace(/\/+$/, '');
}

function checkChannel(channel: string | undefined, command: string): Channel | undefined {
  if (channel !== undefined && (CHANNELS as readonly string[]).includes(channel)) return channel as Channel;
  err(
    channel === undefined
      ? `plexus ${command} needs --channel staging or --channel production`
      : `--channel is staging or production, found '${channel}'`,
  );
  return undefined;
}

const short = (hash: string | null | undefined) => (hash ? hash.slice(0, 12) : '—');

function who(deployedBy: unknown): string {
  if (typeof deployedBy === 'string') return deployedBy;
  if (deployedBy && typeof deployedBy === 'object') {
    const by = deployedBy as Record<string, unknown>;
    for (const key of ['name', 'email', 'id', 'userId'])
      if (typeof by[key] === 'string' && by[key] !== '') return by[key] as string;
  }
  return 'unknown';
}

/** One line for a deployed version: version, data version, definition, commit, when and by whom. */
export function describeDeployment(deployment: Deployment): string {
  return [
    deployment.productVersion,
    `data ${short(deployment.dataVersion)}`,
    `definition ${short(deployment.definitionHash)}`,
    `commit ${deployment.gitCommit ? short(deployment.gitCommit) + (deployment.gitCommit.endsWith('-dirty') ? '-dirty' : '') : 'none'}`,
    `deployed ${deployment.deployedAt} by ${who(deployment.deployedBy)}`,
  ].join('  ');
}

function describeTests(tests: Deployment['tests']): string {
  if (!tests) return 'not reported';
  if (tests.status === 'none') return 'none — the product has no tests/*.yaml';
  const problems = [
    tests.failed > 0 ? `${tests.failed} failed` : '',
    tests.errors > 0 ? plural(tests.errors, 'error') : '',
  ].filter(Boolean);
  return `${tests.status} — ${tests.passed} of ${plural(tests.cases, 'case')} passed${problems.length > 0 ? ` (${problems.join(', ')})` : ''}`;
}

function printSwitch(
  verb: string,
  answer: DeploymentAnswer,
  node: string,
  channel: Channel,
  rollback: boolean,
): void {
  const { deployment, previous } = answer;
  out(`${deployment.productId} ${deployment.productVersion} ${verb} on ${channel} at ${node}`);
  out(`  version:  ${describeDeployment(deployment)}`);
  if (deployment.tests) {
    out(`  tests:    ${describeTests(deployment.tests)}`);
    if (deployment.tests.untestedProtocols.length > 0)
      out(`            without a test: ${deployment.tests.untestedProtocols.join(', ')}`);
  }
  if (rollback) {
    if (previous) out(`  replaced: ${describeDeployment(previous)}`);
  } else if (previous) {
    out(`  previous: ${describeDeployment(previous)}`);
    out(
      `            kept for rollback: plexus rollback ${deployment.productId} --node ${node} --channel ${channel}`,
    );
  } else out(`  previous: none — this is the first version on ${channel}`);
}

/**
 * `plexus deploy <dir> --node URL --channel staging|production`: packs the built product (definition
 * and snapshot) into a bundle, uploads it, and prints the version the node switched to. The node loads
 * the version and runs its tests before it switches; when it refuses, it keeps serving the previous one.
 */
export async function deployCommand(dir: string, options: DeployOptions): Promise<number> {
  const node = deployNode(options, 'deploy');
  const channel = checkChannel(options.channel, 'deploy');
  if (!node || !channel) return EXIT.usage;
  const shown = relative(process.cwd(), resolve(dir)) || '.';
  const status = (line: string) => (options.json ? err(line) : out(line));

  const packing = progressBar(`packing ${shown}`, options.json ? process.stderr : process.stdout);
  let bundle: Awaited<ReturnType<typeof packBundle>>;
  try {
    bundle = await packBundle(dir, {
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.snapshotRoot ? { snapshotRoot: options.snapshotRoot } : {}),
      onProgress: (fraction, label) => packing.update(fraction, label),
    });
  } finally {
    packing.stop();
  }
  try {
    for (const warning of bundle.warnings) err(warning);
    const { manifest } = bundle;
    status(
      `packed ${manifest.productId} ${manifest.productVersion}: data version ${manifest.dataVersion}, ${plural(manifest.files.length, 'definition file')}, commit ${manifest.gitCommit ?? 'none (not in git)'}; ${megabytes(bundle.bytes)}`,
    );
    if (manifest.gitCommit?.endsWith('-dirty'))
      err(
        'warning: the product folder has uncommitted changes: the commit alone does not reproduce this version',
      );
    status(`uploading to ${node} (${channel})…`);
    const uploading = progressBar('uploading', options.json ? process.stderr : process.stdout);
    let waiting = false;
    const answer = await uploadToNode(
      { ...options, node },
      `/api/v1/products/${encodeURIComponent(manifest.productId)}/deployments?channel=${channel}`,
      {
        file: bundle.file,
        bytes: bundle.bytes,
        contentType: 'application/gzip',
        onProgress: (sent, total) => {
          uploading.update(total === 0 ? 1 : sent / total, `${megabytes(sent)} of ${megabytes(total)}`);
          if (sent >= total && !waiting) {
            waiting = true;
            uploading.stop();
            status('uploaded; the node is loading the version and running its tests…');
          }
        },
      },
    );
    uploading.stop();
    if (!answer.ok) {
      if (answer.status === 409)
        err(
          `the node refused ${manifest.productId} ${manifest.productVersion} on ${channel} and keeps serving the previous version`,
        );
      return answer.exitCode;
    }
    if (options.json) out(JSON.stringify(answer.body, null, 2));
    else printSwitch('is now served', answer.body as DeploymentAnswer, node, channel, false);
    return EXIT.ok;
  } finally {
    await bundle.dispose();
  }
}

/** `plexus rollback <productId> --node URL --channel …`: the channel serves the version it served before. */
export async function rollbackCommand(productId: string, options: RollbackOptions): Promise<number> {
  const node = deployNode(options, 'rollback');
  const channel = checkChannel(options.channel, 'rollback');
  if (!node || !channel) return EXIT.usage;
  const answer = await callNode(
    { ...options, node },
    'POST',
    `/api/v1/products/${encodeURIComponent(productId)}/deployments/rollback`,
    { channel },
  );
  if (!answer.ok) {
    if (answer.status === 409)
      err(`nothing to roll back to: see plexus deployments ${productId} --node ${node}`);
    // As for deploy: a token the node knows but that may not deploy is a credentials problem too.
    return answer.status === 403 ? EXIT.noPermission : answer.exitCode;
  }
  if (options.json) out(JSON.stringify(answer.body, null, 2));
  else printSwitch('is served again', answer.body as DeploymentAnswer, node, channel, true);
  return EXIT.ok;
}

/** `plexus deployments <productId> --node URL`: each channel's current version and its history. */
export async function deploymentsCommand(productId: string, options: DeploymentsOptions): Promise<number> {
  const node = deployNode(options, 'deployments');
  if (!node) return EXIT.usage;
  const answer = await callNode(
    { ...options, node },
    'GET',
    `/api/v1/products/${encodeURIComponent(productId)}/deployments`,
  );
  if (!answer.ok) return answer.status === 403 ? EXIT.noPermission : answer.exitCode;
  if (options.json) {
    out(JSON.stringify(answer.body, null, 2));
    return EXIT.ok;
  }
  const { channels } = answer.body as { channels: Partial<Record<Channel, ChannelState>> };
  out(`${productId} at ${node}`);
  for (const channel of CHANNELS) {
    const state = channels?.[channel];
    out();
    if (!state?.current) {
      out(`${channel}: nothing deployed`);
      continue;
    }
    out(`${channel}: ${describeDeployment(state.current)}`);
    if (state.current.tests) out(`  tests: ${describeTests(state.current.tests)}`);
    const history = state.history ?? [];
    if (history.length > 0) {
      out(`  history (${history.length}):`);
      for (const entry of history) out(`    ${describeDeployment(entry)}`);
    }
  }
  return EXIT.ok;
}
