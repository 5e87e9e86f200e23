import type { ErrorDetail } from '@plexus/spec';
import { didYouMean } from '@plexus/spec';
import type { FastifySchemaValidationError } from 'fastify';
import { jsonTypeName } from './jsonTypeName.ts';

/** Ajv runs with `verbose`, so each error also carries the offending value and the schema around it. */
interface VerboseValidationError extends FastifySchemaValidationError {
  data?: unknown;
  parentSchema?: { properties?: Record<string, unknown> };
}

/**
 * Turns Fastify's (Ajv's) validation errors into error details that name the field, say what was expected
 * and what was found. `at` is the request part followed by the JSON pointer, e.g. `body/params`.
 */
export function validationDetails(errors: readonly VerboseValidationError[], part: string): ErrorDetail[] {
  return errors.map((error) => {
    const at = `${part}${error.instancePath}`;
    const params = error.params;
    switch (error.keyword) {
      case 'additionalProperties': {
        const name = String(params.additionalProperty);
        const allowed = Object.keys(error.parentSchema?.properties ?? {});
        return {
          at: `${at}/${name}`,
          message: `unknown field '${name}'${didYouMean(name, allowed)}`,
          allowed,
        };
      }
      case 'required':
        return { at: `${at}/${String(params.missingProperty)}`, message: 'is required' };
      case 'type':
        return {
          at,
          message: `must be ${String(params.type)}, found ${jsonTypeName(error.data)}`,
          expected: String(params.type),
          found: jsonTypeName(error.data),
        };
      case 'enum':
        return {
          at,
          message: error.message ?? 'must be one of the allowed values',
          found: error.data,
          allowed: Array.isArray(params.allowedValues) ? params.allowedValues : [],
        };
      default:
        return { at, message: error.message ?? `fails the ${error.keyword} rule` };
    }
  });
}
