import { useEffect, useState } from 'react';
import type { CohortCountView, ModelView } from '../api/types.ts';
import { useDebounced } from '../components/useDebounced.ts';

/** The live size of a cohort and its attrition table, counted on the node ~300 ms after the last edit. */
export function CohortCount(props: {
  cohort: Record<string, unknown>;
  model: ModelView;
  countCohort: (cohort: unknown) => Promise<CohortCountView>;
}) {
  const key = useDebounced(JSON.stringify(props.cohort), 300);
  const [answer, setAnswer] = useState<CohortCountView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [counting, setCounting] = useState(true);
  const { countCohort } = props;

  useEffect(() => {
    let current = true;
    setCounting(true);
    countCohort(JSON.parse(key) as unknown)
      .then((found) => {
        if (!current) return;
        setAnswer(found);
        setError(null);
      })
      .catch((reason: unknown) => {
        if (current) setError(reason instanceof Error ? reason.message : String(reason));
      })
      .finally(() => {
        if (current) setCounting(false);
      });
    return () => {
      current = false;
    };
  }, [key, countCohort]);

  const entity = answer?.entity ?? props.model.entity;
  const noun = answer?.count === 1 ? entity.singular : entity.plural;
  return (
    <div className="cohort-count">
      <p role="status" aria-label="Cohort size" className="cohort-size">
        {answer ? `${answer.count} ${noun}` : `Counting ${entity.plural}…`}
        {answer ? ` of ${props.model.entity.count}` : ''}
        {answer && counting ? ' (updating…)' : ''}
      </p>
      {error ? (
        <p role="alert" className="form-error">
          The node could not count this cohort: {error}
        </p>
      ) : null}
      {answer && answer.attrition.length > 0 && !error ? (
        <table className="cohort-attrition">
          <caption>Attrition</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Criterion</th>
              <th scope="col" className="num">
                {entity.plural}
              </th>
            </tr>
          </thead>
          <tbody>
            {answer.attrition.map((row) => (
              <tr key={row.step}>
                <td>{row.step}</td>
                <td>{row.criterion}</td>
                <td className="num">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
