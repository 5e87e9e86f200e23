import { checkVersionBumps, diffContracts, extractContract } from '@plexus/runtime';
import type { Contract } from '@plexus/spec';
import { extractGitFolder } from '../contract/extractGitFolder.ts';
import { formatDiff } from '../contract/formatDiff.ts';
import { type DiffSide, resolveSides } from '../contract/resolveSide.ts';
import { UsageError } from '../contract/UsageError.ts';
import { EXIT } from '../exitCodes.ts';

async function contractOf(side: DiffSide): Promise<{ contract: Contract; label: string }> {
  if (side.kind === 'folder')
    return { contract: await extractContract(side.dir, { label: side.arg }), label: side.arg };
  const label = `${side.ref}:${side.path || '.'}`;
  const extracted = await extractGitFolder(side.repo, side.ref, side.path);
  try {
    return { contract: await extractContract(extracted.dir, { label }), label };
  } finally {
    await extracted.cleanup();
  }
}

/**
 * Compares the contracts of two versions of a product (folders or git revisions), prints every change
 * marked BREAKING or ok and the version verdict. Exit 1 when a breaking change lacks its major bump.
 */
export async function diffCommand(
  oldArg: string,
  newArg: string,
  options: { json?: boolean },
): Promise<number> {
  let sides: [DiffSide, DiffSide];
  try {
    sides = await resolveSides(oldArg, newArg, process.cwd());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n(see plexus diff --help)\n`);
    return EXIT.usage;
  }
  const before = await contractOf(sides[0]);
  const after = await contractOf(sides[1]);
  const changes = diffContracts(before.contract, after.contract);
  const verdict = checkVersionBumps(before.contract, after.contract, changes);
  const summary = (side: { contract: Contract; label: string }) => ({
    label: side.label,
    product: side.contract.product.id,
    version: side.contract.product.version,
  });
  if (options.json)
    process.stdout.write(
      `${JSON.stringify({ old: summary(before), new: summary(after), changes, verdict }, null, 2)}\n`,
    );
  else process.stdout.write(`${formatDiff(summary(before), summary(after), changes, verdict).join('\n')}\n`);
  return verdict.ok ? EXIT.ok : EXIT.problems;
}
