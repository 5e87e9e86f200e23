import type { TaskSummary } from './summarize.ts';

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);

function cells(values: string[], widths: number[]): string {
  return values
    .map((value, i) => value.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
}

/** The table printed at the end, one row per task, then any disagreement with R. */
export function formatReport(tasks: TaskSummary[], rVersion: string | null, runs: number): string {
  const header = [
    'task',
    'ours median',
    'ours min',
    'R median',
    'R min',
    'ours/R',
    'target',
    'agrees',
    'verdict',
  ];
  const rows = tasks.map((task) => [
    task.label,
    ms(task.ours.median),
    ms(task.ours.min),
    task.r ? ms(task.r.median) : 'R not installed',
    task.r ? ms(task.r.min) : '–',
    task.ratio === null ? '–' : `${task.ratio.toFixed(2)}×`,
    task.target,
    task.rResults === null ? '–' : task.mismatches.length === 0 ? 'yes' : 'NO',
    task.verdict,
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const lines = [
    '',
    `bench/stats — ${runs} runs after 1 warm-up, computation only; ${rVersion ?? 'R not installed'}; node ${process.version}`,
    '',
    cells(header, widths),
    cells(
      widths.map((width) => '-'.repeat(width)),
      widths,
    ),
    ...rows.map((row) => cells(row, widths)),
  ];
  for (const task of tasks) {
    for (const m of task.mismatches) lines.push(`  ${task.name}: ${m.name} ours ${m.ours} R ${m.r}`);
  }
  return `${lines.join('\n')}\n`;
}
