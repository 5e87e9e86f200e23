import { type ReactNode, useId } from 'react';
import { CohortBuilder } from './CohortBuilder.tsx';
import type { CohortDraft } from './cohortDraft.ts';
import { FeaturePicker } from './FeaturePicker.tsx';
import type { Field, FieldValue } from './fields.ts';
import { InputField } from './InputField.tsx';
import type { ProtocolFormProps } from './ProtocolFormProps.ts';
import { htmlPattern } from './pattern.ts';
import { type Option, SelectField } from './SelectField.tsx';

function labelled(ids: string[], list: ReadonlyArray<{ id: string; label?: string }>): Option[] {
  return ids.map((id) => ({ value: id, label: list.find((item) => item.id === id)?.label || id }));
}

/** The part of the model a single-choice picker offers. */
function modelList(
  model: ProtocolFormProps['model'],
  kind: 'attribute' | 'endpoint' | 'modality',
): ReadonlyArray<{ id: string; label?: string }> {
  return kind === 'attribute' ? model.attributes : kind === 'endpoint' ? model.endpoints : model.modalities;
}

/** The control of one parameter, chosen by its widget. */
export function FieldControl(props: {
  field: Field;
  value: FieldValue;
  error?: string;
  onChange: (value: FieldValue) => void;
  form: Pick<ProtocolFormProps, 'model' | 'countCohort' | 'searchFeatures'>;
}) {
  const { field, value, form } = props;
  const id = useId();
  const widget = field.widget;
  const pattern = widget.kind === 'string' ? widget.pattern : undefined;
  const describedBy = [
    field.description ? `${id}-help` : '',
    pattern !== undefined ? `${id}-pattern` : '',
    props.error ? `${id}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const common = {
    label: field.label,
    required: field.required,
    describedBy: describedBy || undefined,
    invalid: props.error !== undefined,
  };
  const text = typeof value === 'string' ? value : '';
  const empty = field.required ? '— choose —' : '— none —';

  let control: ReactNode;
  switch (widget.kind) {
    case 'cohort':
      return (
        <div className="form-row">
          <CohortBuilder
            label={field.label}
            description={field.description}
            value={value as CohortDraft}
            model={form.model}
            onChange={props.onChange}
            countCohort={form.countCohort}
            searchFeatures={form.searchFeatures}
            describedBy={props.error ? `${id}-error` : undefined}
            invalid={common.invalid}
          />
          {props.error ? (
            <p className="form-error" id={`${id}-error`}>
              {props.error}
            </p>
          ) : null}
        </div>
      );
    case 'attribute':
    case 'endpoint':
    case 'modality':
      // One of the model's attributes, endpoints or modalities, shown by its label.
      control = (
        <SelectField
          {...common}
          empty={empty}
          value={text}
          options={labelled(widget.options, modelList(form.model, widget.kind))}
          onChange={props.onChange}
        />
      );
      break;
    case 'attributes':
      control = (
        <SelectField
          {...common}
          multiple
          value={Array.isArray(value) ? value : []}
          options={labelled(widget.options, form.model.attributes)}
          onChange={props.onChange}
        />
      );
      break;
    case 'enum':
      control = (
        <SelectField
          {...common}
          empty={field.default === undefined ? empty : undefined}
          value={text}
          options={widget.options.map((option) => ({ value: String(option), label: String(option) }))}
          onChange={props.onChange}
        />
      );
      break;
    case 'number':
      control = (
        <InputField
          {...common}
          type="number"
          step={widget.integer ? '1' : 'any'}
          min={widget.min ?? widget.exclusiveMin}
          max={widget.max ?? widget.exclusiveMax}
          value={text}
          onChange={props.onChange}
        />
      );
      break;
    case 'boolean':
      control = (
        <div className="form-field form-check">
          <input
            id={`${id}-check`}
            type="checkbox"
            checked={value === true}
            aria-describedby={common.describedBy}
            aria-invalid={common.invalid || undefined}
            onChange={(event) => props.onChange(event.target.checked)}
          />
          <label htmlFor={`${id}-check`}>{field.label}</label>
        </div>
      );
      break;
    case 'feature':
      control = (
        <FeaturePicker
          {...common}
          modality={widget.modality}
          value={text}
          onChange={props.onChange}
          searchFeatures={form.searchFeatures}
        />
      );
      break;
    case 'string':
      control = (
        <InputField
          {...common}
          maxLength={widget.maxLength}
          pattern={widget.pattern === undefined ? undefined : htmlPattern(widget.pattern)}
          value={text}
          onChange={props.onChange}
        />
      );
      break;
    default:
      control = <InputField {...common} placeholder="JSON" value={text} onChange={props.onChange} />;
  }
  return (
    <div className="form-row">
      {control}
      {field.description ? (
        <p className="form-hint" id={`${id}-help`}>
          {field.description}
        </p>
      ) : null}
      {pattern !== undefined ? (
        <p className="form-hint" id={`${id}-pattern`}>
          Expected pattern: <code>{pattern}</code>
        </p>
      ) : null}
      {props.error ? (
        <p className="form-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
