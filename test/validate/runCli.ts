import { spawn } from 'node:child_process';
import { cliBin } from './corpusFiles.ts';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `plexus` entry point (with its own TypeScript loader) as a user would, in `cwd`. */
export function runCli(args: readonly string[], cwd: string): Promise<CliResult> {
  // PLEXUS_DEBUG would make the CLI print stacks on purpose; the tests check that none leak without it.
  const { PLEXUS_DEBUG: _debug, ...env } = process.env;
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
