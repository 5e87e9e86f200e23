import { CriterionRow } from './CriterionRow.tsx';
import {
  type Combine,
  type DraftNode,
  emptyCohort,
  type GroupDraft,
  newAttributeCriterion,
} from './cohortDraft.ts';
import type { FeatureHitView, ModelView } from './ProtocolFormProps.ts';
import { SelectField } from './SelectField.tsx';

const COMBINE_OPTIONS: Array<{ value: Combine; label: string }> = [
  { value: 'all', label: 'all of (and)' },
  { value: 'any', label: 'any of (or)' },
  { value: 'not', label: 'not (none of)' },
];

/** A group of criteria combined with all / any / not; groups nest. */
export function GroupEditor(props: {
  group: GroupDraft;
  model: ModelView;
  onChange: (group: GroupDraft) => void;
  onRemove?: () => void;
  searchFeatures: (modality: string, text: string) => Promise<FeatureHitView[]>;
}) {
  const { group, model } = props;

  function replace(index: number, node: DraftNode | null): void {
    const children = [...group.children];
    if (node) children[index] = node;
    else children.splice(index, 1);
    props.onChange({ ...group, children });
  }

  return (
    <fieldset className="cohort-group">
      <legend>{props.onRemove ? 'Group' : 'Criteria'}</legend>
      <SelectField
        label="Combine"
        value={group.combine}
        options={COMBINE_OPTIONS}
        onChange={(value) => props.onChange({ ...group, combine: value as Combine })}
      />
      {group.children.length === 0 ? (
        <p className="form-hint">No criteria: every entity is included.</p>
      ) : null}
      <ul className="cohort-children">
        {group.children.map((child, index) =>
          child.kind === 'group' ? (
            <li key={child.key}>
              <GroupEditor
                group={child}
                model={model}
                searchFeatures={props.searchFeatures}
                onChange={(next) => replace(index, next)}
                onRemove={() => replace(index, null)}
              />
            </li>
          ) : child.kind === 'raw' ? (
            <li key={child.key} className="cohort-criterion">
              <code className="cohort-raw">{JSON.stringify(child.json)}</code>
              <button type="button" className="form-remove" onClick={() => replace(index, null)}>
                Remove criterion
              </button>
            </li>
          ) : (
            <CriterionRow
              key={child.key}
              draft={child}
              model={model}
              searchFeatures={props.searchFeatures}
              onChange={(next) => replace(index, next)}
              onRemove={() => replace(index, null)}
            />
          ),
        )}
      </ul>
      <div className="cohort-actions">
        <button
          type="button"
          disabled={model.attributes.length === 0 && model.modalities.length === 0}
          onClick={() =>
            props.onChange({ ...group, children: [...group.children, newAttributeCriterion(model)] })
          }
        >
          Add criterion
        </button>
        <button
          type="button"
          onClick={() => props.onChange({ ...group, children: [...group.children, emptyCohort('any')] })}
        >
          Add group
        </button>
        {props.onRemove ? (
          <button type="button" className="form-remove" onClick={props.onRemove}>
            Remove group
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
