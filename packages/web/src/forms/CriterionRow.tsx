import type { FeatureHitView, ModelView } from '../api/types.ts';
import { AttributeCriterionEditor } from './AttributeCriterionEditor.tsx';
import { type CriterionDraft, newCriterion } from './cohortDraft.ts';
import { capitalized } from './cohortNames.ts';
import { EventsCriterionEditor } from './EventsCriterionEditor.tsx';
import { MatrixCriterionEditor } from './MatrixCriterionEditor.tsx';
import { SelectField } from './SelectField.tsx';
import { VariantsCriterionEditor } from './VariantsCriterionEditor.tsx';

const KIND_NAMES = { events: 'Events', matrix: 'Data', variants: 'Variants' } as const;

/**
 * One criterion: what it is on (an attribute or a modality), its editor, and a remove button. Its
 * controls are labelled alike in every criterion; the `name` of the group around them tells them apart.
 */
export function CriterionRow(props: {
  /** "criterion 2", or "criterion 1 of group 3" in a nested group (see cohortNames.ts). */
  name: string;
  draft: CriterionDraft;
  model: ModelView;
  onChange: (draft: CriterionDraft) => void;
  onRemove: () => void;
  searchFeatures: (modality: string, text: string) => Promise<FeatureHitView[]>;
}) {
  const { draft, model } = props;
  const kinds = [
    { value: 'attribute', label: 'Attribute' },
    ...model.modalities.map((modality) => ({
      value: `${modality.kind}:${modality.id}`,
      label: `${KIND_NAMES[modality.kind]}: ${modality.label ?? modality.id}`,
    })),
  ];
  const current = draft.kind === 'attribute' ? 'attribute' : `${draft.kind}:${draft.modality}`;
  return (
    <li>
      <fieldset aria-label={capitalized(props.name)} className="cohort-criterion">
        {kinds.length > 1 ? (
          <SelectField
            label="Criterion on"
            value={current}
            options={kinds}
            onChange={(value) => {
              const [kind, modality = ''] = String(value).split(':');
              if (kind === 'attribute' || kind === 'events' || kind === 'matrix' || kind === 'variants') {
                props.onChange(newCriterion(kind, modality, model));
              }
            }}
          />
        ) : null}
        {draft.kind === 'attribute' ? (
          <AttributeCriterionEditor draft={draft} model={model} onChange={props.onChange} />
        ) : null}
        {draft.kind === 'events' ? (
          <EventsCriterionEditor
            draft={draft}
            model={model}
            onChange={props.onChange}
            searchFeatures={props.searchFeatures}
          />
        ) : null}
        {draft.kind === 'matrix' ? (
          <MatrixCriterionEditor
            draft={draft}
            onChange={props.onChange}
            searchFeatures={props.searchFeatures}
          />
        ) : null}
        {draft.kind === 'variants' ? (
          <VariantsCriterionEditor
            draft={draft}
            onChange={props.onChange}
            searchFeatures={props.searchFeatures}
          />
        ) : null}
        <button
          type="button"
          className="form-remove"
          aria-label={`Remove ${props.name}`}
          onClick={props.onRemove}
        >
          Remove criterion
        </button>
      </fieldset>
    </li>
  );
}
