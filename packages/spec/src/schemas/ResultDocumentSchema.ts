import { type Static, Type } from '@sinclair/typebox';
import { ApiVersionSchema, SemVerSchema } from './common.ts';

const BlockIdSchema = Type.String({
  pattern: '^[a-z][a-z0-9-]*$',
  description: 'Stable id of the block: tests, comparisons and clients refer to it.',
});

const blockBase = {
  id: BlockIdSchema,
  title: Type.Optional(Type.String()),
};

export const MarkdownBlockSchema = Type.Object(
  { ...blockBase, type: Type.Literal('markdown'), text: Type.String() },
  { additionalProperties: false },
);

export const TableColumnSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    label: Type.String(),
    type: Type.Union([
      Type.Literal('string'),
      Type.Literal('number'),
      Type.Literal('integer'),
      Type.Literal('boolean'),
      Type.Literal('date'),
    ]),
    unit: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const CellSchema = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

export const TableBlockSchema = Type.Object(
  {
    ...blockBase,
    type: Type.Literal('table'),
    columns: Type.Array(TableColumnSchema, { minItems: 1 }),
    rows: Type.Array(Type.Array(CellSchema), {
      description: 'One array per row, cells in column order; null is missing.',
    }),
  },
  { additionalProperties: false },
);

export const StatisticBlockSchema = Type.Object(
  {
    ...blockBase,
    type: Type.Literal('statistic'),
    name: Type.String({ description: 'What is measured, e.g. log-rank chi-square.' }),
    value: Type.Union([Type.Number(), Type.Null()]),
    unit: Type.Optional(Type.String()),
    ci: Type.Optional(
      Type.Object(
        {
          lower: Type.Union([Type.Number(), Type.Null()]),
          upper: Type.Union([Type.Number(), Type.Null()]),
          level: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
        },
        { additionalProperties: false },
      ),
    ),
    p: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()])),
    df: Type.Optional(Type.Number()),
    method: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ChartBlockSchema = Type.Object(
  {
    ...blockBase,
    type: Type.Literal('chart'),
    spec: Type.Object(
      { $schema: Type.String({ pattern: '^https://vega\\.github\\.io/schema/vega-lite/' }) },
      { additionalProperties: true, description: 'A Vega-Lite specification with its data inline.' },
    ),
  },
  { additionalProperties: false },
);

export const BlockSchema = Type.Union([
  MarkdownBlockSchema,
  TableBlockSchema,
  StatisticBlockSchema,
  ChartBlockSchema,
]);

export const MeshCallProvenanceSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('run'), Type.Literal('cohort-count')], {
      description:
        'run: a protocol of the other product was run; cohort-count: one of its cohorts was counted.',
    }),
    node: Type.Union([Type.String(), Type.Null()], {
      description: 'The node that answered; null for the node of this run.',
    }),
    product: Type.Object(
      { id: Type.String(), version: Type.Optional(SemVerSchema) },
      { additionalProperties: false },
    ),
    protocol: Type.Optional(
      Type.Object(
        { id: Type.String(), version: Type.Optional(SemVerSchema) },
        { additionalProperties: false },
      ),
    ),
    dataVersion: Type.Optional(Type.String()),
    gitCommit: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    pluginSha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })),
    engineVersion: Type.Optional(Type.String()),
    parametersSha256: Type.Optional(
      Type.String({
        pattern: '^[0-9a-f]{64}$',
        description: "sha256 of the canonical JSON of the other run's parameters after its defaults.",
      }),
    ),
    error: Type.Optional(
      Type.Object(
        { code: Type.String(), message: Type.String() },
        {
          additionalProperties: false,
          description: 'Set when the call failed; the plugin went on without it.',
        },
      ),
    ),
  },
  {
    additionalProperties: false,
    description:
      'A call the plugin made to another data product (ctx.mesh), with the versions that answered.',
  },
);

export const ProvenanceSchema = Type.Object(
  {
    product: Type.Object({ id: Type.String(), version: SemVerSchema }, { additionalProperties: false }),
    dataVersion: Type.String(),
    gitCommit: Type.Union([Type.String(), Type.Null()]),
    protocol: Type.Object({ id: Type.String(), version: SemVerSchema }, { additionalProperties: false }),
    plugin: Type.Object(
      { module: Type.String(), export: Type.String(), sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) },
      { additionalProperties: false },
    ),
    engineVersion: Type.String(),
    parameters: Type.Record(Type.String(), Type.Unknown(), {
      description: 'The parameters after defaults were applied.',
    }),
    calls: Type.Optional(
      Type.Array(MeshCallProvenanceSchema, {
        description:
          'The other data products the run asked, in the order the plugin asked them: their answers are part of this result.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ResultDocumentSchema = Type.Object(
  {
    apiVersion: ApiVersionSchema,
    kind: Type.Literal('Result'),
    title: Type.String(),
    summary: Type.Optional(Type.String()),
    blocks: Type.Array(BlockSchema),
    provenance: ProvenanceSchema,
  },
  {
    $id: 'https://plexus.dev/schemas/v1/result.schema.json',
    title: 'Plexus result document',
    description: 'What a run returns. The same versions and parameters always give the same document.',
    additionalProperties: false,
  },
);

/** What a plugin returns; the host adds apiVersion, kind and provenance. */
export const PluginOutputSchema = Type.Object(
  { title: Type.String(), summary: Type.Optional(Type.String()), blocks: Type.Array(BlockSchema) },
  { additionalProperties: false },
);

export type MarkdownBlock = Static<typeof MarkdownBlockSchema>;
export type TableColumn = Static<typeof TableColumnSchema>;
export type Cell = Static<typeof CellSchema>;
export type TableBlock = Static<typeof TableBlockSchema>;
export type StatisticBlock = Static<typeof StatisticBlockSchema>;
export type ChartBlock = Static<typeof ChartBlockSchema>;
export type Block = Static<typeof BlockSchema>;
export type Provenance = Static<typeof ProvenanceSchema>;
export type MeshCallProvenance = Static<typeof MeshCallProvenanceSchema>;
export type ResultDocument = Static<typeof ResultDocumentSchema>;
export type PluginOutput = Static<typeof PluginOutputSchema>;
