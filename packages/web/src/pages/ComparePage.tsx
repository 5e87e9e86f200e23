import { api } from '../api/endpoints.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { shortId } from '../components/format.ts';
import { Loading } from '../components/Loading.tsx';
import { useAsync } from '../components/useAsync.ts';
import { ComparisonSummary } from '../history/ComparisonSummary.tsx';
import { Page } from '../layout/Page.tsx';
import { RunComparison } from '../results/RunComparison.tsx';
import { href } from '../routing/router.ts';
import { RunOutcome } from '../run/RunOutcome.tsx';

/** Two runs side by side, with the node's block-by-block comparison of the second against the first. */
export function ComparePage({ a, b }: { a: string; b: string }) {
  // The comparison answer's runs may come without results: the runs themselves are fetched for those.
  const loaded = useAsync(async () => {
    const [answer, left, right] = await Promise.all([api.compare(a, b), api.run(a), api.run(b)]);
    return { answer, left, right };
  }, [a, b]);
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
      <ComparisonSummary answer={answer} />
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
