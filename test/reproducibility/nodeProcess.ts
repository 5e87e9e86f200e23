import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

const CLI = resolve(import.meta.dirname, '../../packages/cli/bin/plexus.mjs');

/** A `plexus serve` process on a free loopback port, as an operator would start it. */
export interface NodeProcess {
  base: string;
  output: () => string;
  /** SIGTERM and wait: a graceful stop. */
  stop(): Promise<void>;
  /** SIGKILL: the node dies without a chance to record anything. */
  kill(): Promise<void>;
}

export async function startNode(
  productDir: string,
  dataDir: string,
  env: Record<string, string> = {},
  args: readonly string[] = [],
): Promise<NodeProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, 'serve', productDir, '--build', '--port', '0', '--data-dir', dataDir, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const base = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`node did not start:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving \d+ product\(s\) at (http:\/\/\S+)/.exec(output);
      if (match?.[1] && output.includes('API docs')) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node exited with ${code}:\n${output}`));
    });
  });
  const ended = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exit = once(child, 'exit');
    child.kill(signal);
    await exit;
  };
  return { base, output: () => output, stop: () => ended('SIGTERM'), kill: () => ended('SIGKILL') };
}
