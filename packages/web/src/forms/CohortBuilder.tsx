import { useMemo } from 'react';
import { CohortCount } from './CohortCount.tsx';
import { type CohortDraft, cohortToJson } from './cohortDraft.ts';
import { GroupEditor } from './GroupEditor.tsx';
import type { CohortCountView, FeatureHitView, ModelView } from './ProtocolFormProps.ts';

/** Builds a cohort from criteria and groups, with its live size and attrition from the node. */
export function CohortBuilder(props: {
  label: string;
  description?: string;
  value: CohortDraft;
  model: ModelView;
  onChange: (value: CohortDraft) => void;
  countCohort: (cohort: unknown) => Promise<CohortCountView>;
  searchFeatures: (modality: string, text: string) => Promise<FeatureHitView[]>;
}) {
  const { cohort, problems } = useMemo(
    () => cohortToJson(props.value, props.model),
    [props.value, props.model],
  );
  return (
    <section className="cohort-builder" aria-label={props.label}>
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
            <li key={problem}>Not counted yet: {problem}</li>
          ))}
        </ul>
      ) : null}
      <CohortCount cohort={cohort} model={props.model} countCohort={props.countCohort} />
    </section>
  );
}
