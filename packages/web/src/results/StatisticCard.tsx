import type { StatisticView } from './blocks.ts';
import { formatNumber, formatP } from './format.ts';

/** One statistic as a card: name, value, confidence interval, p, df and method. */
export function StatisticCard(props: { statistic: StatisticView; highlighted?: boolean }) {
  const { statistic } = props;
  const className = `result-block result-statistic${props.highlighted ? ' result-differs' : ''}`;
  return (
    <section className={className} aria-label={statistic.title ?? statistic.name}>
      {statistic.title ? <h3>{statistic.title}</h3> : null}
      {props.highlighted ? <p className="result-differs-note">Differs from the other run</p> : null}
      <dl>
        <dt>{statistic.name}</dt>
        <dd className="result-statistic-value">
          {formatNumber(statistic.value)}
          {statistic.unit ? ` ${statistic.unit}` : ''}
        </dd>
        {statistic.ci ? (
          <>
            <dt>{Math.round(statistic.ci.level * 1000) / 10}% CI</dt>
            <dd>
              {formatNumber(statistic.ci.lower)} to {formatNumber(statistic.ci.upper)}
            </dd>
          </>
        ) : null}
        {statistic.p !== undefined ? (
          <>
            <dt>p</dt>
            <dd>{formatP(statistic.p)}</dd>
          </>
        ) : null}
        {statistic.df !== undefined ? (
          <>
            <dt>df</dt>
            <dd>{formatNumber(statistic.df)}</dd>
          </>
        ) : null}
        {statistic.method ? (
          <>
            <dt>Method</dt>
            <dd>{statistic.method}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
