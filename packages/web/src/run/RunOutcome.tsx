import type { Run } from '../api/types.ts';
import { shortId } from '../components/format.ts';
import { ResultView } from '../results/ResultView.tsx';

/**
 * How a run ended: its result, or — failed or cancelled — its error code and message. Not an alert: a
 * stored run is no news, and a run just ended is announced by the page's RunAnnouncer.
 */
export function RunOutcome({ run, label }: { run: Run; label?: string }) {
  if (run.status === 'running') return null;
  if (run.status === 'failed' || run.status === 'cancelled') {
    return (
      <div className="alert run-failed">
        <strong>{run.status === 'cancelled' ? 'The run was cancelled.' : 'The run failed.'}</strong>{' '}
        {run.error && (
          <>
            <code className="error-code">{run.error.code}</code> {run.error.message}
          </>
        )}
      </div>
    );
  }
  if (!run.result) return <p className="muted">This run has no stored result.</p>;
  return <ResultView result={run.result} label={label ?? `Run ${shortId(run.id)}…`} />;
}
