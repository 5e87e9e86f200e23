import { rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildReport } from './buildChild.ts';
import type { ChildReport } from './childReport.ts';
import type { VariantTiming } from './entityCopyChild.ts';
import type { FloorReport } from './floorChild.ts';
import { spawnMeasured } from './spawnMeasured.ts';

const here = dirname(fileURLToPath(import.meta.url));
/** Children start in the repository root so that `--import tsx` and workspace packages resolve. */
export const REPO_ROOT = resolve(here, '../..');
const CLI = join(REPO_ROOT, 'packages/cli/bin/plexus.mjs');

export interface FloorFigures extends FloorReport {
  processMs: number;
}

export interface BuildFigures extends BuildReport {
  processMs: number;
}

export interface CommandFigures extends ChildReport {
  processMs: number;
}

/** DuckDB alone: read_csv → Parquet in a fresh process. */
export async function measureFloor(csvPath: string, work: string): Promise<FloorFigures> {
  const out = join(work, 'floor.parquet');
  try {
    const { processMs, report } = await spawnMeasured<FloorReport>(
      ['--import', 'tsx', join(here, 'floorChild.ts'), csvPath, out],
      join(work, 'floor.json'),
      REPO_ROOT,
    );
    return { ...report, processMs };
  } finally {
    await rm(out, { force: true });
  }
}

/** buildSnapshot() called in a fresh process, timed around the call and per phase. */
export async function measureBuild(productDir: string, work: string, trace = false): Promise<BuildFigures> {
  const snapshots = join(work, 'build-snapshots');
  try {
    const { processMs, report } = await spawnMeasured<BuildReport>(
      ['--import', 'tsx', join(here, 'buildChild.ts'), productDir, snapshots, ...(trace ? ['--trace'] : [])],
      join(work, 'build.json'),
      REPO_ROOT,
    );
    return { ...report, processMs };
  } finally {
    await rm(snapshots, { recursive: true, force: true });
  }
}

/** What a user runs: `plexus build <dir> --force`, start-up and exit included. */
export async function measureCommand(productDir: string, work: string): Promise<CommandFigures> {
  const snapshots = join(work, 'command-snapshots');
  try {
    const { processMs, report } = await spawnMeasured<ChildReport>(
      [
        '--import',
        pathToFileURL(join(here, 'rssAtExit.mjs')).href,
        CLI,
        'build',
        productDir,
        '--force',
        '--snapshot-root',
        snapshots,
      ],
      join(work, 'command.json'),
      REPO_ROOT,
    );
    return { ...report, processMs };
  } finally {
    await rm(snapshots, { recursive: true, force: true });
  }
}

/** Profiling: the engine's own entity COPY (from a traced build) replayed beside the floor. */
export async function measureEntityCopy(
  entitySql: string,
  csvPath: string,
  work: string,
  rounds = 3,
): Promise<VariantTiming[]> {
  const sqlFile = join(work, 'entity.sql');
  await writeFile(sqlFile, entitySql);
  const { report } = await spawnMeasured<{ variants: VariantTiming[] }>(
    [
      '--import',
      'tsx',
      join(here, 'entityCopyChild.ts'),
      sqlFile,
      csvPath,
      join(work, 'variant.parquet'),
      String(rounds),
    ],
    join(work, 'variants.json'),
    REPO_ROOT,
  );
  return report.variants;
}
