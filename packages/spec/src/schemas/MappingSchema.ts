import { type Static, Type } from '@sinclair/typebox';
import { ApiVersionSchema, ColumnTypeSchema, IdentifierSchema, ScalarSchema } from './common.ts';
import { ModalitySchema } from './ModalitySchema.ts';

const SeveritySchema = Type.Union([Type.Literal('error'), Type.Literal('warn')], {
  description: 'error (default) fails the build; warn reports and goes on.',
});

export const SourceColumnSchema = Type.Object(
  {
    type: ColumnTypeSchema,
    name: Type.Optional(
      Type.String({ description: 'Header of the column in the file when it differs from the key.' }),
    ),
    description: Type.Optional(Type.String()),
    values: Type.Optional(
      Type.Record(Type.String(), ScalarSchema, {
        description:
          'Value map from codes in the file to values, e.g. {1: standard, 2: test}. Unmapped codes fail the build.',
      }),
    ),
    format: Type.Optional(
      Type.String({ description: 'Date format in strftime notation, e.g. %d/%m/%Y. Default ISO 8601.' }),
    ),
    trueValues: Type.Optional(
      Type.Array(Type.String(), { description: 'Tokens read as true. Default true, t, yes, y, 1.' }),
    ),
    falseValues: Type.Optional(
      Type.Array(Type.String(), { description: 'Tokens read as false. Default false, f, no, n, 0.' }),
    ),
  },
  { additionalProperties: false },
);

export const SourceSchema = Type.Object(
  {
    path: Type.String({
      minLength: 1,
      description: 'File relative to the product folder (.csv, .tsv, .parquet; .gz for compressed text).',
    }),
    format: Type.Optional(
      Type.Union([Type.Literal('csv'), Type.Literal('tsv'), Type.Literal('parquet')], {
        description: 'Default from the file extension.',
      }),
    ),
    delimiter: Type.Optional(Type.String({ minLength: 1, maxLength: 1 })),
    header: Type.Optional(
      Type.Boolean({ description: 'Whether the first line names the columns. Default true.' }),
    ),
    nullValues: Type.Optional(
      Type.Array(Type.String(), { description: 'Tokens read as missing. Default "" and NA.' }),
    ),
    description: Type.Optional(Type.String()),
    columns: Type.Record(IdentifierSchema, SourceColumnSchema, {
      description:
        'The columns the mapping uses, with their types. Columns of the file not listed are ignored.',
      minProperties: 1,
      additionalProperties: false,
    }),
  },
  { additionalProperties: false },
);

export const DataTestSchema = Type.Union(
  [
    Type.Union([Type.Literal('not_null'), Type.Literal('unique')]),
    Type.Object(
      { accepted_values: Type.Array(ScalarSchema, { minItems: 1 }), severity: Type.Optional(SeveritySchema) },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        range: Type.Object(
          { min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()) },
          { additionalProperties: false, minProperties: 1 },
        ),
        severity: Type.Optional(SeveritySchema),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        relationships: Type.Object(
          { source: IdentifierSchema, column: IdentifierSchema },
          {
            additionalProperties: false,
            description: 'Every value must exist in this column of that source.',
          },
        ),
        severity: Type.Optional(SeveritySchema),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        not_null: Type.Optional(Type.Object({ severity: SeveritySchema }, { additionalProperties: false })),
        unique: Type.Optional(Type.Object({ severity: SeveritySchema }, { additionalProperties: false })),
      },
      { additionalProperties: false, minProperties: 1, maxProperties: 1 },
    ),
  ],
  {
    description:
      'not_null, unique, {accepted_values: [...]}, {range: {min, max}} or {relationships: {source, column}}, optionally with severity: warn.',
  },
);

export const AttributeSchema = Type.Object(
  {
    id: IdentifierSchema,
    label: Type.String({ minLength: 1, description: 'Human-readable name shown in apps and charts.' }),
    description: Type.Optional(Type.String()),
    unit: Type.Optional(Type.String({ description: 'e.g. years, mg/dL.' })),
    column: Type.Optional(
      Type.String({
        description: 'Source column: "column" of the entity source or "source.column" of a joined source.',
        pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?$',
      }),
    ),
    expression: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'A SQL expression over source columns (not a statement), e.g. age >= 65.',
      }),
    ),
    type: Type.Optional(ColumnTypeSchema),
    levels: Type.Optional(
      Type.Array(Type.String(), {
        uniqueItems: true,
        description: 'Order of the categories (first is the reference).',
      }),
    ),
    tests: Type.Optional(Type.Array(DataTestSchema)),
  },
  { additionalProperties: false },
);

export const EndpointSchema = Type.Object(
  {
    id: IdentifierSchema,
    label: Type.String({ minLength: 1 }),
    description: Type.Optional(Type.String()),
    time: Type.Object(
      {
        column: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?$' })),
        expression: Type.Optional(Type.String({ minLength: 1 })),
        unit: Type.Union([
          Type.Literal('days'),
          Type.Literal('weeks'),
          Type.Literal('months'),
          Type.Literal('years'),
        ]),
      },
      { additionalProperties: false, description: 'Time from origin to event or censoring.' },
    ),
    event: Type.Object(
      {
        column: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?$' })),
        expression: Type.Optional(Type.String({ minLength: 1 })),
        eventValues: Type.Array(ScalarSchema, {
          minItems: 1,
          description: 'Codes that mean the event happened.',
        }),
        censoredValues: Type.Array(ScalarSchema, { minItems: 1, description: 'Codes that mean censored.' }),
      },
      { additionalProperties: false, description: 'Event indicator with its coding stated both ways.' },
    ),
  },
  { additionalProperties: false },
);

export const JoinSchema = Type.Object(
  {
    source: IdentifierSchema,
    on: Type.Object(
      {
        left: IdentifierSchema,
        right: IdentifierSchema,
      },
      {
        additionalProperties: false,
        description: 'left: column of the entity source; right: column of the joined source.',
      },
    ),
  },
  {
    additionalProperties: false,
    description: 'A source joined to the entity source; at most one row per entity.',
  },
);

export const EntityIdSchema = Type.Object(
  {
    column: Type.Optional(IdentifierSchema),
    rowNumber: Type.Optional(
      Type.Object(
        {
          prefix: Type.Optional(Type.String()),
          width: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
        },
        { additionalProperties: false, description: 'Number the rows of the entity source in file order.' },
      ),
    ),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    maxProperties: 1,
    description: 'Exactly one of column (an id column of the entity source) or rowNumber.',
  },
);

export const MappingSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    apiVersion: ApiVersionSchema,
    kind: Type.Literal('Mapping'),
    sources: Type.Record(IdentifierSchema, SourceSchema, { minProperties: 1, additionalProperties: false }),
    entity: Type.Object(
      {
        source: IdentifierSchema,
        id: EntityIdSchema,
      },
      {
        additionalProperties: false,
        description: 'The grain: which source gives one row per entity, and its id.',
      },
    ),
    joins: Type.Optional(Type.Array(JoinSchema)),
    attributes: Type.Array(AttributeSchema, { minItems: 1 }),
    endpoints: Type.Optional(Type.Array(EndpointSchema)),
    modalities: Type.Optional(
      Type.Array(ModalitySchema, {
        description: 'Data beyond one row per entity: events, matrices (e.g. expression) and variants.',
      }),
    ),
  },
  {
    $id: 'https://plexus.dev/schemas/v1/mapping.schema.json',
    title: 'Plexus mapping',
    description: 'mapping.yaml: how source files become the entity model of a data product.',
    additionalProperties: false,
  },
);

export type SourceColumn = Static<typeof SourceColumnSchema>;
export type Source = Static<typeof SourceSchema>;
export type DataTest = Static<typeof DataTestSchema>;
export type Attribute = Static<typeof AttributeSchema>;
export type Endpoint = Static<typeof EndpointSchema>;
export type Join = Static<typeof JoinSchema>;
export type Mapping = Static<typeof MappingSchema>;
