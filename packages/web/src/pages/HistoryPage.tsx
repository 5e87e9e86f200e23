import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Run } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { formatDuration, formatTime, shortId } from '../components/format.ts';
import { Loading } from '../components/Loading.tsx';
import { Page } from '../layout/Page.tsx';
import { href, navigate } from '../routing/router.ts';
import { StatusBadge } from '../run/StatusBadge.tsx';

/** The caller's runs, newest first, a page at a time; two of them can be compared. */
export function HistoryPage() {
  const [runs, setRuns] = useState<Run[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState<string[]>([]);

  const load = async (after?: string) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.runs(after);
      setRuns((old) => (after ? [...old, ...page.runs] : page.runs));
      setNext(page.next);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page once, on arrival
  useEffect(() => {
    void load();
  }, []);

  const toggle = (id: string, on: boolean) =>
    // The last two choices are kept: a comparison has exactly two sides.
    setChosen((old) => (on ? [...old.filter((x) => x !== id), id].slice(-2) : old.filter((x) => x !== id)));

  const anonymous = error instanceof ApiError && error.status === 401;
  const [a, b] = chosen;
  return (
    <Page title="History">
      {anonymous ? (
        <p>
          Your runs are kept with your account: <a href="#/signin">sign in</a> to see them.
        </p>
      ) : (
        <ErrorAlert error={error} />
      )}
      <div className="toolbar">
        <button type="button" disabled={!a || !b} onClick={() => a && b && navigate(href('compare', a, b))}>
          Compare
        </button>
        <span className="muted">{chosen.length}/2 runs chosen for comparison</span>
      </div>
      <div className="table-scroll">
        <table className="history">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Compare</span>
              </th>
              <th scope="col">Product</th>
              <th scope="col">Protocol</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col">Duration</th>
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={chosen.includes(run.id)}
                      onChange={(event) => toggle(run.id, event.target.checked)}
                    />
                    <span className="visually-hidden">Compare {shortId(run.id)}</span>
                  </label>
                </td>
                <td>{run.productId}</td>
                <td>
                  {run.protocolId}
                  {run.protocolVersion && <span className="muted">@{run.protocolVersion}</span>}
                </td>
                <td>
                  <StatusBadge status={run.status} />
                  {run.error && <span className="muted"> {run.error.code}</span>}
                </td>
                <td>{formatTime(run.startedAt)}</td>
                <td>{formatDuration(run.durationMs)}</td>
                <td>
                  <a href={href('runs', run.id)} aria-describedby={`run-${run.id}`}>
                    Open
                  </a>
                  <span id={`run-${run.id}`} className="visually-hidden">
                    run {shortId(run.id)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!loading && runs.length === 0 && !error && (
        <p>No runs yet: open an app from the catalog and run it.</p>
      )}
      {loading && <Loading what="Loading runs" />}
      {next && (
        // Stays rendered while the next page loads, and aria-disabled rather than disabled: a button
        // that disappears or is disabled under the keyboard focus drops the focus to the page's start.
        <button
          type="button"
          className="secondary"
          aria-disabled={loading || undefined}
          aria-busy={loading || undefined}
          onClick={() => {
            if (!loading) void load(next);
          }}
        >
          Load more
        </button>
      )}
    </Page>
  );
}
