import { cpus, totalmem } from 'node:os';
import { median, type Spread, spread } from '../build/stats.ts';
import type { BuildReport } from './buildChild.ts';
import type { FloorReport } from './floorChild.ts';
import type { GeneratedProduct } from './generateProduct.ts';
import type { BenchOptions } from './options.ts';
import type { QueryReport } from './queryChild.ts';

/** The issue's targets. */
export const TARGETS = { cohortRatio: 1.5, attritionRatio: 1.5, fetchP50Ms: 20 } as const;

type Measured<T> = T & { processMs: number };

export interface Ratio extends Spread {
  /** median(engine) / median(baseline). */
  ofMedians: number;
}

export interface Summary {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverageBefore: number };
  options: BenchOptions;
  product: Omit<GeneratedProduct, 'profiled' | 'dir'>;
  build: {
    floorMs: Spread;
    floorSteps: Array<{ step: string } & Spread>;
    buildMs: Spread;
    buildCpuMs: Spread;
    processMs: Spread;
    steps: Array<{ step: string } & Spread>;
    /** buildSnapshot / floor, per run (each pair ran back to back). */
    ratio: Ratio;
    /** Build step against the floor statement writing the same table. */
    stepRatios: Array<{ step: string; floor: string; ratio: Spread }>;
    rssMiB: { floor: Spread; build: Spread };
    tables: BuildReport['tables'];
  };
  queries: {
    cohortCount: number;
    attrition: number[];
    count: { engine: Spread; hand: Spread; ratio: Ratio; compile: Spread; sql: Spread };
    attrition_: { engine: Spread; hand: Spread; ratio: Ratio };
    fetch: { frame: Spread; matrix: Spread; hand: Spread; frameRatio: Ratio; matrixRatio: Ratio };
    frameEntityIdsMs: Spread;
    rssMiB: number;
  };
  /**
   * The targets. A frame is not among them: it holds every entity of the cohort (100,000 patients), of
   * which only the profiled 2,000 have values; fetching a feature across the samples is `matrix`.
   */
  verdict: { cohortCount: boolean; attrition: boolean; fetchMatrix: boolean };
}

function ratio(engine: readonly number[], baseline: readonly number[]): Ratio {
  const pairs = engine.map((value, index) => value / (baseline[index] ?? Number.NaN));
  return { ...spread(pairs), ofMedians: median(engine) / median(baseline) };
}

const FLOOR_OF: Record<string, string> = {
  read: 'entities',
  'modality events': 'events',
  'modality expression': 'expression',
  'modality somatic': 'variants',
};

export function summarize(input: {
  options: BenchOptions;
  product: GeneratedProduct;
  loadBefore: number;
  floors: Array<Measured<FloorReport>>;
  builds: Array<Measured<BuildReport>>;
  queries: QueryReport;
}): Summary {
  const { floors, builds, queries } = input;
  const stepNames = builds[0]?.steps.map((step) => step.step) ?? [];
  const stepOf = (build: BuildReport, name: string) =>
    build.steps.find((step) => step.step === name)?.ms ?? 0;
  const floorNames = floors[0]?.steps.map((step) => step.step) ?? [];
  const floorOf = (floor: FloorReport, name: string) =>
    floor.steps.find((step) => step.step === name)?.ms ?? Number.NaN;
  const { profiled: _profiled, dir: _dir, ...product } = input.product;
  const count = ratio(queries.count.engine, queries.count.hand);
  const attrition = ratio(queries.attritionMs.engine, queries.attritionMs.hand);
  const frame = spread(queries.fetch.frame);
  const matrix = spread(queries.fetch.matrix);
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      loadAverageBefore: input.loadBefore,
    },
    options: input.options,
    product,
    build: {
      floorMs: spread(floors.map((floor) => floor.totalMs)),
      floorSteps: floorNames.map((step) => ({
        step,
        ...spread(floors.map((floor) => floorOf(floor, step))),
      })),
      buildMs: spread(builds.map((build) => build.buildMs)),
      buildCpuMs: spread(builds.map((build) => build.buildCpuMs)),
      processMs: spread(builds.map((build) => build.processMs)),
      steps: stepNames.map((step) => ({ step, ...spread(builds.map((build) => stepOf(build, step))) })),
      ratio: ratio(
        builds.map((build) => build.buildMs),
        floors.map((floor) => floor.totalMs),
      ),
      stepRatios: stepNames
        .filter((step) => FLOOR_OF[step] !== undefined && floorNames.includes(FLOOR_OF[step] ?? ''))
        .map((step) => ({
          step,
          floor: FLOOR_OF[step] ?? '',
          ratio: spread(
            builds.map(
              (build, run) => stepOf(build, step) / floorOf(floors[run] ?? floors[0]!, FLOOR_OF[step] ?? ''),
            ),
          ),
        })),
      rssMiB: {
        floor: spread(floors.map((floor) => floor.maxRssKiB / 1024)),
        build: spread(builds.map((build) => build.maxRssKiB / 1024)),
      },
      tables: builds[0]?.tables ?? [],
    },
    queries: {
      cohortCount: queries.cohortCount,
      attrition: queries.attrition,
      count: {
        engine: spread(queries.count.engine),
        hand: spread(queries.count.hand),
        ratio: count,
        compile: spread(queries.countParts.compile),
        sql: spread(queries.countParts.sql),
      },
      attrition_: {
        engine: spread(queries.attritionMs.engine),
        hand: spread(queries.attritionMs.hand),
        ratio: attrition,
      },
      fetch: {
        frame,
        matrix,
        hand: spread(queries.fetch.hand),
        frameRatio: ratio(queries.fetch.frame, queries.fetch.hand),
        matrixRatio: ratio(queries.fetch.matrix, queries.fetch.hand),
      },
      frameEntityIdsMs: spread(queries.frameParts.entityIds),
      rssMiB: queries.maxRssKiB / 1024,
    },
    verdict: {
      cohortCount: count.median <= TARGETS.cohortRatio,
      attrition: attrition.median <= TARGETS.attritionRatio,
      fetchMatrix: matrix.median < TARGETS.fetchP50Ms,
    },
  };
}

const LABEL = 52;
const sec = (ms: number) => (ms / 1000).toFixed(2);
const msec = (ms: number) => ms.toFixed(1);
const times = (value: number) => `${value.toFixed(2)}×`;
const whole = (value: number) => value.toFixed(0);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function row(label: string, unit: string, values: Spread, format: (value: number) => string): string {
  const cells = [values.median, values.min, values.max].map((value) => format(value).padStart(9));
  return `${label.padEnd(LABEL)}${unit.padEnd(5)}${cells.join('')}`;
}

function ratioRow(label: string, value: Ratio): string {
  return `${row(label, '×', value, times)}   (ratio of medians ${times(value.ofMedians)})`;
}

export function formatReport(summary: Summary): string {
  const { build, queries, product } = summary;
  const head = `${''.padEnd(LABEL + 5)}${['median', 'min', 'max'].map((name) => name.padStart(9)).join('')}`;
  const load = summary.machine.loadAverageBefore;
  return [
    '',
    `bench/multimodal — scale ${summary.options.scale}: ${product.shape.patients.toLocaleString('en')} patients, ${product.events.toLocaleString('en')} events, ${product.shape.features.toLocaleString('en')} features × ${product.shape.profiled.toLocaleString('en')} samples, ${product.carriedVariants.toLocaleString('en')} carried variants (${product.shape.variants.toUpperCase()}), seed ${summary.options.seed}`,
    `generated in ${sec(product.ms)} s: ${product.files.map((file) => `${file.name} ${mb(file.bytes)} (${file.sha256.slice(0, 12)}…)`).join(', ')}`,
    `${summary.machine.cpus} × ${summary.machine.cpuModel}, ${summary.machine.memoryGiB} GiB, node ${summary.machine.node}; load average before the runs ${load.toFixed(2)}`,
    '',
    `BUILD — ${summary.options.runs} runs after 1 warm-up, each a fresh process`,
    head,
    row('floor: DuckDB alone, every source → Parquet', 's', build.floorMs, sec),
    ...build.floorSteps.map((step) => row(`  floor ${step.step}`, 's', step, sec)),
    row('buildSnapshot() call', 's', build.buildMs, sec),
    ...build.steps.map((step) => row(`  ${step.step}`, 's', step, sec)),
    row('buildSnapshot() CPU, all threads', 's', build.buildCpuMs, sec),
    row('build child process, start-up to exit', 's', build.processMs, sec),
    ratioRow('ratio buildSnapshot / floor (per run)', build.ratio),
    ...build.stepRatios.map((step) =>
      row(`  ratio ${step.step} / floor ${step.floor}`, '×', step.ratio, times),
    ),
    row('peak RSS: floor process', 'MiB', build.rssMiB.floor, whole),
    row('peak RSS: buildSnapshot process', 'MiB', build.rssMiB.build, whole),
    `snapshot tables: ${build.tables.map((table) => `${table.name} ${table.rows.toLocaleString('en')} rows ${mb(table.bytes)}`).join(', ')}`,
    '',
    `COHORT — ${summary.options.reps} repetitions, engine and hand-written DuckDB alternating; ${queries.cohortCount} patients match, attrition ${queries.attrition.join(' → ')}`,
    `${''.padEnd(LABEL + 5)}${['p50', 'min', 'max'].map((name) => name.padStart(9)).join('')}`,
    row('count: SnapshotReader.count', 'ms', queries.count.engine, msec),
    row('count: hand-written DuckDB', 'ms', queries.count.hand, msec),
    ratioRow(`ratio count (target ≤ ${TARGETS.cohortRatio}×)`, queries.count.ratio),
    row('  of which compileCohort (resolve, feature lookup)', 'ms', queries.count.compile, msec),
    row('  of which the compiled SQL alone', 'ms', queries.count.sql, msec),
    row('attrition: SnapshotReader.attrition', 'ms', queries.attrition_.engine, msec),
    row('attrition: hand-written DuckDB', 'ms', queries.attrition_.hand, msec),
    ratioRow(`ratio attrition (target ≤ ${TARGETS.attritionRatio}×)`, queries.attrition_.ratio),
    '',
    `FEATURE FETCH — ${summary.options.features} random features, one fetch per method each, order rotated`,
    `${''.padEnd(LABEL + 5)}${['p50', 'min', 'max'].map((name) => name.padStart(9)).join('')}`,
    row("frame(['expression:<id>']), every patient", 'ms', queries.fetch.frame, msec),
    row("matrix({features: ['<id>']})", 'ms', queries.fetch.matrix, msec),
    row('hand-written SELECT "values" … WHERE feature = $1', 'ms', queries.fetch.hand, msec),
    ratioRow('ratio frame / hand-written', queries.fetch.frameRatio),
    ratioRow('ratio matrix / hand-written', queries.fetch.matrixRatio),
    row('  frame base query: every entity id, sorted', 'ms', queries.frameEntityIdsMs, msec),
    `peak RSS of the query process: ${whole(queries.rssMiB)} MiB`,
    '',
    `verdict: cohort count ${pass(summary.verdict.cohortCount)} (${times(queries.count.ratio.median)}), attrition ${pass(summary.verdict.attrition)} (${times(queries.attrition_.ratio.median)}), frame over every patient (no target) ${msec(queries.fetch.frame.median)} ms, fetch matrix ${pass(summary.verdict.fetchMatrix)} (${msec(queries.fetch.matrix.median)} ms); targets: ≤ ${TARGETS.cohortRatio}×, ≤ ${TARGETS.attritionRatio}×, < ${TARGETS.fetchP50Ms} ms`,
    '',
  ].join('\n');
}
