import { type Static, Type } from '@sinclair/typebox';
import { CellSchema, TableColumnSchema } from './ResultDocumentSchema.ts';

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

const BlockTypeSchema = Type.Union([
  Type.Literal('markdown'),
  Type.Literal('table'),
  Type.Literal('statistic'),
  Type.Literal('chart'),
]);

/** A number in both documents: delta is to − from; relativeDelta is delta / |from| (null when from is 0). */
export const NumberChangeSchema = Type.Object(
  {
    from: NullableNumber,
    to: NullableNumber,
    delta: NullableNumber,
    relativeDelta: NullableNumber,
  },
  { additionalProperties: false },
);

/** A text that differs; null where a document does not have it. */
export const TextChangeSchema = Type.Object(
  { from: NullableString, to: NullableString },
  { additionalProperties: false },
);

const CountChangeSchema = Type.Object(
  { from: Type.Integer(), to: Type.Integer() },
  { additionalProperties: false },
);

/** A block only one document has: enough to name it, not the block itself. */
export const BlockMentionSchema = Type.Object(
  { id: Type.String(), type: BlockTypeSchema, title: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

const changedBase = {
  id: Type.String(),
  title: Type.Optional(TextChangeSchema),
};

export const StatisticChangeSchema = Type.Object(
  {
    ...changedBase,
    type: Type.Literal('statistic'),
    name: Type.Optional(TextChangeSchema),
    unit: Type.Optional(TextChangeSchema),
    method: Type.Optional(TextChangeSchema),
    value: Type.Optional(NumberChangeSchema),
    ciLower: Type.Optional(NumberChangeSchema),
    ciUpper: Type.Optional(NumberChangeSchema),
    ciLevel: Type.Optional(NumberChangeSchema),
    p: Type.Optional(NumberChangeSchema),
    df: Type.Optional(NumberChangeSchema),
  },
  { additionalProperties: false, description: 'Only the fields that differ are present.' },
);

const RowSchema = Type.Record(Type.String(), CellSchema, { description: 'Cells by column id.' });

const RowListSchema = Type.Object(
  {
    count: Type.Integer({ minimum: 0, description: 'How many rows; at most a few are listed.' }),
    rows: Type.Array(RowSchema),
  },
  { additionalProperties: false },
);

export const CellChangeSchema = Type.Object(
  {
    key: Type.Record(Type.String(), CellSchema, { description: 'The key cells of the row, by column id.' }),
    row: CountChangeSchema,
    column: Type.String(),
    from: CellSchema,
    to: CellSchema,
    delta: NullableNumber,
    relativeDelta: NullableNumber,
  },
  { additionalProperties: false },
);

export const TableChangeSchema = Type.Object(
  {
    ...changedBase,
    type: Type.Literal('table'),
    columns: Type.Object(
      {
        added: Type.Array(Type.String()),
        removed: Type.Array(Type.String()),
        changed: Type.Array(
          Type.Object(
            { id: Type.String(), from: TableColumnSchema, to: TableColumnSchema },
            { additionalProperties: false },
          ),
          { description: 'Columns of both whose label, type or unit differ.' },
        ),
        reordered: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    key: Type.Union([Type.Array(Type.String()), Type.Null()], {
      description:
        'The columns rows are matched by: the first common columns whose values are unique in both tables; null when no such columns exist and whole rows are matched.',
    }),
    rowCount: CountChangeSchema,
    rowsAdded: RowListSchema,
    rowsRemoved: RowListSchema,
    rowsReordered: Type.Boolean({ description: 'Matched rows appear in another order.' }),
    cellsChanged: Type.Object(
      { count: Type.Integer({ minimum: 0 }), cells: Type.Array(CellChangeSchema) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const MarkdownChangeSchema = Type.Object(
  {
    ...changedBase,
    type: Type.Literal('markdown'),
    lineCount: CountChangeSchema,
    linesAdded: Type.Integer({ minimum: 0 }),
    linesRemoved: Type.Integer({ minimum: 0 }),
    diff: Type.Object(
      {
        count: Type.Integer({ minimum: 0 }),
        lines: Type.Array(Type.String(), { description: "'- ' removed and '+ ' added lines, in order." }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const ChartChangeSchema = Type.Object(
  {
    ...changedBase,
    type: Type.Literal('chart'),
    dataRows: Type.Object(
      { from: Type.Integer(), to: Type.Integer() },
      {
        additionalProperties: false,
        description: 'Inline data values of the Vega-Lite spec, layers and concatenations included.',
      },
    ),
    dataChanged: Type.Boolean(),
    specChanged: Type.Boolean({ description: 'Anything but the inline data differs: marks, encodings, …' }),
  },
  { additionalProperties: false },
);

/** A block id in both documents whose blocks are of different types: nothing finer to compare. */
export const BlockTypeChangeSchema = Type.Object(
  {
    ...changedBase,
    type: Type.Literal('type-changed'),
    from: BlockTypeSchema,
    to: BlockTypeSchema,
  },
  { additionalProperties: false },
);

export const BlockChangeSchema = Type.Union([
  MarkdownChangeSchema,
  TableChangeSchema,
  StatisticChangeSchema,
  ChartChangeSchema,
  BlockTypeChangeSchema,
]);

export const ProvenanceFieldSchema = Type.Union([
  Type.Literal('product.id'),
  Type.Literal('product.version'),
  Type.Literal('gitCommit'),
  Type.Literal('dataVersion'),
  Type.Literal('protocol.id'),
  Type.Literal('protocol.version'),
  Type.Literal('plugin.module'),
  Type.Literal('plugin.export'),
  Type.Literal('plugin.sha256'),
  Type.Literal('engineVersion'),
]);

export const ProvenanceComparisonSchema = Type.Object(
  {
    same: Type.Boolean(),
    changed: Type.Array(
      Type.Object(
        { field: ProvenanceFieldSchema, from: NullableString, to: NullableString },
        { additionalProperties: false },
      ),
      { description: 'In the order of the fields above.' },
    ),
    parameters: Type.Array(
      Type.Object(
        {
          name: Type.String(),
          from: Type.Optional(Type.Unknown()),
          to: Type.Optional(Type.Unknown()),
        },
        { additionalProperties: false, description: 'from or to is absent where a document lacks it.' },
      ),
      { description: 'Parameters that differ, by name.' },
    ),
  },
  { additionalProperties: false },
);

export const ResultComparisonSchema = Type.Object(
  {
    identical: Type.Boolean({ description: 'The canonical JSON (sorted keys) of both documents is equal.' }),
    summary: Type.Object(
      {
        blocksAdded: Type.Integer({ minimum: 0 }),
        blocksRemoved: Type.Integer({ minimum: 0 }),
        blocksChanged: Type.Integer({ minimum: 0 }),
        blocksUnchanged: Type.Integer({ minimum: 0 }),
        provenanceChanged: Type.Integer({ minimum: 0, description: 'Provenance fields that differ.' }),
        parametersChanged: Type.Integer({ minimum: 0 }),
      },
      { additionalProperties: false },
    ),
    document: Type.Object(
      { title: Type.Optional(TextChangeSchema), summary: Type.Optional(TextChangeSchema) },
      { additionalProperties: false, description: "The documents' title and summary, where they differ." },
    ),
    blocks: Type.Object(
      {
        added: Type.Array(BlockMentionSchema, { description: 'In the order of the second document.' }),
        removed: Type.Array(BlockMentionSchema, { description: 'In the order of the first document.' }),
        changed: Type.Array(BlockChangeSchema, { description: 'In the order of the first document.' }),
        unchanged: Type.Array(Type.String(), {
          description: 'Block ids, in the order of the first document.',
        }),
      },
      { additionalProperties: false },
    ),
    provenance: ProvenanceComparisonSchema,
  },
  {
    $id: 'https://plexus.dev/schemas/v1/result-comparison.schema.json',
    title: 'Plexus result comparison',
    description:
      'How a second result document differs from a first, block by block (matched by id), and in provenance.',
    additionalProperties: false,
  },
);

export type NumberChange = Static<typeof NumberChangeSchema>;
export type TextChange = Static<typeof TextChangeSchema>;
export type BlockMention = Static<typeof BlockMentionSchema>;
export type StatisticChange = Static<typeof StatisticChangeSchema>;
export type CellChange = Static<typeof CellChangeSchema>;
export type TableChange = Static<typeof TableChangeSchema>;
export type MarkdownChange = Static<typeof MarkdownChangeSchema>;
export type ChartChange = Static<typeof ChartChangeSchema>;
export type BlockTypeChange = Static<typeof BlockTypeChangeSchema>;
export type BlockChange = Static<typeof BlockChangeSchema>;
export type ProvenanceField = Static<typeof ProvenanceFieldSchema>;
export type ProvenanceComparison = Static<typeof ProvenanceComparisonSchema>;
export type ResultComparison = Static<typeof ResultComparisonSchema>;
