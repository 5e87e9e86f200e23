import { useId } from 'react';

/** A labelled <input> (text, number or date). */
export function InputField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number' | 'date';
  step?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  /** An HTML pattern (it must match the whole value). */
  pattern?: string;
  required?: boolean;
  placeholder?: string;
  describedBy?: string;
  invalid?: boolean;
  /** Shown after the input, e.g. a unit. */
  suffix?: string;
}) {
  const id = useId();
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        step={props.step}
        min={props.min}
        max={props.max}
        maxLength={props.maxLength}
        pattern={props.pattern}
        required={props.required}
        placeholder={props.placeholder}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.suffix ? <span className="form-suffix">{props.suffix}</span> : null}
    </div>
  );
}
