import type { BlockMention, CompareAnswer } from '../api/types.ts';
import { ChangeTable } from './ChangeTable.tsx';

/** A block only one run has, by the title readers know it by (its id when it has none). */
function mentions(blocks: BlockMention[]): string {
  return blocks.map((block) => block.title ?? block.id).join(', ');
}

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
        {blocks.added.length > 0 && <li>Only in the second: {mentions(blocks.added)}</li>}
        {blocks.removed.length > 0 && <li>Only in the first: {mentions(blocks.removed)}</li>}
      </ul>
      {versions.length > 0 && (
        <ChangeTable
          caption="Versions that differ"
          what="Version"
          fromLabel="First run"
          toLabel="Second run"
          changes={versions.map((version) => ({
            name: version.name,
            from: version.from ?? '—',
            to: version.to ?? '—',
          }))}
        />
      )}
      {provenance.parameters.length > 0 && (
        <ChangeTable
          caption="Parameters that differ"
          what="Parameter"
          fromLabel="First run"
          toLabel="Second run"
          changes={provenance.parameters.map((parameter) => ({
            name: parameter.name,
            from: parameter.from === undefined ? '—' : JSON.stringify(parameter.from),
            to: parameter.to === undefined ? '—' : JSON.stringify(parameter.to),
          }))}
        />
      )}
    </section>
  );
}
