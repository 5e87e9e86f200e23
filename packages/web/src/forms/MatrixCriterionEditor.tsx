import type { FeatureHitView } from '../api/types.ts';
import { MATRIX_OPERATORS, type MatrixDraft, OPERATOR_LABELS } from './cohortDraft.ts';
import { FeaturePicker } from './FeaturePicker.tsx';
import { InputField } from './InputField.tsx';
import { SelectField } from './SelectField.tsx';

/** A criterion on one feature of a matrix (e.g. a gene's expression): a comparison or a percentile. */
export function MatrixCriterionEditor(props: {
  draft: MatrixDraft;
  onChange: (draft: MatrixDraft) => void;
  searchFeatures: (modality: string, text: string) => Promise<FeatureHitView[]>;
}) {
  const { draft } = props;
  const percentile = draft.op === 'above' || draft.op === 'below';
  return (
    <>
      <FeaturePicker
        label="Feature"
        modality={draft.modality}
        value={draft.feature}
        searchFeatures={props.searchFeatures}
        onChange={(feature) => props.onChange({ ...draft, feature })}
      />
      <SelectField
        label="Operator"
        value={draft.op}
        options={MATRIX_OPERATORS.map((op) => ({ value: op, label: OPERATOR_LABELS[op] ?? op }))}
        onChange={(op) => props.onChange({ ...draft, op: String(op) })}
      />
      <InputField
        label="Value"
        type="number"
        step="any"
        min={percentile ? 0 : undefined}
        max={percentile ? 100 : undefined}
        suffix={percentile ? 'th percentile' : undefined}
        value={draft.value}
        onChange={(value) => props.onChange({ ...draft, value })}
      />
      {draft.op === 'between' ? (
        <InputField
          label="Value (to)"
          type="number"
          step="any"
          value={draft.valueTo}
          onChange={(valueTo) => props.onChange({ ...draft, valueTo })}
        />
      ) : null}
    </>
  );
}
