import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GitState {
  commit: string;
  /** True when the product folder has uncommitted changes: the commit alone does not reproduce it. */
  dirty: boolean;
}

/** The commit of the repository holding the folder, or null when it is not in one (or git is absent). */
export async function gitState(dir: string): Promise<GitState | null> {
  try {
    const { stdout: commit } = await run('git', ['-C', dir, 'rev-parse', 'HEAD'], { timeout: 5000 });
    const { stdout: status } = await run('git', ['-C', dir, 'status', '--porcelain', '--', '.'], {
      timeout: 5000,
    });
    return { commit: commit.trim(), dirty: status.trim() !== '' };
  } catch {
    return null;
  }
}
