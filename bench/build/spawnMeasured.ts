import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { REPORT_ENV } from './childReport.ts';

const running = new Set<ChildProcess>();

/** Stops the measured child, if any: on Ctrl-C it must not go on writing into a removed folder. */
export function stopRunningChildren(): void {
  for (const child of running) child.kill('SIGTERM');
}

export interface Measured<T> {
  /** Wall time of the whole child process as seen by the parent: start-up, work and exit, ms. */
  processMs: number;
  report: T;
}

/**
 * Runs `node <args>` and returns its wall time and the report it wrote at exit. Each measurement is a
 * fresh process so that peak RSS belongs to that measurement alone.
 */
export async function spawnMeasured<T>(
  args: string[],
  reportFile: string,
  cwd: string,
): Promise<Measured<T>> {
  await rm(reportFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, [REPORT_ENV]: reportFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', (exitCode) => done(exitCode));
  }).finally(() => running.delete(child));
  const processMs = performance.now() - started;
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}:\n${output}`);
  const report = JSON.parse(await readFile(reportFile, 'utf8')) as T;
  return { processMs, report };
}
