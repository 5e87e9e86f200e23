import { ColumnTypeSchema } from '@plexus/spec';
import { Type } from '@sinclair/typebox';
import { EntityCountSchema } from './ProductDescriptorSchema.ts';

const CountSchema = Type.Integer({ minimum: 0 });

/** Mirrors `AttributeSummary` of @plexus/runtime; which fields are present depends on the attribute type. */
export const AttributeSummarySchema = Type.Object(
  {
    count: CountSchema,
    missing: CountSchema,
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    mean: Type.Optional(Type.Number()),
    sd: Type.Optional(Type.Number()),
    // A plain array with fixed length rather than Type.Tuple: TypeBox tuples emit draft-07 `items: [...]`,
    // which is not valid JSON Schema 2020-12 and so not valid in OpenAPI 3.1.
    quartiles: Type.Optional(
      Type.Unsafe<[number, number, number]>(
        Type.Array(Type.Number(), {
          minItems: 3,
          maxItems: 3,
          description: 'First quartile, median, third quartile.',
        }),
      ),
    ),
    first: Type.Optional(Type.String({ format: 'date' })),
    last: Type.Optional(Type.String({ format: 'date' })),
    levels: Type.Optional(
      Type.Array(Type.Object({ value: Type.String(), count: CountSchema }, { additionalProperties: false })),
    ),
    distinct: Type.Optional(CountSchema),
  },
  { additionalProperties: false },
);

export const ModelAttributeSchema = Type.Object(
  {
    id: Type.String(),
    label: Type.String(),
    type: ColumnTypeSchema,
    unit: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    levels: Type.Optional(Type.Array(Type.String())),
    summary: AttributeSummarySchema,
  },
  { additionalProperties: false },
);

export const ModelEndpointSchema = Type.Object(
  {
    id: Type.String(),
    label: Type.String(),
    description: Type.Optional(Type.String()),
    unit: Type.String(),
    summary: Type.Object(
      { count: CountSchema, events: CountSchema, censored: CountSchema, missing: CountSchema },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** Mirrors `ModelView` of @plexus/runtime: the entity, its attributes and endpoints, with summaries. */
export const ModelViewSchema = Type.Object(
  {
    entity: EntityCountSchema,
    attributes: Type.Array(ModelAttributeSchema),
    endpoints: Type.Array(ModelEndpointSchema),
  },
  { $id: 'ModelView', additionalProperties: false },
);
