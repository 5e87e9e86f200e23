import type { FeatureHitView, ModelView } from '../api/types.ts';
import type { EventsDraft } from './cohortDraft.ts';
import { FeaturePicker } from './FeaturePicker.tsx';
import { InputField } from './InputField.tsx';

/** A criterion on an events modality: an event name, optional text/group, how many, within which days. */
export function EventsCriterionEditor(props: {
  draft: EventsDraft;
  model: ModelView;
  onChange: (draft: EventsDraft) => void;
  searchFeatures: (modality: string, text: string) => Promise<FeatureHitView[]>;
}) {
  const { draft } = props;
  const modality = props.model.modalities.find((item) => item.id === draft.modality);
  const fields: string[] = modality?.kind === 'events' ? modality.fields : [];
  return (
    <>
      <FeaturePicker
        label="Event name"
        modality={draft.modality}
        value={draft.name}
        searchFeatures={props.searchFeatures}
        onChange={(name) => props.onChange({ ...draft, name })}
      />
      {fields.includes('text') ? (
        <InputField
          label="Text value"
          value={draft.text}
          onChange={(text) => props.onChange({ ...draft, text })}
        />
      ) : null}
      {fields.includes('group') ? (
        <InputField
          label="Event group"
          value={draft.group}
          onChange={(group) => props.onChange({ ...draft, group })}
        />
      ) : null}
      <InputField
        label="At least (events)"
        type="number"
        step="1"
        min={1}
        value={draft.atLeast}
        onChange={(atLeast) => props.onChange({ ...draft, atLeast })}
      />
      <InputField
        label="From day"
        type="number"
        step="any"
        value={draft.from}
        onChange={(from) => props.onChange({ ...draft, from })}
      />
      <InputField
        label="To day"
        type="number"
        step="any"
        value={draft.to}
        onChange={(to) => props.onChange({ ...draft, to })}
      />
    </>
  );
}
