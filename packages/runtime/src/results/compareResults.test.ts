import { canonicalJson } from '@plexus/engine';
import {
  type ChartBlock,
  checkDocument,
  ResultComparisonSchema,
  type ResultDocument,
  type StatisticBlock,
  type TableBlock,
} from '@plexus/spec';
import { describe, expect, it } from 'vitest';
import { compareResults } from './compareResults.ts';
import { MAX_CELLS_LISTED, MAX_ROWS_LISTED } from './compareTables.ts';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

const statistic: StatisticBlock = {
  id: 'log-rank',
  type: 'statistic',
  name: 'log-rank chi-square',
  value: 0.3,
  ci: { lower: 0.1, upper: 0.5, level: 0.95 },
  p: 0.58,
  df: 1,
  method: 'survdiff',
};

const table: TableBlock = {
  id: 'medians',
  type: 'table',
  columns: [
    { id: 'group', label: 'Group', type: 'string' },
    { id: 'n', label: 'n', type: 'integer' },
    { id: 'median', label: 'Median', type: 'number', unit: 'days' },
  ],
  rows: [
    ['standard', 69, 103],
    ['test', 68, 52.5],
  ],
};

const VEGA_LITE = 'https://vega.github.io/schema/vega-lite/v5.json';

/** A Vega-Lite spec: the schema types only $schema, the rest is open. */
function vegaLite(rest: Record<string, unknown>): ChartBlock['spec'] {
  return { $schema: VEGA_LITE, ...rest } as ChartBlock['spec'];
}

const chart: ChartBlock = {
  id: 'curve',
  type: 'chart',
  spec: vegaLite({
    layer: [
      { mark: 'line', data: { values: [{ x: 1 }, { x: 2 }] } },
      { mark: 'point', data: { values: [{ x: 3 }] } },
    ],
  }),
};

function document(overrides: Partial<ResultDocument> = {}): ResultDocument {
  return {
    apiVersion: 'plexus.dev/v1',
    kind: 'Result',
    title: 'Kaplan–Meier',
    summary: 'Two arms.',
    blocks: [
      { id: 'summary', type: 'markdown', text: 'line one\nline two\nline three' },
      statistic,
      table,
      chart,
    ],
    provenance: {
      product: { id: 'va-lung-trial', version: '1.0.0' },
      dataVersion: 'd1',
      gitCommit: 'c1',
      protocol: { id: 'kaplan-meier', version: '1.0.0' },
      plugin: { module: 'plugins/standardApps.ts', export: 'kaplanMeierByGroup', sha256: SHA_A },
      engineVersion: '0.1.0',
      parameters: { groupBy: 'arm', confLevel: 0.95 },
    },
    ...overrides,
  };
}

/** A copy of a document with one block replaced. */
function withBlock(base: ResultDocument, replacement: ResultDocument['blocks'][number]): ResultDocument {
  return { ...base, blocks: base.blocks.map((block) => (block.id === replacement.id ? replacement : block)) };
}

function changedBlock(a: ResultDocument, b: ResultDocument, id: string) {
  const comparison = compareResults(a, b);
  const found = comparison.blocks.changed.find((change) => change.id === id);
  if (!found) throw new Error(`no change of block ${id}`);
  return found;
}

describe('compareResults', () => {
  it('finds two equal documents identical, whatever their key order, and matches its schema', () => {
    const a = document();
    const reordered = JSON.parse(canonicalJson(a)) as ResultDocument;
    const comparison = compareResults(a, reordered);
    expect(comparison).toEqual({
      identical: true,
      summary: {
        blocksAdded: 0,
        blocksRemoved: 0,
        blocksChanged: 0,
        blocksUnchanged: 4,
        provenanceChanged: 0,
        parametersChanged: 0,
      },
      document: {},
      blocks: { added: [], removed: [], changed: [], unchanged: ['summary', 'log-rank', 'medians', 'curve'] },
      provenance: { same: true, changed: [], parameters: [] },
    });
    expect(checkDocument(ResultComparisonSchema, comparison)).toEqual([]);
  });

  it('reports blocks added and removed by id, in document order', () => {
    const a = document();
    const b = document({
      blocks: [
        { id: 'note', type: 'markdown', text: 'new', title: 'Note' },
        ...a.blocks.filter((block) => block.id !== 'log-rank'),
      ],
    });
    const comparison = compareResults(a, b);
    expect(comparison.identical).toBe(false);
    expect(comparison.blocks.added).toEqual([{ id: 'note', type: 'markdown', title: 'Note' }]);
    expect(comparison.blocks.removed).toEqual([{ id: 'log-rank', type: 'statistic' }]);
    expect(comparison.blocks.unchanged).toEqual(['summary', 'medians', 'curve']);
    expect(comparison.summary).toMatchObject({ blocksAdded: 1, blocksRemoved: 1, blocksChanged: 0 });
  });

  it('reports a block whose type changed under the same id', () => {
    const a = document();
    const b = withBlock(a, { id: 'log-rank', type: 'markdown', text: 'not computed' });
    expect(changedBlock(a, b, 'log-rank')).toEqual({
      id: 'log-rank',
      type: 'type-changed',
      from: 'statistic',
      to: 'markdown',
    });
  });

  it('gives the value, CI, p and df of a statistic as from, to, delta and relative delta', () => {
    const a = document();
    const b = withBlock(a, {
      ...statistic,
      value: 0.6,
      ci: { lower: 0.2, upper: 0.5, level: 0.95 },
      p: null,
      df: 2,
      method: 'coxph',
    });
    expect(changedBlock(a, b, 'log-rank')).toEqual({
      id: 'log-rank',
      type: 'statistic',
      method: { from: 'survdiff', to: 'coxph' },
      value: { from: 0.3, to: 0.6, delta: 0.3, relativeDelta: 1 },
      ciLower: { from: 0.1, to: 0.2, delta: 0.1, relativeDelta: 1 },
      p: { from: 0.58, to: null, delta: null, relativeDelta: null },
      df: { from: 1, to: 2, delta: 1, relativeDelta: 1 },
    });
  });

  it('reports a floating-point difference in the last bit with its delta, never as equal', () => {
    const a = document();
    const tiny = 0.1 + 0.2; // 0.30000000000000004
    const b = withBlock(a, { ...statistic, value: tiny });
    const comparison = compareResults(a, b);
    expect(comparison.identical).toBe(false);
    expect(comparison.summary.blocksChanged).toBe(1);
    const change = changedBlock(a, b, 'log-rank');
    expect(change).toEqual({
      id: 'log-rank',
      type: 'statistic',
      value: { from: 0.3, to: tiny, delta: tiny - 0.3, relativeDelta: (tiny - 0.3) / 0.3 },
    });
    expect(tiny - 0.3).toBeGreaterThan(0);
  });

  it('reports a statistic from zero without a relative delta, and a CI that appears', () => {
    const a = withBlock(document(), { id: 'log-rank', type: 'statistic', name: 'x', value: 0 });
    const b = withBlock(a, {
      id: 'log-rank',
      type: 'statistic',
      name: 'x',
      value: 2,
      ci: { lower: 1, upper: 3, level: 0.9 },
    });
    expect(changedBlock(a, b, 'log-rank')).toEqual({
      id: 'log-rank',
      type: 'statistic',
      value: { from: 0, to: 2, delta: 2, relativeDelta: null },
      ciLower: { from: null, to: 1, delta: null, relativeDelta: null },
      ciUpper: { from: null, to: 3, delta: null, relativeDelta: null },
      ciLevel: { from: null, to: 0.9, delta: null, relativeDelta: null },
    });
  });

  it('matches table rows by their first unique column: rows added, removed and changed cells', () => {
    const a = document();
    const b = withBlock(a, {
      ...table,
      rows: [
        ['test', 68, 52.50000000000001],
        ['placebo', 10, null],
      ],
    });
    const change = changedBlock(a, b, 'medians');
    expect(change).toEqual({
      id: 'medians',
      type: 'table',
      columns: { added: [], removed: [], changed: [], reordered: false },
      key: ['group'],
      rowCount: { from: 2, to: 2 },
      rowsAdded: { count: 1, rows: [{ group: 'placebo', n: 10, median: null }] },
      rowsRemoved: { count: 1, rows: [{ group: 'standard', n: 69, median: 103 }] },
      rowsReordered: false,
      cellsChanged: {
        count: 1,
        cells: [
          {
            key: { group: 'test' },
            row: { from: 1, to: 0 },
            column: 'median',
            from: 52.5,
            to: 52.50000000000001,
            delta: 52.50000000000001 - 52.5,
            relativeDelta: (52.50000000000001 - 52.5) / 52.5,
          },
        ],
      },
    });
  });

  it('reports columns added, removed and relabelled, and compares the cells of common columns', () => {
    const a = document();
    const b = withBlock(a, {
      ...table,
      columns: [
        { id: 'group', label: 'Arm', type: 'string' },
        { id: 'median', label: 'Median', type: 'number', unit: 'days' },
        { id: 'events', label: 'Events', type: 'integer' },
      ],
      rows: [
        ['standard', 103, 64],
        ['test', 'NR', 63],
      ],
    });
    const change = changedBlock(a, b, 'medians');
    expect(change).toMatchObject({
      columns: {
        added: ['events'],
        removed: ['n'],
        changed: [
          {
            id: 'group',
            from: { id: 'group', label: 'Group', type: 'string' },
            to: { id: 'group', label: 'Arm', type: 'string' },
          },
        ],
        reordered: false,
      },
      key: ['group'],
      rowsAdded: { count: 0 },
      rowsRemoved: { count: 0 },
      cellsChanged: {
        count: 1,
        cells: [
          {
            key: { group: 'test' },
            column: 'median',
            from: 52.5,
            to: 'NR',
            delta: null,
            relativeDelta: null,
          },
        ],
      },
    });
  });

  it('extends the key to more columns when the first repeats, and notices reordered rows', () => {
    const columns: TableBlock['columns'] = [
      { id: 'group', label: 'Group', type: 'string' },
      { id: 'time', label: 'Time', type: 'number' },
      { id: 'at_risk', label: 'At risk', type: 'integer' },
    ];
    const a = withBlock(document(), {
      id: 'medians',
      type: 'table',
      columns,
      rows: [
        ['a', 0, 10],
        ['a', 30, 8],
        ['b', 0, 12],
      ],
    });
    const b = withBlock(a, {
      id: 'medians',
      type: 'table',
      columns,
      rows: [
        ['b', 0, 12],
        ['a', 0, 10],
        ['a', 30, 7],
      ],
    });
    expect(changedBlock(a, b, 'medians')).toMatchObject({
      key: ['group', 'time'],
      rowsReordered: true,
      rowsAdded: { count: 0 },
      rowsRemoved: { count: 0 },
      cellsChanged: {
        count: 1,
        cells: [
          {
            key: { group: 'a', time: 30 },
            row: { from: 1, to: 2 },
            column: 'at_risk',
            from: 8,
            to: 7,
            delta: -1,
          },
        ],
      },
    });
  });

  it('matches whole rows when no leading columns are unique, duplicates pairing up in order', () => {
    const columns: TableBlock['columns'] = [
      { id: 'x', label: 'x', type: 'integer' },
      { id: 'y', label: 'y', type: 'integer' },
    ];
    const a = withBlock(document(), {
      id: 'medians',
      type: 'table',
      columns,
      rows: [
        [1, 1],
        [1, 1],
        [2, 2],
      ],
    });
    const b = withBlock(a, {
      id: 'medians',
      type: 'table',
      columns,
      rows: [
        [1, 1],
        [2, 3],
        [2, 3],
      ],
    });
    expect(changedBlock(a, b, 'medians')).toMatchObject({
      key: null,
      rowCount: { from: 3, to: 3 },
      rowsRemoved: {
        count: 2,
        rows: [
          { x: 1, y: 1 },
          { x: 2, y: 2 },
        ],
      },
      rowsAdded: {
        count: 2,
        rows: [
          { x: 2, y: 3 },
          { x: 2, y: 3 },
        ],
      },
      cellsChanged: { count: 0, cells: [] },
    });
  });

  it('caps the rows and cells it lists, keeping the counts', () => {
    const columns: TableBlock['columns'] = [
      { id: 'feature', label: 'Feature', type: 'string' },
      { id: 'p', label: 'p', type: 'number' },
    ];
    const rows = (prefix: string, p: number) =>
      Array.from({ length: 100 }, (_, index) => [`${prefix}${index}`, p]);
    const a = withBlock(document(), {
      id: 'medians',
      type: 'table',
      columns,
      rows: [...rows('same', 0.1), ...rows('old', 0.5)],
    });
    const b = withBlock(a, {
      id: 'medians',
      type: 'table',
      columns,
      rows: [...rows('same', 0.2), ...rows('new', 0.5)],
    });
    const change = changedBlock(a, b, 'medians');
    if (change.type !== 'table') throw new Error('a table change');
    expect(change.rowsAdded.count).toBe(100);
    expect(change.rowsAdded.rows).toHaveLength(MAX_ROWS_LISTED);
    expect(change.rowsAdded.rows[0]).toEqual({ feature: 'new0', p: 0.5 });
    expect(change.rowsRemoved.count).toBe(100);
    expect(change.rowsRemoved.rows).toHaveLength(MAX_ROWS_LISTED);
    expect(change.cellsChanged.count).toBe(100);
    expect(change.cellsChanged.cells).toHaveLength(MAX_CELLS_LISTED);
  });

  it('gives a short line diff of markdown', () => {
    const a = document();
    const b = withBlock(a, {
      id: 'summary',
      type: 'markdown',
      text: 'line one\nline 2\nline three\nline four',
    });
    expect(changedBlock(a, b, 'summary')).toEqual({
      id: 'summary',
      type: 'markdown',
      lineCount: { from: 3, to: 4 },
      linesAdded: 2,
      linesRemoved: 1,
      diff: { count: 3, lines: ['- line two', '+ line 2', '+ line four'] },
    });
  });

  it('caps a long markdown diff and reports a title change', () => {
    const long = (word: string) => Array.from({ length: 100 }, (_, index) => `${word} ${index}`).join('\n');
    const a = withBlock(document(), { id: 'summary', type: 'markdown', text: long('old') });
    const b = withBlock(a, { id: 'summary', type: 'markdown', text: long('new'), title: 'Summary' });
    const change = changedBlock(a, b, 'summary');
    expect(change).toMatchObject({
      title: { from: null, to: 'Summary' },
      linesAdded: 100,
      linesRemoved: 100,
      diff: { count: 200 },
    });
    if (change.type !== 'markdown') throw new Error('a markdown change');
    expect(change.diff.lines).toHaveLength(40);
  });

  it('counts the inline data rows of a layered chart and tells data from design changes', () => {
    const a = document();
    const moreData = withBlock(a, {
      ...chart,
      spec: vegaLite({
        layer: [
          { mark: 'line', data: { values: [{ x: 1 }, { x: 2 }, { x: 2.5 }] } },
          { mark: 'point', data: { values: [{ x: 3 }] } },
        ],
      }),
    });
    expect(changedBlock(a, moreData, 'curve')).toEqual({
      id: 'curve',
      type: 'chart',
      dataRows: { from: 3, to: 4 },
      dataChanged: true,
      specChanged: false,
    });
    const redrawn = withBlock(a, {
      ...chart,
      spec: vegaLite({
        layer: [
          { mark: 'area', data: { values: [{ x: 1 }, { x: 2 }] } },
          { mark: 'point', data: { values: [{ x: 3 }] } },
        ],
      }),
    });
    expect(changedBlock(a, redrawn, 'curve')).toMatchObject({
      dataRows: { from: 3, to: 3 },
      dataChanged: false,
      specChanged: true,
    });
  });

  it('reads data at the top level, in concatenations, facet specs and named datasets', () => {
    const spec = (values: unknown[]) =>
      vegaLite({
        data: { values },
        datasets: { extra: [{ y: 1 }, { y: 2 }] },
        hconcat: [{ data: { values: [{ z: 1 }] } }, { spec: { data: { values: [{ w: 1 }] } } }],
      });
    const a = withBlock(document(), { ...chart, spec: spec([{ x: 1 }]) });
    const b = withBlock(a, { ...chart, spec: spec([]) });
    expect(changedBlock(a, b, 'curve')).toMatchObject({ dataRows: { from: 5, to: 4 }, dataChanged: true });
  });

  it('names the provenance fields and parameters that differ, parameters sorted by name', () => {
    const a = document();
    const b = document({
      provenance: {
        ...a.provenance,
        product: { id: 'va-lung-trial', version: '1.1.0' },
        gitCommit: null,
        dataVersion: 'd2',
        protocol: { id: 'kaplan-meier', version: '2.0.0' },
        plugin: { ...a.provenance.plugin, sha256: SHA_B },
        engineVersion: '0.2.0',
        parameters: { confLevel: 0.9, reference: 'test', groupBy: 'arm' },
      },
    });
    const comparison = compareResults(a, b);
    expect(comparison.provenance).toEqual({
      same: false,
      changed: [
        { field: 'product.version', from: '1.0.0', to: '1.1.0' },
        { field: 'gitCommit', from: 'c1', to: null },
        { field: 'dataVersion', from: 'd1', to: 'd2' },
        { field: 'protocol.version', from: '1.0.0', to: '2.0.0' },
        { field: 'plugin.sha256', from: SHA_A, to: SHA_B },
        { field: 'engineVersion', from: '0.1.0', to: '0.2.0' },
      ],
      parameters: [
        { name: 'confLevel', from: 0.95, to: 0.9 },
        { name: 'reference', to: 'test' },
      ],
    });
    expect(comparison.summary).toMatchObject({
      provenanceChanged: 6,
      parametersChanged: 2,
      blocksUnchanged: 4,
    });
    expect(comparison.identical).toBe(false);
    expect(checkDocument(ResultComparisonSchema, comparison)).toEqual([]);
  });

  it('compares parameters by value, not by key order, and reports a removed one', () => {
    const a = document({
      provenance: {
        ...document().provenance,
        parameters: { cohort: { all: [{ attribute: 'age', op: 'gte', value: 60 }] }, top: 5 },
      },
    });
    const b = document({
      provenance: {
        ...document().provenance,
        parameters: { cohort: { all: [{ value: 60, op: 'gte', attribute: 'age' }] } },
      },
    });
    expect(compareResults(a, b).provenance.parameters).toEqual([{ name: 'top', from: 5 }]);
  });

  it('reports a changed title and summary of the document', () => {
    const a = document();
    const b = document({ title: 'Kaplan–Meier by cell type', summary: undefined });
    expect(compareResults(a, b).document).toEqual({
      title: { from: 'Kaplan–Meier', to: 'Kaplan–Meier by cell type' },
      summary: { from: 'Two arms.', to: null },
    });
  });

  it('is itself deterministic: the same inputs give the same bytes, valid against its schema', () => {
    const a = document();
    const b = document({
      blocks: [
        { id: 'summary', type: 'markdown', text: 'other' },
        { ...statistic, value: 1 },
        { ...table, rows: [...table.rows].reverse() },
        { id: 'extra', type: 'statistic', name: 'n', value: 1 },
      ],
      provenance: { ...document().provenance, parameters: { b: 1, a: 2 } },
    });
    const first = canonicalJson(compareResults(a, b));
    expect(canonicalJson(compareResults(structuredClone(a), structuredClone(b)))).toBe(first);
    expect(checkDocument(ResultComparisonSchema, compareResults(a, b))).toEqual([]);
    expect(checkDocument(ResultComparisonSchema, compareResults(b, a))).toEqual([]);
  });
});
