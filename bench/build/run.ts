// Entry point of `npm run bench:build`: plexus build against DuckDB alone on the same CSV.
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatReport } from './formatReport.ts';
import { generateProduct } from './generateProduct.ts';
import { measureBuild, measureCommand, measureFloor } from './measure.ts';
import { parseOptions } from './options.ts';
import { type BuildProfile, profileBuild } from './profileBuild.ts';
import { stopRunningChildren } from './spawnMeasured.ts';
import { type RunFigures, summarize } from './summarize.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const options = parseOptions(process.argv.slice(2));
const loadBefore = loadavg()[0] ?? Number.NaN;
const work = await mkdtemp(join(tmpdir(), 'plexus-bench-build-'));
// Ctrl-C must not leave a 60 MB CSV and snapshots behind in /tmp.
const removeWork = () => rmSync(work, { recursive: true, force: true });
process.once('SIGINT', () => {
  stopRunningChildren();
  removeWork();
  process.exit(130);
});

try {
  const productDir = options.dir ? resolve(options.dir) : join(work, 'product');
  log(`generating ${options.rows} patients (seed ${options.seed}) in ${productDir}`);
  const started = performance.now();
  const product = await generateProduct(productDir, options.rows, options.seed);
  log(
    `  ${product.csvPath}: ${product.bytes} bytes, sha256 ${product.sha256} (${s(performance.now() - started)})`,
  );

  // One warm-up of each, so that every measured run finds the CSV in the file cache.
  log('warm-up');
  await measureFloor(product.csvPath, work);
  await measureBuild(product.dir, work);
  await measureCommand(product.dir, work);

  const perRun: RunFigures[] = [];
  for (let run = 1; run <= options.runs; run++) {
    // Floor and builds alternate so that slow drift of the machine hits both alike.
    const floor = await measureFloor(product.csvPath, work);
    const build = await measureBuild(product.dir, work);
    const command = await measureCommand(product.dir, work);
    perRun.push({ floor, build, command });
    log(
      `run ${run}/${options.runs}: floor ${s(floor.copyMs)} (process ${s(floor.processMs)}), buildSnapshot ${s(build.buildMs)}, command ${s(command.processMs)}, ratio ${(build.buildMs / floor.copyMs).toFixed(2)}×`,
    );
  }

  const summary = summarize(
    {
      rows: options.rows,
      runs: options.runs,
      seed: options.seed,
      csvBytes: product.bytes,
      csvSha256: product.sha256,
      loadBefore,
    },
    perRun,
  );
  process.stdout.write(formatReport(summary));

  let profile: BuildProfile | undefined;
  if (options.profile) {
    const profiled = await profileBuild(product, work, summary, log);
    profile = profiled.profile;
    process.stdout.write(profiled.text);
  }

  if (options.json) {
    await writeFile(
      resolve(options.json),
      `${JSON.stringify({ ...summary, ...(profile ? { profile } : {}) }, null, 2)}\n`,
    );
    log(`figures written to ${resolve(options.json)}`);
  }
  process.exitCode = summary.verdict.time && summary.verdict.rss ? 0 : 1;
} finally {
  await rm(work, { recursive: true, force: true });
}
