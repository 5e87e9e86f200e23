// Entry point of `npm run bench:multimodal`: build, cohort counts and feature fetches on a large
// multimodal product, each next to DuckDB alone in the same run.
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnMeasured, stopRunningChildren } from '../build/spawnMeasured.ts';
import type { BuildReport } from './buildChild.ts';
import type { FloorReport } from './floorChild.ts';
import { formatReport, summarize } from './formatReport.ts';
import { generateProduct } from './generateProduct.ts';
import { parseOptions } from './options.ts';
import type { QueryReport } from './queryChild.ts';
import { shapeFor } from './shape.ts';

const here = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(here, '../..');
const log = (line: string) => process.stderr.write(`${line}\n`);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const options = parseOptions(process.argv.slice(2));
const loadBefore = loadavg()[0] ?? Number.NaN;
const work = await mkdtemp(join(tmpdir(), 'plexus-bench-multimodal-'));
process.once('SIGINT', () => {
  stopRunningChildren();
  rmSync(work, { recursive: true, force: true });
  process.exit(130);
});

const child = (name: string) => join(here, name);
const snapshots = join(work, 'snapshots');

async function floor(productDir: string) {
  const out = join(work, 'floor');
  await mkdir(out, { recursive: true });
  try {
    const { processMs, report } = await spawnMeasured<FloorReport>(
      ['--import', 'tsx', child('floorChild.ts'), productDir, out],
      join(work, 'floor.json'),
      REPO_ROOT,
    );
    return { ...report, processMs };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

async function build(productDir: string) {
  // The last build's snapshot stays for the query measurements.
  await rm(snapshots, { recursive: true, force: true });
  const { processMs, report } = await spawnMeasured<BuildReport>(
    ['--import', 'tsx', child('buildChild.ts'), productDir, snapshots],
    join(work, 'build.json'),
    REPO_ROOT,
  );
  return { ...report, processMs };
}

try {
  const shape = shapeFor(options.scale, options.variants);
  const productDir = options.dir ? resolve(options.dir) : join(work, 'product');
  log(
    `generating scale ${options.scale} (seed ${options.seed}, variants as ${shape.variants}) in ${productDir}`,
  );
  const product = await generateProduct(productDir, shape, options.seed, log);
  log(`  done in ${s(product.ms)}`);

  log('warm-up: one floor and one build');
  await floor(product.dir);
  await build(product.dir);
  const floors: Array<Awaited<ReturnType<typeof floor>>> = [];
  const builds: Array<Awaited<ReturnType<typeof build>>> = [];
  for (let run = 1; run <= options.runs; run++) {
    const f = await floor(product.dir);
    const b = await build(product.dir);
    floors.push(f);
    builds.push(b);
    log(
      `run ${run}/${options.runs}: floor ${s(f.totalMs)}, buildSnapshot ${s(b.buildMs)} (${(b.maxRssKiB / 1024).toFixed(0)} MiB), ratio ${(b.buildMs / f.totalMs).toFixed(2)}×`,
    );
  }

  log(`queries: ${options.reps} repetitions of each cohort query, ${options.features} features fetched`);
  const queries = await spawnMeasured<QueryReport>(
    [
      '--import',
      'tsx',
      child('queryChild.ts'),
      snapshots,
      String(options.reps),
      String(options.features),
      String(options.seed),
    ],
    join(work, 'queries.json'),
    REPO_ROOT,
  );

  const summary = summarize({
    options,
    product,
    loadBefore,
    floors,
    builds,
    queries: queries.report,
  });
  process.stdout.write(formatReport(summary));
  if (options.json) {
    await writeFile(resolve(options.json), `${JSON.stringify(summary, null, 2)}\n`);
    log(`figures written to ${resolve(options.json)}`);
  }
  process.exitCode = Object.values(summary.verdict).every(Boolean) ? 0 : 1;
} finally {
  await rm(work, { recursive: true, force: true });
}
