import type { RerunAnswer } from '../api/types.ts';
import { ChangeTable } from '../history/ChangeTable.tsx';

/** What a re-run found: which versions moved since the original run and whether the result moved with them. */
export function RerunChanges({
  changes,
  mode,
}: {
  changes: RerunAnswer['changes'];
  mode: 'current' | 'original';
}) {
  return (
    <section className="panel rerun-changes" aria-label="What changed">
      <h3>Re-run on the {mode} versions</h3>
      {changes.versions.length === 0 ? (
        <p>No version changed since the original run.</p>
      ) : (
        <ChangeTable
          caption="Versions that changed"
          what="Version"
          fromLabel="Original"
          toLabel="Now"
          changes={changes.versions.map((change) => ({
            name: change.name,
            from: change.from ?? '—',
            to: change.to ?? '—',
          }))}
        />
      )}
      <p>
        <strong>
          {changes.resultChanged === null
            ? 'Whether the result changed is not known yet.'
            : changes.resultChanged
              ? 'The result changed.'
              : 'The result is identical, byte for byte.'}
        </strong>
        {changes.comparison && changes.resultChanged && (
          <span className="muted">
            {' '}
            ({changes.comparison.summary.blocksChanged} block(s) changed,{' '}
            {changes.comparison.summary.blocksAdded} added, {changes.comparison.summary.blocksRemoved}{' '}
            removed)
          </span>
        )}
      </p>
    </section>
  );
}
