import type { ContractChange, VersionVerdict } from '@plexus/runtime';

export interface DiffSideSummary {
  label: string;
  product: string;
  version: string;
}

/** The diff as text: one line per change marked BREAKING or ok, then the version verdict. */
export function formatDiff(
  before: DiffSideSummary,
  after: DiffSideSummary,
  changes: readonly ContractChange[],
  verdict: VersionVerdict,
): string[] {
  const lines = [
    `${before.label} (${before.product} ${before.version}) → ${after.label} (${after.product} ${after.version})`,
    '',
  ];
  if (changes.length === 0) lines.push('no changes to the contract');
  for (const change of changes) lines.push(`${change.breaking ? 'BREAKING' : 'ok      '}  ${change.message}`);
  const breaking = changes.filter((change) => change.breaking).length;
  lines.push(
    '',
    `${changes.length} change${changes.length === 1 ? '' : 's'}, ${breaking} breaking`,
    verdict.ok
      ? breaking > 0
        ? 'versions: ok — every breaking change comes with the major version bump it needs'
        : 'versions: ok'
      : 'versions: FAIL',
  );
  for (const violation of verdict.violations) lines.push(`  ${violation.message}`);
  return lines;
}
