import { useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { RerunAnswer } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { shortId } from '../components/format.ts';
import { Loading } from '../components/Loading.tsx';
import { useAsync } from '../components/useAsync.ts';
import { Page } from '../layout/Page.tsx';
import { href } from '../routing/router.ts';
import { RerunChanges } from '../run/RerunChanges.tsx';
import { RunAnnouncer } from '../run/RunAnnouncer.tsx';
import { RunErrors } from '../run/RunErrors.tsx';
import { RunFacts } from '../run/RunFacts.tsx';
import { RunOutcome } from '../run/RunOutcome.tsx';
import { RunProgress } from '../run/RunProgress.tsx';
import { useRunExecution } from '../run/useRunExecution.ts';

/** One stored run, exactly as first returned, and its re-runs on the current or the original versions. */
export function RunRecordPage({ runId }: { runId: string }) {
  const stored = useAsync(() => api.run(runId), [runId]);
  const rerun = useRunExecution();
  const [mode, setMode] = useState<'current' | 'original'>('current');
  const [changes, setChanges] = useState<RerunAnswer['changes'] | null>(null);
  // Counts re-runs: an answer (re-run or compare) of an earlier one arriving late must not show its
  // changes under the heading of the latest.
  const attempts = useRef(0);

  const start = (versions: 'current' | 'original') => {
    const attempt = ++attempts.current;
    const latest = () => attempt === attempts.current;
    setMode(versions);
    setChanges(null);
    let answered: RerunAnswer['changes'] | null = null;
    void rerun
      .execute(async () => {
        const answer = (await api.rerun(runId, versions)).body;
        answered = answer.changes;
        if (latest()) setChanges(answer.changes);
        return answer.run;
      })
      .then(async (ended) => {
        // A re-run that outlasted the wait (202) answered before its result existed, without knowing
        // whether the result changed: compare now. An answer that knows (200) needs no second request.
        if (ended?.status !== 'succeeded' || (answered && answered.resultChanged !== null)) return;
        const compared = await api.compare(runId, ended.id).catch(() => null);
        if (!compared || !latest()) return;
        setChanges((old) => ({
          versions: old?.versions ?? compared.versions,
          resultChanged: !compared.comparison.identical,
          comparison: compared.comparison,
        }));
      });
  };

  if (stored.loading) {
    return (
      <Page title={`Run ${shortId(runId)}`}>
        <Loading />
      </Page>
    );
  }
  if (!stored.data) {
    return (
      <Page title="Run not found">
        <ErrorAlert error={stored.error} />
        <p>
          <a href="#/history">Back to the history</a>
        </p>
      </Page>
    );
  }
  const run = stored.data;
  const again = rerun.run;
  return (
    <Page title={`Run ${shortId(run.id)} · ${run.protocolId}`}>
      <p className="breadcrumbs">
        <a href="#/history">History</a> ›{' '}
        <a href={href('products', run.productId, 'apps', run.protocolId)}>
          run this app again with other parameters
        </a>
      </p>
      <RunFacts run={run} />
      <div className="toolbar">
        <button type="button" disabled={rerun.busy} onClick={() => start('current')}>
          Re-run with current versions
        </button>
        <button type="button" disabled={rerun.busy} onClick={() => start('original')}>
          Re-run with original versions
        </button>
      </div>
      <RunAnnouncer execution={rerun} />
      <RunProgress execution={rerun} />
      <RunErrors execution={rerun} noun="re-run" />
      {changes && <RerunChanges changes={changes} mode={mode} />}
      {again && again.status !== 'running' && (
        <section aria-labelledby="rerun-heading">
          <h2 id="rerun-heading">
            New run <a href={href('runs', again.id)}>{shortId(again.id)}…</a>
          </h2>
          <RunOutcome run={again} label={`Re-run ${shortId(again.id)}…`} />
        </section>
      )}
      <section aria-labelledby="stored-heading">
        <h2 id="stored-heading">Stored result</h2>
        <RunOutcome run={run} />
      </section>
    </Page>
  );
}
