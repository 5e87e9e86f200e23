import './results.css';
import { BlockView } from './BlockView.tsx';
import { ProvenancePanel } from './ProvenancePanel.tsx';
import type { ResultViewProps } from './ResultViewProps.ts';

/** A result document: title, summary, its blocks in order, and where it comes from. */
export function ResultView(props: ResultViewProps) {
  const { result } = props;
  return (
    <article className="result">
      <header>
        {props.label ? <p className="result-label">{props.label}</p> : null}
        <h2>{result.title}</h2>
        {result.summary ? <p className="result-summary">{result.summary}</p> : null}
      </header>
      {result.blocks.map((block) => (
        <BlockView key={block.id} block={block} highlighted={props.highlight?.has(block.id)} />
      ))}
      <ProvenancePanel provenance={result.provenance} />
    </article>
  );
}
