import { execFile } from 'node:child_process';
import { InputError } from '@plexus/spec';

export interface GitResult {
  ok: boolean;
  stdout: Buffer;
  stderr: string;
}

/** Runs git in `cwd` and returns its output; never throws for a failing git command, only when git is missing. */
export function git(cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      [...args],
      {
        cwd,
        encoding: 'buffer',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(
            new InputError('git is not installed (or not on PATH): it is needed to read a git revision'),
          );
          return;
        }
        resolvePromise({ ok: !error, stdout, stderr: stderr.toString('utf8').trim() });
      },
    );
  });
}

/** The root of the git work tree holding `dir`, or undefined when it is not in one. */
export async function gitRoot(dir: string): Promise<string | undefined> {
  const result = await git(dir, ['rev-parse', '--show-toplevel']);
  return result.ok ? result.stdout.toString('utf8').trim() : undefined;
}
