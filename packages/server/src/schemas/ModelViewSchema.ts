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
    histogram: Type.Optional(
      Type.Object(
        {
          edges: Type.Array(Type.Number(), { description: 'Bin edges, one more than the counts.' }),
          counts: Type.Array(CountSchema),
        },
        { additionalProperties: false, description: 'Equal-width bins from min to max.' },
      ),
    ),
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

const modalityBase = {
  id: Type.String(),
  label: Type.String(),
  description: Type.Optional(Type.String()),
  rows: CountSchema,
  entities: Type.Integer({ minimum: 0, description: 'Entities with at least one value.' }),
  dropped: Type.Integer({
    minimum: 0,
    description: 'Source rows left out: their entity is not in the product.',
  }),
};

export const ModelModalitySchema = Type.Union(
  [
    Type.Object(
      {
        ...modalityBase,
        kind: Type.Literal('events'),
        timeKind: Type.Union([Type.Literal('offset'), Type.Literal('date')]),
        fields: Type.Array(
          Type.Union([
            Type.Literal('code'),
            Type.Literal('group'),
            Type.Literal('value'),
            Type.Literal('text'),
            Type.Literal('unit'),
          ]),
        ),
        names: Type.Integer({ minimum: 0, description: 'Distinct event names.' }),
        topNames: Type.Array(
          Type.Object(
            { name: Type.String(), events: CountSchema, entities: CountSchema },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        ...modalityBase,
        kind: Type.Literal('matrix'),
        unit: Type.Optional(Type.String()),
        features: Type.Integer({ minimum: 0 }),
        hasNames: Type.Boolean(),
        summary: Type.Object(
          {
            min: Type.Union([Type.Number(), Type.Null()]),
            max: Type.Union([Type.Number(), Type.Null()]),
            mean: Type.Union([Type.Number(), Type.Null()]),
            missing: CountSchema,
          },
          { additionalProperties: false },
        ),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        ...modalityBase,
        kind: Type.Literal('variants'),
        fields: Type.Array(
          Type.Union([Type.Literal('gene'), Type.Literal('consequence'), Type.Literal('zygosity')]),
        ),
        genes: Type.Integer({ minimum: 0 }),
        profiled: Type.Integer({
          minimum: 0,
          description: 'Entities with genotypes, carrying variants or not.',
        }),
        topGenes: Type.Array(
          Type.Object(
            { gene: Type.String(), variants: CountSchema, entities: CountSchema },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
  ],
  {
    description:
      'A modality with its size: events with their most frequent names, a matrix with its feature count, variants with their most frequent genes.',
  },
);

/** Mirrors `ModelView` of @plexus/runtime: the entity, its attributes, endpoints and modalities, with summaries (facets). */
export const ModelViewSchema = Type.Object(
  {
    entity: EntityCountSchema,
    attributes: Type.Array(ModelAttributeSchema),
    endpoints: Type.Array(ModelEndpointSchema),
    modalities: Type.Array(ModelModalitySchema),
  },
  { $id: 'ModelView', additionalProperties: false },
);
