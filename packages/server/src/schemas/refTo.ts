import { type Static, type TSchema, type TUnsafe, Type } from '@sinclair/typebox';

/**
 * A `$ref` to a schema registered with `app.addSchema`, typed as the schema itself. Fastify resolves it
 * for validation and serialization, and @fastify/swagger turns it into `#/components/schemas/<$id>`, so
 * shared shapes appear once in the OpenAPI document instead of inlined into every operation.
 */
export function refTo<T extends TSchema>(schema: T, description?: string): TUnsafe<Static<T>> {
  if (schema.$id === undefined) throw new Error('refTo needs a schema with an $id');
  return Type.Unsafe<Static<T>>(Type.Ref(schema.$id, description === undefined ? {} : { description }));
}
