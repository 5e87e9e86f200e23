import { api } from '../api/endpoints.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { formatTime } from '../components/format.ts';
import { Loading } from '../components/Loading.tsx';
import { useAsync } from '../components/useAsync.ts';

/** The product's serving versions and the definitions and data snapshots the node keeps. */
export function VersionsSection({
  productId,
  entity,
}: {
  productId: string;
  /** What the product counts (patients, samples…); a snapshot's size is a number of these. */
  entity?: { singular: string; plural: string };
}) {
  const noun = (count: number) =>
    count === 1 ? (entity?.singular ?? 'entity') : (entity?.plural ?? 'entities');
  const { data, error, loading } = useAsync(() => api.versions(productId), [productId]);
  return (
    <section aria-labelledby="versions-heading" className="panel">
      <h2 id="versions-heading">Versions</h2>
      {loading && <Loading />}
      <ErrorAlert error={error} />
      {data && (
        <>
          <p>
            Serving version <strong>{data.current.productVersion}</strong>, definition{' '}
            <code>{data.current.definitionHash}</code>, data <code>{data.current.dataVersion}</code>, engine{' '}
            {data.current.engineVersion}.
          </p>
          <h3>Definitions kept</h3>
          <ul>
            {data.definitions.map((definition) => (
              <li key={definition.definitionHash}>
                {definition.productVersion} · <code>{definition.definitionHash}</code>
                {definition.gitCommit && (
                  <span className="muted"> · commit {definition.gitCommit.slice(0, 10)}</span>
                )}
              </li>
            ))}
          </ul>
          <h3>Data snapshots kept</h3>
          <ul>
            {data.snapshots.map((snapshot) => (
              <li key={snapshot.dataVersion}>
                <code>{snapshot.dataVersion}</code> · built {formatTime(snapshot.builtAt)} ·{' '}
                {snapshot.entityCount.toLocaleString()} {noun(snapshot.entityCount)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
