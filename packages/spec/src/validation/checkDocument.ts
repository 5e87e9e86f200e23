import type { TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describeTypedValue, describeValue, typeName } from './describeValue.ts';
import { didYouMean } from './didYouMean.ts';
import { isValidTypeBoxDocument, useFormats } from './fastCheck.ts';

/** A schema violation at a path inside a document, worded for the person who wrote it. */
export interface SchemaIssue {
  path: ReadonlyArray<string | number>;
  code: 'unknown-key' | 'missing-key' | 'wrong-type' | 'invalid-value';
  message: string;
  /** Point at the key itself rather than its value (unknown keys). */
  atKey?: boolean;
}

// ajv-formats is CommonJS with a default export; under NodeNext the callable sits on .default.
type AddFormats = (instance: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
addFormats(ajv);
useFormats(ajv.formats);
const compiled = new WeakMap<TSchema, ValidateFunction>();

function validatorFor(schema: TSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

export function checkDocument(schema: TSchema, value: unknown): SchemaIssue[] {
  // Most documents are valid: TypeBox's compiler answers that in a few milliseconds, where Ajv needs
  // tens to compile. Ajv, with every error and its context, is only asked to explain a failure.
  if (isValidTypeBoxDocument(schema, value)) return [];
  const validate = validatorFor(schema);
  if (validate(value)) return [];
  return explainErrors(validate.errors ?? []);
}

function pathOf(instancePath: string): Array<string | number> {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * Ajv reports every failed branch of a union. Keep the branch that got furthest into the value (the
 * writer's evident intent); when none got past the union itself, report the union as one message.
 */
function pruneUnions(errors: ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  const tagErrors: ErrorObject[] = [];
  const unions = errors
    .filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const union of unions) {
    if (dropped.has(union)) continue;
    const prefix = `${union.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const error of errors) {
      if (
        dropped.has(error) ||
        !error.schemaPath.startsWith(prefix) ||
        !isWithin(error.instancePath, union.instancePath)
      ) {
        continue;
      }
      const branch = error.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    const depthOf = (list: ErrorObject[]) =>
      Math.max(
        ...list.map(
          (error) => pathOf(error.instancePath).length + (error.keyword === 'additionalProperties' ? 1 : 0),
        ),
      );
    const unionDepth = pathOf(union.instancePath).length;
    let best: ErrorObject[] | undefined;
    let bestDepth = unionDepth;
    // A branch that failed a `const` (a tag such as type: attribute, attribute: age) is a different
    // variant, not a near miss: prefer branches whose tags matched.
    const tagged = [...branches.values()].filter((list) => !list.some((error) => error.keyword === 'const'));
    const tag = tagged.length === 0 ? commonTag([...branches.values()], union.instancePath) : undefined;
    if (tag) {
      for (const list of branches.values()) for (const error of list) dropped.add(error);
      dropped.add(union);
      tagErrors.push(tag);
      continue;
    }
    for (const list of tagged.length > 0 ? tagged : branches.values()) {
      const depth = depthOf(list);
      if (depth > bestDepth) {
        best = list;
        bestDepth = depth;
      }
    }
    for (const list of branches.values()) if (list !== best) for (const error of list) dropped.add(error);
    if (best) dropped.add(union);
  }
  return [...errors.filter((error) => !dropped.has(error)), ...tagErrors];
}

/**
 * When every variant of a tagged union rejected the value's tag (e.g. `type: atribute`), the useful
 * message is about the tag alone: one enum error listing every variant's tag.
 */
function commonTag(lists: ErrorObject[][], unionPath: string): ErrorObject | undefined {
  const tags = lists.map((list) => list.find((error) => error.keyword === 'const'));
  const first = tags[0];
  // Only a property of an object variant is a tag; a union of plain literals is reported as such.
  if (
    !first ||
    first.instancePath === unionPath ||
    tags.some((tag) => !tag || tag.instancePath !== first.instancePath)
  ) {
    return undefined;
  }
  const allowedValues = tags.map(
    (tag) => (tag?.params as { allowedValue?: unknown } | undefined)?.allowedValue,
  );
  return { ...first, keyword: 'enum', params: { allowedValues }, schemaPath: `${first.schemaPath}#tag` };
}

function isWithin(instancePath: string, parentPath: string): boolean {
  return instancePath === parentPath || instancePath.startsWith(`${parentPath}/`);
}

function unionMessage(error: ErrorObject): string {
  const schema = error.parentSchema as
    | { description?: string; anyOf?: Array<{ const?: unknown }> }
    | undefined;
  const consts = schema?.anyOf?.map((branch) => branch.const).filter((value) => value !== undefined) ?? [];
  const found = describeValue(error.data);
  if (consts.length > 0 && consts.length === schema?.anyOf?.length) {
    const hint = typeof error.data === 'string' ? didYouMean(error.data, consts.map(String)) : '';
    return `expected one of ${consts.map((value) => `'${String(value)}'`).join(', ')}, found ${found}${hint}`;
  }
  return `expected ${schema?.description ?? 'one of the allowed forms'}, found ${found}`;
}

function explainError(error: ErrorObject): SchemaIssue {
  const path = pathOf(error.instancePath);
  const found = describeValue(error.data);
  const schema = (error.parentSchema ?? {}) as { description?: string; properties?: Record<string, unknown> };
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys(schema.properties ?? {}).filter((name) => name !== '$schema');
      const message =
        allowed.length > 0
          ? `unknown key '${key}'${didYouMean(key, allowed)} (allowed: ${allowed.join(', ')})`
          : `'${key}' is not a valid name: ${describePattern(error.parentSchema)}`;
      return { path: [...path, key], code: 'unknown-key', message, atKey: true };
    }
    case 'required': {
      const key = String((error.params as { missingProperty: string }).missingProperty);
      return { path, code: 'missing-key', message: `missing required key '${key}'` };
    }
    case 'type': {
      // A patterned string (semver, identifier) says best in its description what it expects.
      const patterned =
        (error.parentSchema as { pattern?: string } | undefined)?.pattern !== undefined && schema.description;
      const expected = patterned
        ? lowerFirst(schema.description ?? '').replace(/\.$/, '')
        : (error.params as { type: string }).type;
      return {
        path,
        code: 'wrong-type',
        message: `expected ${expected}, found ${describeTypedValue(error.data)}`,
      };
    }
    case 'const':
      return {
        path,
        code: 'invalid-value',
        message: `expected '${String((error.params as { allowedValue: unknown }).allowedValue)}', found ${found}`,
      };
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const hint = typeof error.data === 'string' ? didYouMean(error.data, allowed) : '';
      return {
        path,
        code: 'invalid-value',
        message: `expected one of ${allowed.map((value) => `'${value}'`).join(', ')}, found ${found}${hint}`,
      };
    }
    case 'anyOf':
    case 'oneOf': {
      const branches =
        (error.parentSchema as { anyOf?: Array<{ const?: unknown }> } | undefined)?.anyOf ?? [];
      const sameKind = branches.some(
        (branch) => branch.const !== undefined && typeof branch.const === typeof error.data,
      );
      const code = typeName(error.data) === 'object' || sameKind ? 'invalid-value' : 'wrong-type';
      return { path, code, message: unionMessage(error) };
    }
    case 'pattern':
      return {
        path,
        code: 'invalid-value',
        message: `${found} is not valid: ${schema.description ?? `must match ${error.schema}`}`,
      };
    case 'minProperties':
    case 'maxProperties':
      return {
        path,
        code: 'invalid-value',
        message: schema.description
          ? `expected ${lowerFirst(schema.description)}`
          : (error.message ?? 'invalid'),
      };
    default:
      return { path, code: 'invalid-value', message: `${error.message ?? 'invalid value'}, found ${found}` };
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function describePattern(parentSchema: unknown): string {
  const patterns = (parentSchema as { patternProperties?: Record<string, { description?: string }> })
    ?.patternProperties;
  const first = patterns ? Object.keys(patterns)[0] : undefined;
  return first ? `names must match ${first}` : 'unexpected key';
}

export function explainErrors(errors: ErrorObject[]): SchemaIssue[] {
  const explained = pruneUnions(errors).map(explainError);
  // A misspelt required key shows up twice (unknown 'lable', missing 'label'): keep the one that says both.
  const suggested = new Set(
    explained
      .filter((issue) => issue.code === 'unknown-key')
      .map(
        (issue) =>
          `${issue.path.slice(0, -1).join('/')}|${/did you mean '([^']+)'/.exec(issue.message)?.[1] ?? ''}`,
      ),
  );
  const issues = explained.filter(
    (issue) =>
      issue.code !== 'missing-key' ||
      !suggested.has(`${issue.path.join('/')}|${/'([^']+)'$/.exec(issue.message)?.[1] ?? ''}`),
  );
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path.join('/')}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
