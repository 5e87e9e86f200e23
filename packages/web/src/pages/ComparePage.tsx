import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { CompareAnswer, Run } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { shortId } from '../components/format.ts';
import { Loading } from '../components/Loading.tsx';
import { useAsync } from '../components/useAsync.ts';
import { ComparisonSummary } from '../history/ComparisonSummary.tsx';
import { Page } from '../layout/Page.tsx';
import { RunComparison } from '../results/RunComparison.tsx';
import { href } from '../routing/router.ts';
import { RunOutcome } from '../run/RunOutcome.tsx';

/**
 * The node compares results only, answering 409 unless both runs succeeded: it is asked only then, and
 * a 409 all the same (a run record changed meanwhile) means there is no comparison, not a broken page.
 */
async function comparisonOf(left: Run, right: Run, signal: AbortSignal): Promise<CompareAnswer | null> {
  if (left.status !== 'succeeded' || right.status !== 'succeeded') return null;
  try {
    return await api.compare(left.id, right.id, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return null;
    throw error;
  }
}

function describeRun(run: Run, label: string): string {
  return run.status === 'running' ? `${label} is still running` : `${label} ${run.status}`;
}

/** Why there is no comparison to show. */
function noComparison(left: Run, right: Run, leftLabel: string, rightLabel: string): string {
  if (left.status === 'succeeded' && right.status === 'succeeded') {
    return 'The node did not compare these runs: one of them no longer has a stored result.';
  }
  return `The node compares results only, and not both runs have one: ${describeRun(left, leftLabel)}, ${describeRun(right, rightLabel)}.`;
}

/** Two runs side by side, with the node's block-by-block comparison of the second against the first. */
export function ComparePage({ a, b }: { a: string; b: string }) {
  const loaded = useAsync(
    async (signal) => {
      const [left, right] = await Promise.all([api.run(a, signal), api.run(b, signal)]);
      return { left, right, answer: await comparisonOf(left, right, signal) };
    },
    [a, b],
  );
  const title = `Compare ${shortId(a)} and ${shortId(b)}`;
  if (loaded.loading) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  if (!loaded.data) {
    return (
      <Page title={title}>
        <ErrorAlert error={loaded.error} />
      </Page>
    );
  }
  const { answer, left, right } = loaded.data;
  const leftLabel = `Run ${shortId(a)}…`;
  const rightLabel = `Run ${shortId(b)}…`;
  return (
    <Page title={title}>
      <p className="breadcrumbs">
        <a href="#/history">History</a> › <a href={href('runs', a)}>{leftLabel}</a> ·{' '}
        <a href={href('runs', b)}>{rightLabel}</a>
      </p>
      {answer ? (
        <ComparisonSummary answer={answer} />
      ) : (
        <p className="panel">{noComparison(left, right, leftLabel, rightLabel)}</p>
      )}
      {left.result && right.result ? (
        <RunComparison
          left={left.result}
          right={right.result}
          leftLabel={leftLabel}
          rightLabel={rightLabel}
        />
      ) : (
        <div className="side-by-side">
          <RunOutcome run={left} label={leftLabel} />
          <RunOutcome run={right} label={rightLabel} />
        </div>
      )}
    </Page>
  );
}
