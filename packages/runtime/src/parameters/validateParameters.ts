import type { Protocol } from '@plexus/spec';
import { checkDocument, describeValue, type ErrorDetail, InputError } from '@plexus/spec';
import type { TSchema } from '@sinclair/typebox';

type JsonSchema = Record<string, unknown>;

/** The branch of a oneOf whose `const` properties (its tags, e.g. attribute: age) match the data. */
function matchingBranch(schema: JsonSchema, data: unknown): JsonSchema | undefined {
  const branches = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  return branches?.find((branch) =>
    Object.entries((branch.properties ?? {}) as Record<string, JsonSchema>).every(
      ([key, property]) =>
        !('const' in property) || (data as Record<string, unknown> | null)?.[key] === property.const,
    ),
  );
}

function schemaAt(
  schema: JsonSchema,
  value: unknown,
  path: ReadonlyArray<string | number>,
): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  let data = value;
  for (const segment of path) {
    if (!current) return undefined;
    if (typeof segment === 'number') current = current.items as JsonSchema | undefined;
    else {
      const properties = current.properties as Record<string, JsonSchema> | undefined;
      current =
        properties?.[segment] ??
        (matchingBranch(current, data)?.properties as Record<string, JsonSchema> | undefined)?.[segment];
    }
    data =
      data !== null && typeof data === 'object'
        ? (data as Record<string | number, unknown>)[segment]
        : undefined;
  }
  return current;
}

function valueAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * Checks `params` against a protocol's compiled parameter schema and applies defaults. Every problem
 * becomes one detail naming the parameter, what was expected, what was found and the allowed values.
 */
export function validateParameters(
  protocol: Protocol,
  schema: JsonSchema,
  params: unknown,
): Record<string, unknown> {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new InputError(`params must be an object of named parameters, found ${describeValue(params)}`, [
      { at: 'params', message: 'params must be an object', expected: 'object', found: params },
    ]);
  }
  const resolved: Record<string, unknown> = { ...(params as Record<string, unknown>) };
  for (const [name, parameter] of Object.entries(protocol.parameters)) {
    if (resolved[name] !== undefined) continue;
    if (parameter.type === 'cohort') resolved[name] = {};
    else if ('default' in parameter && parameter.default !== undefined) resolved[name] = parameter.default;
  }
  const issues = checkDocument(schema as unknown as TSchema, resolved);
  if (issues.length === 0) return resolved;
  const details: ErrorDetail[] = issues.map((issue) => {
    const [name, ...rest] = issue.path;
    const at =
      issue.path.length === 0
        ? 'params'
        : issue.path
            .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`))
            .join('')
            .slice(1);
    const atRoot = issue.path.length === 1 && issue.code === 'unknown-key';
    const message = atRoot
      ? issue.message.replace(/^unknown key/, 'unknown parameter')
      : issue.code === 'missing-key' && issue.path.length === 0
        ? issue.message.replace(/^missing required key/, 'missing required parameter')
        : `parameter '${String(name)}'${rest.length ? ` (${at})` : ''}: ${issue.message}`;
    const target = schemaAt(schema, resolved, issue.path);
    const allowed = atRoot ? Object.keys(protocol.parameters) : (target?.enum as unknown[] | undefined);
    return {
      at,
      message,
      ...(target?.type ? { expected: String(target.type) } : {}),
      found: atRoot ? name : valueAt(resolved, issue.path),
      ...(allowed ? { allowed } : {}),
    };
  });
  throw new InputError(
    `invalid parameters for protocol '${protocol.id}': ${details.map((detail) => detail.message).join('; ')}`,
    details,
  );
}
