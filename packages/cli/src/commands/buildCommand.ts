import { basename } from 'node:path';
import { BuildFailedError, type BuildOutcome, buildSnapshot } from '@plexus/engine';
import { EXIT } from '../exitCodes.ts';
import { findProductDirs } from '../findProductDirs.ts';
import { formatProblems } from '../output/printProblems.ts';
import { progressBar } from '../output/progressBar.ts';

export interface BuildCommandOptions {
  force?: boolean;
  snapshotRoot?: string;
  dataDir?: string;
  quiet?: boolean;
}

/** Builds one product with a progress bar; returns the outcome, or prints the problems and returns undefined. */
export async function buildOne(dir: string, options: BuildCommandOptions): Promise<BuildOutcome | undefined> {
  const bar = options.quiet ? undefined : progressBar(`building ${basename(dir)}`);
  try {
    const outcome = await buildSnapshot(dir, {
      ...(options.force ? { force: true } : {}),
      ...(options.snapshotRoot ? { snapshotRoot: options.snapshotRoot } : {}),
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      onProgress: (progress) => bar?.update(progress.fraction, progress.message),
    });
    bar?.stop();
    for (const line of formatProblems(dir, outcome.problems)) process.stderr.write(`${line}\n`);
    return outcome;
  } catch (error) {
    bar?.stop();
    if (!(error instanceof BuildFailedError)) throw error;
    for (const line of formatProblems(dir, error.problems)) process.stdout.write(`${line}\n`);
    process.stderr.write(
      `${basename(dir)}: build failed; the previous snapshot (if any) is still the one served\n`,
    );
    return undefined;
  }
}

export function describeOutcome(dir: string, outcome: BuildOutcome): string {
  const { manifest } = outcome.snapshot;
  const entities = `${manifest.model.entityCount} ${outcome.product.entity.plural}`;
  const tests = manifest.tests.length;
  const how = outcome.reused
    ? 'unchanged, snapshot reused'
    : `built, ${tests} data test${tests === 1 ? '' : 's'} passed`;
  return `${basename(dir)}: data version ${manifest.dataVersion} (${entities}; ${how})`;
}

export async function buildCommand(paths: string[], options: BuildCommandOptions): Promise<number> {
  const dirs = await findProductDirs(paths);
  if (options.snapshotRoot && dirs.length > 1) {
    process.stderr.write('--snapshot-root takes one product folder at a time\n');
    return EXIT.usage;
  }
  let failed = false;
  for (const dir of dirs) {
    const outcome = await buildOne(dir, options);
    if (outcome) process.stdout.write(`${describeOutcome(dir, outcome)}\n`);
    else failed = true;
  }
  return failed ? EXIT.problems : EXIT.ok;
}
