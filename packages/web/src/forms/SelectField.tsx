import { useId } from 'react';

export interface Option {
  value: string;
  label: string;
}

/** A labelled <select>; `multiple` gives a list box whose value is every chosen option. */
export function SelectField(props: {
  label: string;
  /** Read after the label but not shown: tells apart selects whose visible labels are the same. */
  labelDetail?: string;
  options: readonly Option[];
  /** An empty first option with this text (e.g. "— none —"); omit for none. */
  empty?: string;
  required?: boolean;
  describedBy?: string;
  invalid?: boolean;
  value: string | string[];
  onChange: (value: string | string[]) => void;
  multiple?: boolean;
}) {
  const id = useId();
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {props.label}
        {props.labelDetail ? <span className="visually-hidden"> {props.labelDetail}</span> : null}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select
        id={id}
        value={props.value}
        multiple={props.multiple}
        size={props.multiple ? Math.min(Math.max(props.options.length, 2), 8) : undefined}
        required={props.required}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        onChange={(event) =>
          props.onChange(
            props.multiple
              ? Array.from(event.target.selectedOptions, (option) => option.value)
              : event.target.value,
          )
        }
      >
        {props.empty !== undefined && !props.multiple ? <option value="">{props.empty}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
