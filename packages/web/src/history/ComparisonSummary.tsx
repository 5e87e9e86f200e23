import type { CompareAnswer } from '../api/types.ts';

/** The node's own comparison (GET …/compare): versions, then block and provenance counts. */
export function ComparisonSummary({ answer }: { answer: CompareAnswer }) {
  const { comparison, versions } = answer;
  const { summary, blocks, provenance } = comparison;
  return (
    <section className="panel" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">What the node found</h2>
      <p>
        <strong>
          {comparison.identical ? 'The two results are identical, byte for byte.' : 'The two results differ.'}
        </strong>
      </p>
      <ul>
        <li>
          Blocks: {summary.blocksChanged} changed, {summary.blocksAdded} added, {summary.blocksRemoved}{' '}
          removed, {summary.blocksUnchanged} unchanged
        </li>
        <li>
          Provenance fields changed: {summary.provenanceChanged}; parameters changed:{' '}
          {summary.parametersChanged}
        </li>
        {blocks.changed.length > 0 && (
          <li>Changed blocks: {blocks.changed.map((block) => `${block.id} (${block.type})`).join(', ')}</li>
        )}
        {blocks.added.length > 0 && <li>Only in the second: {blocks.added.join(', ')}</li>}
        {blocks.removed.length > 0 && <li>Only in the first: {blocks.removed.join(', ')}</li>}
      </ul>
      {versions.length > 0 && (
        <table>
          <caption>Versions that differ</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">First run</th>
              <th scope="col">Second run</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.name}>
                <th scope="row">{version.name}</th>
                <td>
                  <code>{version.from ?? '—'}</code>
                </td>
                <td>
                  <code>{version.to ?? '—'}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {provenance.parameters.length > 0 && (
        <table>
          <caption>Parameters that differ</caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">First run</th>
              <th scope="col">Second run</th>
            </tr>
          </thead>
          <tbody>
            {provenance.parameters.map((parameter) => (
              <tr key={parameter.name}>
                <th scope="row">{parameter.name}</th>
                <td>
                  <code>{parameter.from === undefined ? '—' : JSON.stringify(parameter.from)}</code>
                </td>
                <td>
                  <code>{parameter.to === undefined ? '—' : JSON.stringify(parameter.to)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
