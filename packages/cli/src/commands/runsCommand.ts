import type { ResultComparison, Run } from '@plexus/spec';
import { EXIT } from '../exitCodes.ts';
import { callNode, type NodeOptions } from '../node/nodeClient.ts';

export interface RunsOptions extends NodeOptions {
  product?: string;
  protocol?: string;
  status?: string;
  since?: string;
  until?: string;
  limit?: string;
  json?: boolean;
}

function describeRun(run: Run): string {
  const seconds = `${(run.durationMs / 1000).toFixed(1)} s`;
  const how = run.reusedFrom
    ? `stored result of ${run.reusedFrom}`
    : run.rerunOf
      ? `re-run of ${run.rerunOf}`
      : '';
  return [
    run.id,
    run.startedAt.replace('T', ' ').slice(0, 19),
    run.status.padEnd(9),
    `${run.productId}/${run.protocolId}@${run.protocolVersion ?? '?'}`,
    `data ${run.versions?.dataVersion ?? '?'}`,
    seconds,
    how,
  ]
    .filter(Boolean)
    .join('  ');
}

/** plexus runs: your run history, newest first; plexus runs <id>: the stored result document, exactly. */
export async function runsCommand(runId: string | undefined, options: RunsOptions): Promise<number> {
  if (runId !== undefined) {
    const answer = await callNode(options, 'GET', `/api/v1/runs/${encodeURIComponent(runId)}/result`);
    if (!answer.ok) return answer.exitCode;
    process.stdout.write(answer.text);
    process.stdout.write('\n');
    return EXIT.ok;
  }
  const limit = options.limit ?? '50';
  if (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > 200) {
    process.stderr.write(`--limit must be a whole number from 1 to 200, found '${limit}'\n`);
    return EXIT.usage;
  }
  const query = new URLSearchParams({ limit });
  for (const [name, value] of [
    ['productId', options.product],
    ['protocolId', options.protocol],
    ['status', options.status],
  ] as const)
    if (value !== undefined) query.set(name, value);
  for (const [name, value, flag] of [
    ['from', options.since, '--since'],
    ['to', options.until, '--until'],
  ] as const) {
    if (value === undefined) continue;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      process.stderr.write(
        `${flag} takes a date such as 2025-03-01 or 2025-03-01T12:00Z, found '${value}'\n`,
      );
      return EXIT.usage;
    }
    query.set(name, date.toISOString());
  }
  const answer = await callNode(options, 'GET', `/api/v1/runs?${query}`);
  if (!answer.ok) return answer.exitCode;
  const page = answer.body as { runs: Run[]; next: string | null };
  if (options.json) {
    process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
    return EXIT.ok;
  }
  if (page.runs.length === 0) process.stderr.write('no runs yet\n');
  for (const run of page.runs) process.stdout.write(`${describeRun(run)}\n`);
  if (page.next) process.stderr.write(`(more: narrow with --since/--until, or --limit up to 200)\n`);
  return EXIT.ok;
}

function describeComparison(comparison: ResultComparison): string[] {
  const { summary } = comparison;
  if (comparison.identical) return ['result: identical, byte for byte'];
  const lines = [
    `result: ${summary.blocksChanged} block(s) changed, ${summary.blocksAdded} added, ${summary.blocksRemoved} removed, ${summary.blocksUnchanged} unchanged`,
  ];
  for (const change of comparison.blocks.changed) {
    if (change.type === 'statistic') {
      for (const [field, delta] of Object.entries(change).filter(
        ([, value]) => value !== null && typeof value === 'object' && 'delta' in (value as object),
      )) {
        const { from, to, delta: difference } = delta as { from: unknown; to: unknown; delta: unknown };
        lines.push(`  ${change.id}.${field}: ${String(from)} → ${String(to)} (Δ ${String(difference)})`);
      }
    } else if (change.type === 'table') {
      lines.push(
        `  ${change.id}: rows ${change.rowCount.from} → ${change.rowCount.to}, ${change.rowsAdded.count} added, ${change.rowsRemoved.count} removed, ${change.cellsChanged.count} cell(s) changed`,
      );
    } else lines.push(`  ${change.id}: changed`);
  }
  return lines;
}

/** plexus rerun <id> [--original]: executes a run again and says what changed. */
export async function rerunCommand(
  runId: string,
  options: NodeOptions & { original?: boolean; json?: boolean },
): Promise<number> {
  const answer = await callNode(
    options,
    'POST',
    `/api/v1/runs/${encodeURIComponent(runId)}/rerun`,
    { versions: options.original ? 'original' : 'current' },
    // The CLI waits as long as the run takes; the node's own threshold is for browsers.
    { prefer: 'wait=600' },
  );
  if (!answer.ok) return answer.exitCode;
  const { run, changes } = answer.body as {
    run: Run;
    changes: {
      versions: Array<{ name: string; from: string | null; to: string | null }>;
      resultChanged: boolean | null;
      comparison?: ResultComparison;
    };
  };
  if (options.json) {
    process.stdout.write(`${JSON.stringify(answer.body, null, 2)}\n`);
    return run.status === 'succeeded' ? EXIT.ok : EXIT.problems;
  }
  process.stdout.write(`${describeRun(run)}\n`);
  if (changes.versions.length === 0) process.stdout.write('versions: the same as the original run\n');
  for (const change of changes.versions)
    process.stdout.write(`version ${change.name}: ${change.from ?? '-'} → ${change.to ?? '-'}\n`);
  if (run.status !== 'succeeded') {
    process.stderr.write(`the re-run ${run.status}: ${run.error?.code ?? ''} ${run.error?.message ?? ''}\n`);
    return EXIT.problems;
  }
  if (changes.comparison)
    for (const line of describeComparison(changes.comparison)) process.stdout.write(`${line}\n`);
  return EXIT.ok;
}
