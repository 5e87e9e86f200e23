import { type Static, Type } from '@sinclair/typebox';
import { IdentifierSchema } from './common.ts';

const COLUMN_REF_PATTERN = '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?$';

/**
 * Where a modality field comes from: a column of the modality's source ("column", or
 * "source.column" of a source joined to it), or a SQL expression over those columns.
 */
export const FieldRefSchema = Type.Union(
  [
    Type.String({
      pattern: COLUMN_REF_PATTERN,
      description: 'A column: "column" or "joined_source.column".',
    }),
    Type.Object(
      { expression: Type.String({ minLength: 1, description: 'A SQL expression over source columns.' }) },
      { additionalProperties: false },
    ),
  ],
  { description: 'A column name ("column" or "joined_source.column") or {expression: SQL}.' },
);

const ModalityJoinSchema = Type.Object(
  {
    source: IdentifierSchema,
    on: Type.Object(
      { left: IdentifierSchema, right: IdentifierSchema },
      {
        additionalProperties: false,
        description: "left: column of the modality's source; right: column of the joined source.",
      },
    ),
  },
  {
    additionalProperties: false,
    description: 'A lookup joined to the modality source (at most one row per key), e.g. concept names.',
  },
);

const UnmatchedSchema = Type.Union([Type.Literal('error'), Type.Literal('drop')], {
  description:
    'What to do with rows whose entity id is not an entity of the product: error (default) fails the build, drop leaves them out and reports how many.',
});

const modalityBase = {
  id: IdentifierSchema,
  label: Type.String({ minLength: 1, description: 'Human-readable name shown in apps and pickers.' }),
  description: Type.Optional(Type.String()),
  unmatched: Type.Optional(UnmatchedSchema),
};

export const TimeUnitSchema = Type.Union(
  [Type.Literal('days'), Type.Literal('weeks'), Type.Literal('months'), Type.Literal('years')],
  { description: 'days, weeks, months (30.4375 days) or years (365.25 days).' },
);

export const EventsModalitySchema = Type.Object(
  {
    ...modalityBase,
    kind: Type.Literal('events'),
    source: Type.String({
      pattern: '^[a-z][a-z0-9_]*$',
      description: 'The source with one row per event (lab value, adverse event, dose, visit, diagnosis…).',
    }),
    joins: Type.Optional(Type.Array(ModalityJoinSchema)),
    where: Type.Optional(
      Type.String({
        minLength: 1,
        description: "A SQL condition keeping some rows of the source, e.g. paramcd = 'TTDE'.",
      }),
    ),
    entity: FieldRefSchema,
    time: Type.Object(
      {
        value: FieldRefSchema,
        unit: Type.Optional(TimeUnitSchema),
      },
      {
        additionalProperties: false,
        description:
          'When it happened: a date column (events timed by date) or a number of time units from an origin such as randomisation (events timed by offset; stored in days).',
      },
    ),
    name: FieldRefSchema,
    code: Type.Optional(FieldRefSchema),
    group: Type.Optional(FieldRefSchema),
    value: Type.Optional(FieldRefSchema),
    text: Type.Optional(FieldRefSchema),
    unit: Type.Optional(FieldRefSchema),
  },
  {
    additionalProperties: false,
    description:
      'Longitudinal records per entity: time, name (e.g. preferred term), code, group (e.g. body system), numeric value, text value (e.g. severity) and unit.',
  },
);

export const WideMatrixSchema = Type.Object(
  {
    path: Type.String({ minLength: 1, description: 'TSV, CSV or GCT file, optionally gzip-compressed.' }),
    format: Type.Optional(Type.Union([Type.Literal('tsv'), Type.Literal('csv'), Type.Literal('gct')])),
    orientation: Type.Union([Type.Literal('features-by-entities'), Type.Literal('entities-by-features')], {
      description:
        'features-by-entities: one row per feature (probe, gene) and one column per entity, as expression matrices usually come; entities-by-features: the transpose.',
    }),
    nullValues: Type.Optional(
      Type.Array(Type.String(), { description: 'Tokens read as missing. Default "" and NA.' }),
    ),
  },
  { additionalProperties: false },
);

export const LongMatrixSchema = Type.Object(
  {
    source: IdentifierSchema,
    entity: FieldRefSchema,
    feature: FieldRefSchema,
    value: FieldRefSchema,
  },
  { additionalProperties: false, description: 'One row per entity × feature.' },
);

export const FeatureAnnotationSchema = Type.Object(
  {
    source: IdentifierSchema,
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$', description: 'Column holding the feature id.' }),
    name: Type.String({
      pattern: '^[a-z][a-z0-9_]*$',
      description: 'Column holding a name, e.g. the gene symbol.',
    }),
  },
  { additionalProperties: false, description: 'Names for features, e.g. gene symbols for probe ids.' },
);

export const MatrixModalitySchema = Type.Object(
  {
    ...modalityBase,
    kind: Type.Literal('matrix'),
    unit: Type.Optional(Type.String({ description: 'e.g. log2 RMA, TPM.' })),
    wide: Type.Optional(WideMatrixSchema),
    long: Type.Optional(LongMatrixSchema),
    features: Type.Optional(FeatureAnnotationSchema),
  },
  {
    additionalProperties: false,
    description: 'A number per entity × feature (gene expression, proteins): exactly one of wide or long.',
  },
);

export const VcfVariantsSchema = Type.Object(
  {
    path: Type.String({
      minLength: 1,
      description: 'A VCF file (.vcf or .vcf.gz) with one column per sample.',
    }),
    gene: Type.Optional(
      Type.String({
        description: 'INFO key holding the gene. Default: taken from ANN (SnpEff) or CSQ (VEP), else GENE.',
      }),
    ),
    consequence: Type.Optional(
      Type.String({
        description: 'INFO key holding the consequence. Default: taken from ANN or CSQ, else CONSEQUENCE.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const VariantTableSchema = Type.Object(
  {
    source: IdentifierSchema,
    entity: FieldRefSchema,
    chrom: FieldRefSchema,
    pos: FieldRefSchema,
    ref: FieldRefSchema,
    alt: FieldRefSchema,
    gene: Type.Optional(FieldRefSchema),
    consequence: Type.Optional(FieldRefSchema),
    genotype: Type.Optional(FieldRefSchema),
  },
  { additionalProperties: false, description: 'One row per entity × variant.' },
);

export const VariantsModalitySchema = Type.Object(
  {
    ...modalityBase,
    kind: Type.Literal('variants'),
    vcf: Type.Optional(VcfVariantsSchema),
    table: Type.Optional(VariantTableSchema),
  },
  {
    additionalProperties: false,
    description: 'Per-entity genomic variants: exactly one of vcf or table.',
  },
);

export const ModalitySchema = Type.Union(
  [EventsModalitySchema, MatrixModalitySchema, VariantsModalitySchema],
  {
    description: 'A modality: kind events, matrix or variants.',
  },
);

export type FieldRef = Static<typeof FieldRefSchema>;
export type EventsModality = Static<typeof EventsModalitySchema>;
export type MatrixModality = Static<typeof MatrixModalitySchema>;
export type VariantsModality = Static<typeof VariantsModalitySchema>;
export type Modality = Static<typeof ModalitySchema>;
export type ModalityKind = Modality['kind'];
export type TimeUnit = Static<typeof TimeUnitSchema>;
