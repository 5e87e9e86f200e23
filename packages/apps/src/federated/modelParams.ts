import type { FrameColumn, ManifestAttribute, ManifestEndpoint } from '@plexus/engine';
import type { PluginContext } from '@plexus/runtime';
import { didYouMean, InputError } from '@plexus/spec';
import { groupLabels } from '../survival/kaplanMeierTables.ts';

/** The level under which entities without a value are counted (present only when there are some). */
export const MISSING_LEVEL = '(missing)';

/** The group of an aggregate without a grouping attribute. */
export const ALL_GROUP = 'all';

/** A string parameter, or undefined when it is absent, null or empty. */
export function optionalParam(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  return value === undefined || value === null || value === '' ? undefined : String(value);
}

/** A finite number parameter, or undefined when it is absent or null. */
export function optionalNumber(params: Record<string, unknown>, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) {
    throw new InputError(`${name} is ${String(value)}; it must be a number`, [
      { at: name, message: 'not a number', found: value },
    ]);
  }
  return number;
}

function requiredParam(params: Record<string, unknown>, name: string): string {
  const value = optionalParam(params, name);
  if (value === undefined) {
    throw new InputError(`set ${name}`, [{ at: name, message: 'required' }]);
  }
  return value;
}

/** The endpoint a parameter names. */
export function endpointParam(context: PluginContext, name = 'endpoint'): ManifestEndpoint {
  const id = requiredParam(context.params, name);
  const endpoint = context.model.endpoints.find((candidate) => candidate.id === id);
  if (!endpoint) {
    const allowed = context.model.endpoints.map((candidate) => candidate.id);
    throw new InputError(
      `${name} '${id}' is not an endpoint of ${context.product.id}${didYouMean(id, allowed)}`,
      [{ at: name, message: 'not an endpoint', found: id, allowed }],
    );
  }
  return endpoint;
}

/** The attribute a parameter names, of one of the given types. */
export function attributeParam(
  context: PluginContext,
  name: string,
  types: readonly string[],
): ManifestAttribute {
  const id = requiredParam(context.params, name);
  const attribute = context.model.attributes.find((candidate) => candidate.id === id);
  if (!attribute) {
    const allowed = context.model.attributes
      .filter((candidate) => types.includes(candidate.type))
      .map((candidate) => candidate.id);
    throw new InputError(
      `${name} '${id}' is not an attribute of ${context.product.id}${didYouMean(id, allowed)}`,
      [{ at: name, message: 'not an attribute', found: id, allowed }],
    );
  }
  if (!types.includes(attribute.type)) {
    throw new InputError(`${name} '${id}' is ${attribute.type}; it must be ${types.join(' or ')}`, [
      { at: name, message: `not ${types.join(' or ')}`, found: attribute.type, allowed: types },
    ]);
  }
  return attribute;
}

/** A grouping attribute with its levels, in the model's order. */
export interface Grouping {
  attribute: ManifestAttribute;
  /**
   * The levels every site uses: a category's levels as the model lists them, `true` and `false` for
   * a boolean (as cohort summary and Kaplan–Meier order them). Never taken from a site's data.
   */
  levels: string[];
}

/** The category or boolean attribute a parameter names, with its levels from the model. */
export function groupingParam(context: PluginContext, name: string): Grouping {
  const attribute = attributeParam(context, name, ['category', 'boolean']);
  const levels = attribute.type === 'boolean' ? ['true', 'false'] : [...(attribute.levels ?? [])];
  if (levels.length === 0) {
    throw new InputError(`${attribute.label} (${name}) has no levels in the model of ${context.product.id}`, [
      { at: name, message: 'no levels', found: attribute.id },
    ]);
  }
  return { attribute, levels };
}

/** The index into `levels` of every row's value of a category or boolean column; -1 where missing. */
export function levelCodes(column: FrameColumn | undefined, levels: readonly string[]): Int32Array {
  if (!column) throw new Error('frame lacks the requested column');
  const index = new Map(levels.map((level, position) => [level, position]));
  return Int32Array.from(groupLabels(column), (label) => {
    if (label === null) return -1;
    const position = index.get(label);
    if (position === undefined) throw new Error(`value '${label}' is not a level of the model`);
    return position;
  });
}
