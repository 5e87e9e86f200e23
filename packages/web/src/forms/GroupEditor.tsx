import type { FeatureHitView, ModelView } from '../api/types.ts';
import { CriterionRow } from './CriterionRow.tsx';
import {
  type Combine,
  type DraftNode,
  emptyCohort,
  type GroupDraft,
  newAttributeCriterion,
} from './cohortDraft.ts';
import { capitalized, criterionName, groupPath } from './cohortNames.ts';
import { SelectField } from './SelectField.tsx';

const COMBINE_OPTIONS: Array<{ value: Combine; label: string }> = [
  { value: 'all', label: 'all of (and)' },
  { value: 'any', label: 'any of (or)' },
  { value: 'not', label: 'not (none of)' },
];

/**
 * A group's children with their names: criteria and groups are numbered apart, each in the group's order.
 * A child group's name is its path.
 */
function named(children: readonly DraftNode[], path: string | undefined) {
  let criteria = 0;
  let groups = 0;
  return children.map((child) => ({
    child,
    name: child.kind === 'group' ? groupPath(++groups, path) : criterionName(++criteria, path),
  }));
}

/**
 * A group of criteria combined with all / any / not; groups nest. The root group's controls keep their
 * plain names; a nested group's say which group they act on ("Add criterion to group 2").
 */
export function GroupEditor(props: {
  group: GroupDraft;
  /** Where a nested group is ("2", "2.1"); undefined for the root. */
  path?: string;
  model: ModelView;
  onChange: (group: GroupDraft) => void;
  onRemove?: () => void;
  searchFeatures: (modality: string, text: string) => Promise<FeatureHitView[]>;
}) {
  const { group, model, path } = props;
  const within = path === undefined ? undefined : `group ${path}`;

  function replace(index: number, node: DraftNode | null): void {
    const children = [...group.children];
    if (node) children[index] = node;
    else children.splice(index, 1);
    props.onChange({ ...group, children });
  }

  return (
    <fieldset className="cohort-group">
      <legend>{within ? capitalized(within) : 'Criteria'}</legend>
      <SelectField
        label="Combine"
        labelDetail={within}
        value={group.combine}
        options={COMBINE_OPTIONS}
        onChange={(value) => props.onChange({ ...group, combine: value as Combine })}
      />
      {group.children.length === 0 ? (
        <p className="form-hint">No criteria: every entity is included.</p>
      ) : null}
      <ul className="cohort-children">
        {named(group.children, path).map(({ child, name }, index) =>
          child.kind === 'group' ? (
            <li key={child.key}>
              <GroupEditor
                path={name}
                group={child}
                model={model}
                searchFeatures={props.searchFeatures}
                onChange={(next) => replace(index, next)}
                onRemove={() => replace(index, null)}
              />
            </li>
          ) : child.kind === 'raw' ? (
            <li key={child.key}>
              <fieldset aria-label={capitalized(name)} className="cohort-criterion">
                <code className="cohort-raw">{JSON.stringify(child.json)}</code>
                <button
                  type="button"
                  className="form-remove"
                  aria-label={`Remove ${name}`}
                  onClick={() => replace(index, null)}
                >
                  Remove criterion
                </button>
              </fieldset>
            </li>
          ) : (
            <CriterionRow
              key={child.key}
              name={name}
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
          aria-label={within && `Add criterion to ${within}`}
          disabled={model.attributes.length === 0 && model.modalities.length === 0}
          onClick={() =>
            props.onChange({ ...group, children: [...group.children, newAttributeCriterion(model)] })
          }
        >
          Add criterion
        </button>
        <button
          type="button"
          aria-label={within && `Add group to ${within}`}
          onClick={() => props.onChange({ ...group, children: [...group.children, emptyCohort('any')] })}
        >
          Add group
        </button>
        {props.onRemove ? (
          <button
            type="button"
            className="form-remove"
            aria-label={`Remove ${within}`}
            onClick={props.onRemove}
          >
            Remove group
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
