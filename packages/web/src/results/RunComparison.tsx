import './results.css';
import { useMemo } from 'react';
import { differingStatistics, type StatisticView, statisticView } from './blocks.ts';
import { formatNumber } from './format.ts';
import { ResultView } from './ResultView.tsx';
import type { ResultDocumentView } from './ResultViewProps.ts';

function statistic(result: ResultDocumentView, id: string): StatisticView | undefined {
  const block = result.blocks.find((candidate) => candidate.id === id && candidate.type === 'statistic');
  return block ? statisticView(block) : undefined;
}

/** One differing statistic: its name and its value on each side ("absent" on a side without it). */
function difference(props: { left: ResultDocumentView; right: ResultDocumentView }, id: string) {
  const left = statistic(props.left, id);
  const right = statistic(props.right, id);
  const value = (side: StatisticView | undefined) => (side ? formatNumber(side.value) : 'absent');
  return { name: left?.name ?? right?.name ?? id, left: value(left), right: value(right) };
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
              {[...differing].map((id) => {
                const found = difference(props, id);
                return (
                  <li key={id}>
                    {found.name}: {props.leftLabel} {found.left}, {props.rightLabel} {found.right}
                  </li>
                );
              })}
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
