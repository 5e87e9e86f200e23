import { useMemo } from 'react';
import type { CohortCountView, FeatureHitView, ModelView } from '../api/types.ts';
import { CohortCount } from './CohortCount.tsx';
import { type CohortDraft, cohortToJson } from './cohortDraft.ts';
import { GroupEditor } from './GroupEditor.tsx';

/** Builds a cohort from criteria and groups, with its live size and attrition from the node. */
export function CohortBuilder(props: {
  label: string;
  description?: string;
  value: CohortDraft;
  model: ModelView;
  onChange: (value: CohortDraft) => void;
  countCohort: (cohort: unknown) => Promise<CohortCountView>;
  searchFeatures: (modality: string, text: string) => Promise<FeatureHitView[]>;
  /** Ids of the field's help and error texts. */
  describedBy?: string;
  /** The last submit found the cohort incomplete: the form moves the focus here. */
  invalid?: boolean;
}) {
  const { cohort, problems } = useMemo(
    () => cohortToJson(props.value, props.model),
    [props.value, props.model],
  );
  return (
    <section
      className="cohort-builder"
      aria-label={props.label}
      aria-describedby={props.describedBy}
      tabIndex={props.invalid ? -1 : undefined}
      data-invalid={props.invalid || undefined}
    >
      <h3>{props.label}</h3>
      {props.description ? <p className="form-hint">{props.description}</p> : null}
      <GroupEditor
        group={props.value}
        model={props.model}
        onChange={props.onChange}
        searchFeatures={props.searchFeatures}
      />
      {problems.length > 0 ? (
        <ul className="form-error" aria-label="Incomplete criteria (not counted)">
          {problems.map((problem) => (
            <li key={problem.key}>Not counted yet: {problem.message}</li>
          ))}
        </ul>
      ) : null}
      <CohortCount cohort={cohort} model={props.model} countCohort={props.countCohort} />
    </section>
  );
}
