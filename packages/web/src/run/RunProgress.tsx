import type { RunExecution } from './useRunExecution.ts';

/**
 * While a run executes: how far it got (what its plugin reports) and the way to stop it. Not a live
 * region: every step would be read out; RunAnnouncer says when the run starts and ends.
 */
export function RunProgress({ execution }: { execution: RunExecution }) {
  const { run, progress, busy, cancelling } = execution;
  if (!busy) return null;
  const running = run?.status === 'running';
  const fraction = progress?.fraction ?? 0;
  return (
    <section className="run-progress" aria-label="Run progress">
      <label>
        {running ? `Running… ${Math.round(fraction * 100)}%` : 'Starting the run…'}
        <progress max={1} value={running ? fraction : undefined} />
      </label>
      {progress?.message && <p className="muted">{progress.message}</p>}
      {running && (
        <button
          type="button"
          className="danger"
          disabled={cancelling}
          aria-busy={cancelling || undefined}
          onClick={() => void execution.cancel()}
        >
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      )}
    </section>
  );
}
