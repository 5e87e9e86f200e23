import type { ModelView } from '../api/types.ts';
import { type AttributeDraft, OPERATOR_LABELS, operatorsFor } from './cohortDraft.ts';
import { InputField } from './InputField.tsx';
import { SelectField } from './SelectField.tsx';

function inputType(type: string | undefined): 'number' | 'date' | 'text' {
  if (type === 'integer' || type === 'number') return 'number';
  return type === 'date' ? 'date' : 'text';
}

/** A criterion on one attribute: attribute, an operator its type allows, and the value(s). */
export function AttributeCriterionEditor(props: {
  draft: AttributeDraft;
  model: ModelView;
  onChange: (draft: AttributeDraft) => void;
}) {
  const { draft, model } = props;
  const attribute = model.attributes.find((item) => item.id === draft.attribute);
  const operators = operatorsFor(attribute?.type);
  const levels =
    attribute?.type === 'boolean'
      ? ['true', 'false']
      : Array.isArray(attribute?.levels)
        ? attribute.levels
        : undefined;
  const levelOptions = levels?.map((level) => ({ value: level, label: level }));
  const unit = attribute?.unit;

  function changeAttribute(id: string): void {
    const next = model.attributes.find((item) => item.id === id);
    const allowed = operatorsFor(next?.type);
    props.onChange({
      ...draft,
      attribute: id,
      op: allowed.includes(draft.op) && next?.type === attribute?.type ? draft.op : (allowed[0] ?? 'eq'),
      value: '',
      valueTo: '',
      values: [],
    });
  }

  const needsValue = draft.op !== 'missing' && draft.op !== 'present';
  const many = draft.op === 'in' || draft.op === 'notIn';
  return (
    <>
      <SelectField
        label="Attribute"
        value={draft.attribute}
        options={model.attributes.map((item) => ({ value: item.id, label: item.label || item.id }))}
        onChange={(value) => changeAttribute(String(value))}
      />
      <SelectField
        label="Operator"
        value={draft.op}
        options={operators.map((op) => ({ value: op, label: OPERATOR_LABELS[op] ?? op }))}
        onChange={(value) => props.onChange({ ...draft, op: String(value) })}
      />
      {needsValue && many && levelOptions ? (
        <SelectField
          label="Value"
          multiple
          value={draft.values}
          options={levelOptions}
          onChange={(value) => props.onChange({ ...draft, values: Array.isArray(value) ? value : [value] })}
        />
      ) : null}
      {needsValue && many && !levelOptions ? (
        <InputField
          label="Value"
          placeholder="values, separated by commas"
          value={draft.values.join(', ')}
          onChange={(value) =>
            props.onChange({
              ...draft,
              values: value
                .split(',')
                .map((item) => item.trim())
                .filter((item) => item !== ''),
            })
          }
        />
      ) : null}
      {needsValue && !many && levelOptions ? (
        <SelectField
          label="Value"
          empty="— choose —"
          value={draft.value}
          options={levelOptions}
          onChange={(value) => props.onChange({ ...draft, value: String(value) })}
        />
      ) : null}
      {needsValue && !many && !levelOptions ? (
        <InputField
          label="Value"
          suffix={unit}
          type={inputType(attribute?.type)}
          step={attribute?.type === 'integer' ? '1' : 'any'}
          value={draft.value}
          onChange={(value) => props.onChange({ ...draft, value })}
        />
      ) : null}
      {needsValue && draft.op === 'between' ? (
        <InputField
          label="Value (to)"
          suffix={unit}
          type={inputType(attribute?.type)}
          step={attribute?.type === 'integer' ? '1' : 'any'}
          value={draft.valueTo}
          onChange={(valueTo) => props.onChange({ ...draft, valueTo })}
        />
      ) : null}
    </>
  );
}
