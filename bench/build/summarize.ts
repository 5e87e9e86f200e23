import { cpus, totalmem } from 'node:os';
import type { BuildPhase } from '@plexus/engine';
import type { BuildFigures, CommandFigures, FloorFigures } from './measure.ts';
import { median, type Spread, spread } from './stats.ts';

/** The targets: the build at most twice the floor, and under 2 GiB of memory. */
export const TARGETS = { maxRatio: 2, maxRssBytes: 2 * 1024 ** 3 } as const;

export interface RunFigures {
  floor: FloorFigures;
  build: BuildFigures;
  command: CommandFigures;
}

export interface RatioFigures {
  /** Median over runs of build_i / floor_i (each pair ran back to back, so drift cancels). */
  medianOfPairs: number;
  /** median(build) / median(floor). */
  ofMedians: number;
  /** min(build) / min(floor): each side's least disturbed run, the best estimate on a busy machine. */
  ofMins: number;
  min: number;
  max: number;
}

export interface BenchSummary {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    platform: string;
    /**
     * 1-minute load average before the runs: other work on the machine skews wall times. (Taken
     * after the runs it would mostly show the benchmark's own DuckDB threads.)
     */
    loadAverageBefore: number;
  };
  rows: number;
  runs: number;
  seed: number;
  csv: { bytes: number; sha256: string };
  floor: { copyMs: Spread; copyCpuMs: Spread; processMs: Spread; maxRssMiB: Spread; parquetBytes: number };
  build: {
    buildMs: Spread;
    buildCpuMs: Spread;
    processMs: Spread;
    maxRssMiB: Spread;
    parquetBytes: number;
    phasesMs: Array<{ phase: BuildPhase } & Spread>;
  };
  command: { processMs: Spread; processCpuMs: Spread; maxRssMiB: Spread };
  ratios: {
    /** buildSnapshot() against the COPY statement: the engine's cost over DuckDB's, start-up excluded. */
    buildOverFloor: RatioFigures;
    /** `plexus build` against the floor process: what a user waits for, start-up included. */
    commandOverFloorProcess: RatioFigures;
    /** CPU time of buildSnapshot() against CPU time of the COPY: the work added, whatever else runs. */
    buildCpuOverFloorCpu: RatioFigures;
  };
  verdict: { time: boolean; rss: boolean; worstRssMiB: number };
  perRun: RunFigures[];
}

const mib = (kib: number) => kib / 1024;

function ratios(numerators: number[], denominators: number[]): RatioFigures {
  const pairs = numerators.map((value, index) => value / (denominators[index] ?? Number.NaN));
  return {
    medianOfPairs: median(pairs),
    ofMedians: median(numerators) / median(denominators),
    ofMins: Math.min(...numerators) / Math.min(...denominators),
    min: Math.min(...pairs),
    max: Math.max(...pairs),
  };
}

function phaseSpreads(builds: BuildFigures[]): Array<{ phase: BuildPhase } & Spread> {
  const order = builds[0]?.phases.map((timing) => timing.phase) ?? [];
  return order.map((phase) => ({
    phase,
    ...spread(builds.map((build) => build.phases.find((timing) => timing.phase === phase)?.ms ?? 0)),
  }));
}

export function summarize(
  context: {
    rows: number;
    runs: number;
    seed: number;
    csvBytes: number;
    csvSha256: string;
    loadBefore: number;
  },
  perRun: RunFigures[],
): BenchSummary {
  const floors = perRun.map((run) => run.floor);
  const builds = perRun.map((run) => run.build);
  const commands = perRun.map((run) => run.command);
  const buildOverFloor = ratios(
    builds.map((build) => build.buildMs),
    floors.map((floor) => floor.copyMs),
  );
  const commandOverFloorProcess = ratios(
    commands.map((command) => command.processMs),
    floors.map((floor) => floor.processMs),
  );
  const buildCpuOverFloorCpu = ratios(
    builds.map((build) => build.buildCpuMs),
    floors.map((floor) => floor.copyCpuMs),
  );
  const worstRssMiB = Math.max(
    ...builds.map((b) => mib(b.maxRssKiB)),
    ...commands.map((c) => mib(c.maxRssKiB)),
  );
  const firstCpu = cpus()[0];
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: firstCpu?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      loadAverageBefore: context.loadBefore,
    },
    rows: context.rows,
    runs: context.runs,
    seed: context.seed,
    csv: { bytes: context.csvBytes, sha256: context.csvSha256 },
    floor: {
      copyMs: spread(floors.map((floor) => floor.copyMs)),
      copyCpuMs: spread(floors.map((floor) => floor.copyCpuMs)),
      processMs: spread(floors.map((floor) => floor.processMs)),
      maxRssMiB: spread(floors.map((floor) => mib(floor.maxRssKiB))),
      parquetBytes: floors[0]?.outputBytes ?? 0,
    },
    build: {
      buildMs: spread(builds.map((build) => build.buildMs)),
      buildCpuMs: spread(builds.map((build) => build.buildCpuMs)),
      processMs: spread(builds.map((build) => build.processMs)),
      maxRssMiB: spread(builds.map((build) => mib(build.maxRssKiB))),
      parquetBytes: builds[0]?.outputBytes ?? 0,
      phasesMs: phaseSpreads(builds),
    },
    command: {
      processMs: spread(commands.map((command) => command.processMs)),
      processCpuMs: spread(commands.map((command) => command.processCpuMs)),
      maxRssMiB: spread(commands.map((command) => mib(command.maxRssKiB))),
    },
    ratios: { buildOverFloor, commandOverFloorProcess, buildCpuOverFloorCpu },
    verdict: {
      time: buildOverFloor.medianOfPairs <= TARGETS.maxRatio,
      rss: worstRssMiB * 1024 ** 2 < TARGETS.maxRssBytes,
      worstRssMiB,
    },
    perRun,
  };
}
