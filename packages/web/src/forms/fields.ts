/** Reads a protocol's parameter schema into form fields, and the form's values back into params (pure). */

import type { JsonSchema, ModelView } from '../api/types.ts';
import { isRecord } from '../components/isRecord.ts';
import { type CohortDraft, cohortFromJson, cohortToJson, emptyCohort } from './cohortDraft.ts';
import { matchesPattern } from './pattern.ts';

export type Widget =
  | { kind: 'cohort' }
  | { kind: 'attribute'; options: string[] }
  | { kind: 'attributes'; options: string[]; minItems?: number; maxItems?: number }
  | { kind: 'endpoint'; options: string[] }
  | { kind: 'modality'; options: string[] }
  | { kind: 'enum'; options: Array<string | number | boolean> }
  | {
      kind: 'number';
      integer: boolean;
      min?: number;
      max?: number;
      exclusiveMin?: number;
      exclusiveMax?: number;
    }
  | { kind: 'boolean' }
  | { kind: 'feature'; modality: string }
  | { kind: 'string'; maxLength?: number; pattern?: string }
  | { kind: 'json' };

export interface Field {
  name: string;
  label: string;
  description?: string;
  required: boolean;
  widget: Widget;
  default?: unknown;
}

export type FieldValue = string | boolean | string[] | CohortDraft;
export type FormValues = Record<string, FieldValue>;

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function stringEnum(schema: Record<string, unknown>): string[] | undefined {
  return Array.isArray(schema.enum) && schema.enum.every((value) => typeof value === 'string')
    ? (schema.enum as string[])
    : undefined;
}

function within(values: string[], ids: string[]): boolean {
  return values.length > 0 && values.every((value) => ids.includes(value));
}

/**
 * Which widget a property needs. The schema says it (see compileParameterSchema): a cohort is an object
 * without properties; attribute, endpoint and modality pickers are typed strings whose enum is model ids
 * (a protocol's own enum has no type); a feature names its modality in x-plexus-modality.
 */
export function widgetFor(schema: Record<string, unknown>, model: ModelView): Widget {
  const type = schema.type;
  if (type === 'object' && !isRecord(schema.properties)) return { kind: 'cohort' };
  if (type === 'array' && isRecord(schema.items)) {
    const options = stringEnum(schema.items);
    if (options) {
      return {
        kind: 'attributes',
        options,
        minItems: numberOf(schema.minItems),
        maxItems: numberOf(schema.maxItems),
      };
    }
    return { kind: 'json' };
  }
  if (type === 'string') {
    if (typeof schema['x-plexus-modality'] === 'string') {
      return { kind: 'feature', modality: schema['x-plexus-modality'] };
    }
    const options = stringEnum(schema);
    if (options) {
      const ids = (list: Array<{ id: string }>) => list.map((item) => item.id);
      if (within(options, ids(model.attributes))) return { kind: 'attribute', options };
      if (within(options, ids(model.endpoints))) return { kind: 'endpoint', options };
      if (within(options, ids(model.modalities))) return { kind: 'modality', options };
      if (options.length === 0) return { kind: 'attribute', options };
      return { kind: 'enum', options };
    }
    return {
      kind: 'string',
      maxLength: numberOf(schema.maxLength),
      pattern: typeof schema.pattern === 'string' ? schema.pattern : undefined,
    };
  }
  if (Array.isArray(schema.enum)) {
    const options = schema.enum.filter((value): value is string | number | boolean =>
      ['string', 'number', 'boolean'].includes(typeof value),
    );
    return { kind: 'enum', options };
  }
  if (type === 'number' || type === 'integer') {
    return {
      kind: 'number',
      integer: type === 'integer',
      min: numberOf(schema.minimum),
      max: numberOf(schema.maximum),
      exclusiveMin: numberOf(schema.exclusiveMinimum),
      exclusiveMax: numberOf(schema.exclusiveMaximum),
    };
  }
  if (type === 'boolean') return { kind: 'boolean' };
  return { kind: 'json' };
}

export function fieldsOf(parameters: JsonSchema, model: ModelView): Field[] {
  const properties = isRecord(parameters.properties) ? parameters.properties : {};
  const required = Array.isArray(parameters.required) ? parameters.required : [];
  return Object.entries(properties)
    .filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
    .map(([name, schema]) => ({
      name,
      label: typeof schema.title === 'string' && schema.title ? schema.title : name,
      description: typeof schema.description === 'string' ? schema.description : undefined,
      required: required.includes(name),
      widget: widgetFor(schema, model),
      default: schema.default,
    }));
}

/** The value a field starts with: the initial params' value, else the schema's default, else empty. */
export function initialValue(field: Field, initial: unknown): FieldValue {
  const value = initial !== undefined ? initial : field.default;
  switch (field.widget.kind) {
    case 'cohort':
      return value === undefined ? emptyCohort() : cohortFromJson(value);
    case 'attributes':
      return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
    case 'boolean':
      return value === true;
    case 'json':
      return value === undefined ? '' : JSON.stringify(value);
    default:
      return value === undefined || value === null ? '' : String(value);
  }
}

function numberError(widget: Extract<Widget, { kind: 'number' }>, value: number): string | undefined {
  if (widget.integer && !Number.isInteger(value)) return 'Enter a whole number.';
  if (widget.min !== undefined && value < widget.min) return `Enter at least ${widget.min}.`;
  if (widget.max !== undefined && value > widget.max) return `Enter at most ${widget.max}.`;
  if (widget.exclusiveMin !== undefined && value <= widget.exclusiveMin) {
    return `Enter more than ${widget.exclusiveMin}.`;
  }
  if (widget.exclusiveMax !== undefined && value >= widget.exclusiveMax) {
    return `Enter less than ${widget.exclusiveMax}.`;
  }
  return undefined;
}

/** One field's value for the params, `undefined` when empty, or an error message. */
function paramValue(field: Field, value: FieldValue, model: ModelView): { value?: unknown; error?: string } {
  const widget = field.widget;
  if (widget.kind === 'cohort') {
    if (typeof value !== 'object' || Array.isArray(value)) return {};
    const { cohort, problems } = cohortToJson(value, model);
    if (problems.length > 0) return { error: problems.map((problem) => problem.message).join(' ') };
    return Object.keys(cohort).length === 0 && !field.required ? {} : { value: cohort };
  }
  if (widget.kind === 'boolean') return { value: value === true };
  if (widget.kind === 'attributes') {
    const list = Array.isArray(value) ? value : [];
    if (list.length === 0) return {};
    if (widget.minItems !== undefined && list.length < widget.minItems) {
      return { error: `Choose at least ${widget.minItems}.` };
    }
    if (widget.maxItems !== undefined && list.length > widget.maxItems) {
      return { error: `Choose at most ${widget.maxItems}.` };
    }
    return { value: list };
  }
  if (typeof value !== 'string' || value.trim() === '') return {};
  switch (widget.kind) {
    case 'number': {
      const number = Number(value);
      if (!Number.isFinite(number)) return { error: 'Enter a number.' };
      const error = numberError(widget, number);
      return error ? { error } : { value: number };
    }
    case 'enum': {
      const option = widget.options.find((candidate) => String(candidate) === value);
      return option === undefined ? { error: 'Choose one of the options.' } : { value: option };
    }
    case 'json':
      try {
        return { value: JSON.parse(value) };
      } catch {
        return { error: 'Enter valid JSON.' };
      }
    case 'string':
      if (widget.maxLength !== undefined && value.length > widget.maxLength) {
        return { error: `Use at most ${widget.maxLength} characters.` };
      }
      if (widget.pattern !== undefined && !matchesPattern(value, widget.pattern)) {
        return { error: `Use the expected pattern: ${widget.pattern}` };
      }
      return { value };
    default:
      return { value };
  }
}

/** The params to submit (empty optional values left out) and the errors by field name. */
export function buildParams(
  fields: readonly Field[],
  values: FormValues,
  model: ModelView,
): { params: Record<string, unknown>; errors: Record<string, string> } {
  const params: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.name];
    const result = value === undefined ? {} : paramValue(field, value, model);
    if (result.error) errors[field.name] = result.error;
    else if (result.value !== undefined) params[field.name] = result.value;
    else if (field.required) errors[field.name] = 'Required.';
  }
  return { params, errors };
}
