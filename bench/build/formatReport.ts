import type { VariantTiming } from './entityCopyChild.ts';
import { type Spread, spread } from './stats.ts';
import { type BenchSummary, type RatioFigures, TARGETS } from './summarize.ts';
import type { TracedStatement } from './traceSql.ts';

/** Width of the label column: the longest label plus a space. */
const LABEL = 48;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const times = (ratio: number) => `${ratio.toFixed(2)}×`;
const mebibytes = (value: number) => value.toFixed(0);
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

function row(label: string, unit: string, values: Spread, format: (value: number) => string): string {
  const cells = [values.median, values.min, values.max].map((value) => format(value).padStart(9));
  return `${label.padEnd(LABEL)}${unit.padEnd(5)}${cells.join('')}`;
}

/** Per-run ratios (median, min, max of build_i / floor_i), then the ratio of medians and of minima. */
function ratioRows(label: string, ratio: RatioFigures): string[] {
  return [
    row(`${label} (per run)`, '×', { median: ratio.medianOfPairs, min: ratio.min, max: ratio.max }, times),
    `${'  ratio of medians, ratio of minima'.padEnd(LABEL + 5)}${times(ratio.ofMedians).padStart(9)}${times(ratio.ofMins).padStart(9)}`,
  ];
}

/** The table printed at the end of a run; the README explains how to read it. */
export function formatReport(summary: BenchSummary): string {
  const { floor, build, command, ratios } = summary;
  const buildRatio = ratios.buildOverFloor;
  const commandRatio = ratios.commandOverFloorProcess;
  const cpuRatio = ratios.buildCpuOverFloorCpu;
  const load = summary.machine.loadAverageBefore;
  const lines = [
    '',
    `bench/build — ${summary.rows.toLocaleString('en')} patients, CSV ${megabytes(summary.csv.bytes)} (sha256 ${summary.csv.sha256.slice(0, 16)}…), seed ${summary.seed}`,
    `${summary.runs} runs after 1 warm-up; ${summary.machine.cpus} × ${summary.machine.cpuModel}, ${summary.machine.memoryGiB} GiB, node ${summary.machine.node}`,
    `load average before the runs ${load.toFixed(2)}${load > 0.5 ? ' — other work is running: trust the CPU rows and the minima more than the medians' : ''}`,
    '',
    `${''.padEnd(LABEL)}${''.padEnd(5)}${'median'.padStart(9)}${'min'.padStart(9)}${'max'.padStart(9)}`,
    row('floor: DuckDB COPY csv → parquet (statement)', 's', floor.copyMs, seconds),
    row('floor: whole process', 's', floor.processMs, seconds),
    row('build: buildSnapshot() call', 's', build.buildMs, seconds),
    row('build: whole process', 's', build.processMs, seconds),
    row('build: `plexus build --force` command', 's', command.processMs, seconds),
    row('CPU: floor COPY (all threads)', 's', floor.copyCpuMs, seconds),
    row('CPU: buildSnapshot() (all threads)', 's', build.buildCpuMs, seconds),
    row('CPU: `plexus build` command, whole process', 's', command.processCpuMs, seconds),
    ...ratioRows('ratio buildSnapshot / floor COPY', buildRatio),
    ...ratioRows('ratio command / floor process', commandRatio),
    ...ratioRows('ratio CPU: buildSnapshot / floor COPY', cpuRatio),
    row('peak RSS: floor process', 'MiB', floor.maxRssMiB, mebibytes),
    row('peak RSS: buildSnapshot process', 'MiB', build.maxRssMiB, mebibytes),
    row('peak RSS: plexus build command', 'MiB', command.maxRssMiB, mebibytes),
    '',
    `Parquet written: floor ${megabytes(floor.parquetBytes)}, build ${megabytes(build.parquetBytes)}`,
    '',
    `${'buildSnapshot() phases (from onProgress)'.padEnd(LABEL + 5)}${['median', 'min', 'max', 'share'].map((head) => head.padStart(head === 'share' ? 8 : 9)).join('')}`,
    ...build.phasesMs.map(
      (phase) =>
        `${row(`  ${phase.phase}`, 's', phase, seconds)}${`${((100 * phase.median) / build.buildMs.median).toFixed(0)}%`.padStart(8)}`,
    ),
    '',
    `target build ≤ ${TARGETS.maxRatio}× floor (median per-run ratio ${times(buildRatio.medianOfPairs)})`.padEnd(
      58,
    ) + verdict(summary.verdict.time),
    `        command ≤ ${TARGETS.maxRatio}× floor process (${times(commandRatio.medianOfPairs)})`.padEnd(58) +
      verdict(commandRatio.medianOfPairs <= TARGETS.maxRatio),
    `target peak RSS < 2 GiB (worst run ${mebibytes(summary.verdict.worstRssMiB)} MiB)`.padEnd(58) +
      verdict(summary.verdict.rss),
    '',
  ];
  return lines.join('\n');
}

/** Where a traced build spent its DuckDB time: per phase, then the slowest statements. */
export function formatProfile(
  statements: readonly TracedStatement[],
  phases: BenchSummary['build']['phasesMs'],
): string {
  const byPhase = new Map<string, { ms: number; count: number }>();
  for (const statement of statements) {
    const entry = byPhase.get(statement.phase) ?? { ms: 0, count: 0 };
    entry.ms += statement.ms;
    entry.count += 1;
    byPhase.set(statement.phase, entry);
  }
  const slowest = [...statements].sort((a, b) => b.ms - a.ms).slice(0, 20);
  return [
    '',
    'profile (one extra traced build): time inside DuckDB per phase, against the phase medians above',
    ...phases.map((phase) => {
      const sql = byPhase.get(phase.phase) ?? { ms: 0, count: 0 };
      return `  ${phase.phase.padEnd(10)} ${String(sql.count).padStart(3)} statements ${seconds(sql.ms).padStart(7)} s in SQL of ${seconds(phase.median).padStart(7)} s`;
    }),
    '',
    'slowest statements',
    ...slowest.map(
      (statement) =>
        `  ${seconds(statement.ms).padStart(7)} s  ${statement.phase.padEnd(10)} ${statement.sql.replace(/\s+/g, ' ').slice(0, 150)}`,
    ),
    '',
  ].join('\n');
}

/** The replayed entity COPY against the floor, in one process: what each part of the SQL costs. */
export function formatVariants(variants: readonly VariantTiming[]): string {
  return [
    `${'entity COPY replayed in one process'.padEnd(LABEL + 5)}${['wall', 'min', 'CPU', 'min'].map((head) => head.padStart(9)).join('')}`,
    ...variants.map((variant) => {
      const wall = spread(variant.wallMs);
      const cpu = spread(variant.cpuMs);
      const cells = [wall.median, wall.min, cpu.median, cpu.min].map((ms) => seconds(ms).padStart(9));
      return `  ${variant.name.padEnd(LABEL - 2)}${'s'.padEnd(5)}${cells.join('')}`;
    }),
    '',
  ].join('\n');
}
