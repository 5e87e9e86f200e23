// Measured child: one buildSnapshot() call, timed per phase and per modality, peak RSS at exit.
import { buildSnapshot } from '@plexus/engine';
import { cpuMs, reportAtExit } from '../build/childReport.ts';

export interface StepTiming {
  /** A build phase, or `modality <id>` inside the modalities phase. */
  step: string;
  ms: number;
}

export interface BuildReport {
  buildMs: number;
  buildCpuMs: number;
  steps: StepTiming[];
  tables: Array<{ name: string; rows: number; bytes: number }>;
  maxRssKiB: number;
  processCpuMs: number;
}

const [dir, snapshotRoot] = process.argv.slice(2);
if (!dir || !snapshotRoot) throw new Error('usage: buildChild.ts <product dir> <snapshot root>');

// A step lasts from its first progress report to the first report of the next step.
const starts: Array<{ step: string; at: number }> = [];
const mark = (step: string) => {
  if (starts.at(-1)?.step !== step) starts.push({ step, at: performance.now() });
};
let result: Omit<BuildReport, 'maxRssKiB' | 'processCpuMs'> | undefined;
reportAtExit(() => ({ ...result }));

const started = performance.now();
const cpuStarted = cpuMs();
const outcome = await buildSnapshot(dir, {
  snapshotRoot,
  force: true,
  onProgress: ({ phase, message }) => {
    const modality = /^building modality (.+)$/.exec(message);
    if (phase === 'modalities' && !modality) return; // "modalities built": the last modality ends at summarize
    mark(modality ? `modality ${modality[1]}` : phase);
  },
});
const ended = performance.now();
result = {
  buildMs: ended - started,
  buildCpuMs: cpuMs() - cpuStarted,
  steps: starts.map(({ step, at }, index) => ({ step, ms: (starts[index + 1]?.at ?? ended) - at })),
  tables: outcome.snapshot.manifest.tables.map((table) => ({
    name: table.name,
    rows: table.rows,
    bytes: table.bytes,
  })),
};
