import type { RunExecution } from './useRunExecution.ts';

/** While a run executes: how far it got (what its plugin reports) and the way to stop it. */
export function RunProgress({ execution }: { execution: RunExecution }) {
  const { run, progress, busy } = execution;
  if (!busy) return null;
  const running = run?.status === 'running';
  const fraction = progress?.fraction ?? 0;
  return (
    <div className="run-progress" role="status" aria-live="polite">
      <label>
        {running ? `Running… ${Math.round(fraction * 100)}%` : 'Starting the run…'}
        <progress max={1} value={running ? fraction : undefined} />
      </label>
      {progress?.message && <p className="muted">{progress.message}</p>}
      {running && (
        <button type="button" className="danger" onClick={() => void execution.cancel()}>
          Cancel
        </button>
      )}
    </div>
  );
}
