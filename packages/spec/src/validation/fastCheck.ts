import { FormatRegistry, Kind, type TSchema } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

/** Registers string formats for TypeBox, judged by the given checks (Ajv's), so both agree on them. */
export function useFormats(formats: Record<string, unknown>): void {
  for (const [name, format] of Object.entries(formats)) {
    const check =
      format && typeof format === 'object' && 'validate' in format
        ? (format as { validate: unknown }).validate
        : format;
    if (check instanceof RegExp) FormatRegistry.Set(name, (value) => check.test(value));
    else if (typeof check === 'function')
      FormatRegistry.Set(name, (value) => Boolean((check as (text: string) => unknown)(value)));
  }
}

/**
 * True when a TypeBox schema accepts the value, by TypeBox's own compiled check (milliseconds to
 * compile). False means "not known to be valid" — also for plain JSON Schemas — and the caller asks Ajv.
 */
export function isValidTypeBoxDocument(schema: TSchema, value: unknown): boolean {
  if (!(Kind in schema)) return false;
  let check = compiled.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema);
    compiled.set(schema, check);
  }
  return check.Check(value);
}
