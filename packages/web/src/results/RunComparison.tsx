import './results.css';
import { useMemo } from 'react';
import { differingStatistics, statisticView } from './blocks.ts';
import { formatNumber } from './format.ts';
import { ResultView } from './ResultView.tsx';
import type { ResultDocumentView } from './ResultViewProps.ts';

function statisticName(result: ResultDocumentView, id: string): string | undefined {
  const block = result.blocks.find((candidate) => candidate.id === id && candidate.type === 'statistic');
  return block ? statisticView(block).name : undefined;
}

function statisticValue(result: ResultDocumentView, id: string): string {
  const block = result.blocks.find((candidate) => candidate.id === id && candidate.type === 'statistic');
  return block ? formatNumber(statisticView(block).value) : 'absent';
}

/** Two results side by side; the statistics that differ between them are marked on both sides. */
export function RunComparison(props: {
  left: ResultDocumentView;
  right: ResultDocumentView;
  leftLabel: string;
  rightLabel: string;
}) {
  const differing = useMemo(() => differingStatistics(props.left, props.right), [props.left, props.right]);
  return (
    <section className="result-comparison" aria-label="Comparison of two runs">
      <div role="status" className="result-comparison-summary">
        {differing.size === 0 ? (
          'No statistic differs between the two runs.'
        ) : (
          <>
            {differing.size} {differing.size === 1 ? 'statistic differs' : 'statistics differ'}:
            <ul>
              {[...differing].map((id) => (
                <li key={id}>
                  {statisticName(props.left, id) ?? statisticName(props.right, id) ?? id}: {props.leftLabel}{' '}
                  {statisticValue(props.left, id)}, {props.rightLabel} {statisticValue(props.right, id)}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="result-comparison-columns">
        <ResultView result={props.left} label={props.leftLabel} highlight={differing} />
        <ResultView result={props.right} label={props.rightLabel} highlight={differing} />
      </div>
    </section>
  );
}
