import { provenanceView } from './provenance.ts';

function versioned(id: string | undefined, version: string | undefined): string {
  if (!id) return '—';
  return version ? `${id} ${version}` : id;
}

/** Where a result comes from: versions of the product, data, code and engine, the parameters, and calls. */
export function ProvenancePanel(props: { provenance: Record<string, unknown> }) {
  const view = provenanceView(props.provenance);
  return (
    <details className="result-provenance">
      <summary>Provenance</summary>
      <dl>
        <dt>Product</dt>
        <dd>{versioned(view.product, view.productVersion)}</dd>
        <dt>Data version</dt>
        <dd>
          <code>{view.dataVersion ?? '—'}</code>
        </dd>
        <dt>Git commit</dt>
        <dd>
          <code>{view.gitCommit ?? 'none (not in a git repository)'}</code>
        </dd>
        <dt>Protocol</dt>
        <dd>{versioned(view.protocol, view.protocolVersion)}</dd>
        <dt>Plugin</dt>
        <dd>
          {view.pluginModule
            ? `${view.pluginModule}${view.pluginExport ? ` (${view.pluginExport})` : ''}`
            : '—'}
        </dd>
        <dt>Plugin sha256</dt>
        <dd>
          <code className="result-hash">{view.pluginSha256 ?? '—'}</code>
        </dd>
        <dt>Engine version</dt>
        <dd>{view.engineVersion ?? '—'}</dd>
      </dl>
      <h4>Parameters</h4>
      <pre className="result-json">{JSON.stringify(view.parameters ?? {}, null, 2)}</pre>
      {view.calls.length > 0 ? (
        <div className="result-table-scroll">
          <table>
            <caption>Other products asked</caption>
            <thead>
              <tr>
                <th scope="col">Node</th>
                <th scope="col">Product</th>
                <th scope="col">Version</th>
                <th scope="col">Protocol</th>
                <th scope="col">Data version</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {view.calls.map((call, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: calls have no id and keep their order
                <tr key={index}>
                  <td>{call.node}</td>
                  <td>{call.product ?? '—'}</td>
                  <td>{call.productVersion ?? '—'}</td>
                  <td>
                    {call.kind === 'cohort-count'
                      ? 'cohort count'
                      : versioned(call.protocol, call.protocolVersion)}
                  </td>
                  <td>
                    <code>{call.dataVersion ?? '—'}</code>
                  </td>
                  <td>{call.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}
