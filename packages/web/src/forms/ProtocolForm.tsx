import './forms.css';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { FieldControl } from './FieldControl.tsx';
import { buildParams, type FieldValue, type FormValues, fieldsOf, initialValue } from './fields.ts';
import type { ProtocolFormProps } from './ProtocolFormProps.ts';

/**
 * The form of a protocol, generated from its parameter schema. Starts from `initial` (else the
 * defaults) when mounted: give it a new `key` to start over with other values.
 */
export function ProtocolForm(props: ProtocolFormProps) {
  const fields = useMemo(() => fieldsOf(props.parameters, props.model), [props.parameters, props.model]);
  const [values, setValues] = useState<FormValues>(() =>
    Object.fromEntries(fields.map((field) => [field.name, initialValue(field, props.initial?.[field.name])])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  // Counts failed submits, so that each one (even with the same errors) moves the focus again.
  const [failedSubmits, setFailedSubmits] = useState(0);

  // After the errors are rendered: the first field marked invalid, in the form's order, gets the focus,
  // so a keyboard or screen reader user lands on what to fix instead of staying on the Run button.
  useEffect(() => {
    if (failedSubmits === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]')?.focus();
  }, [failedSubmits]);

  function change(name: string, value: FieldValue): void {
    setValues((previous) => ({ ...previous, [name]: value }));
    setErrors((previous) => {
      if (!(name in previous)) return previous;
      const { [name]: _removed, ...rest } = previous;
      return rest;
    });
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const built = buildParams(fields, values, props.model);
    setErrors(built.errors);
    if (Object.keys(built.errors).length === 0) props.onSubmit(built.params);
    else setFailedSubmits((count) => count + 1);
  }

  const errorCount = Object.keys(errors).length;
  return (
    <form ref={form} className="protocol-form" onSubmit={submit} noValidate>
      {fields.some((field) => field.required) ? (
        <p className="form-hint">
          Fields marked <span aria-hidden="true">*</span>
          <span className="visually-hidden">with an asterisk</span> are required.
        </p>
      ) : null}
      {fields.map((field) => (
        <FieldControl
          key={field.name}
          field={field}
          value={values[field.name] ?? ''}
          error={errors[field.name]}
          onChange={(value) => change(field.name, value)}
          form={props}
        />
      ))}
      {errorCount > 0 ? (
        <p role="alert" className="form-error">
          {errorCount === 1 ? 'One field needs' : `${errorCount} fields need`} attention before the run.
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="form-run" disabled={props.busy}>
          {props.submitLabel ?? 'Run'}
        </button>
      </div>
    </form>
  );
}
