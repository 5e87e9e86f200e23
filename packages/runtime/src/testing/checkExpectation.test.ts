import type { ResultDocument, ResultExpectation } from '@plexus/spec';
import { describe, expect, it } from 'vitest';
import { checkExpectation } from './checkExpectation.ts';

const result: ResultDocument = {
  apiVersion: 'plexus.dev/v1',
  kind: 'Result',
  title: 'Kaplan–Meier',
  blocks: [
    { id: 'summary', type: 'markdown', text: 'Kaplan–Meier estimates for **137** patients (128 events).' },
    {
      id: 'logrank',
      type: 'statistic',
      name: 'log-rank chi-square',
      value: 3.2541,
      p: 0.0712,
      df: 1,
      ci: { lower: 0.8, upper: 1.45, level: 0.95 },
    },
    { id: 'median', type: 'statistic', name: 'median', value: null },
    {
      id: 'medians',
      type: 'table',
      columns: [
        { id: 'group', label: 'Group', type: 'string' },
        { id: 'n', label: 'N', type: 'integer' },
        { id: 'median', label: 'Median', type: 'number' },
        { id: 'upper', label: 'Upper', type: 'number' },
      ],
      rows: [
        ['standard', 69, 103, 132],
        ['test', 68, 52.5, null],
        ['test', 1, 2, 3],
      ],
    },
    {
      id: 'km-curve',
      type: 'chart',
      spec: {
        $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
        layer: [{ mark: 'rule' }, { data: { values: [{ x: 1 }, { x: 2 }, { x: 3 }] } }],
      } as { $schema: string },
    },
    {
      id: 'counts',
      type: 'chart',
      spec: { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', data: { values: [{ n: 1 }] } } as {
        $schema: string;
      },
    },
  ],
  provenance: {
    product: { id: 'p', version: '1.0.0' },
    dataVersion: 'd',
    gitCommit: null,
    protocol: { id: 'kaplan-meier', version: '1.0.0' },
    plugin: { module: 'plugins/km.ts', export: 'km', sha256: '0'.repeat(64) },
    engineVersion: '0',
    parameters: {},
  },
};

const check = (expectation: ResultExpectation) => checkExpectation(result, expectation);

describe('checkExpectation', () => {
  it.each<[string, ResultExpectation, boolean, string]>([
    ['present', { block: 'logrank', present: true }, true, 'block logrank is present'],
    ['absent but present', { block: 'logrank', present: false }, false, 'expected no such block'],
    ['absent', { block: 'nothing', present: false }, true, 'block nothing is absent'],
    ['exact value', { block: 'logrank', value: 3.2541 }, true, 'value is 3.2541'],
    ['exact value, wrong', { block: 'logrank', value: 3.25 }, false, 'value is 3.2541, expected 3.25'],
    [
      'absolute tolerance',
      { block: 'logrank', value: { equals: 3.25, tolerance: 0.01 } },
      true,
      'within 0.01 of 3.25',
    ],
    [
      'absolute tolerance, wrong',
      { block: 'logrank', value: { equals: 3.2, tolerance: 0.01 } },
      false,
      'block logrank: value 3.2541 is not within 0.01 of 3.2 (difference 0.0541)',
    ],
    [
      'relative tolerance',
      { block: 'logrank', value: { equals: 3.2541001, relativeTolerance: 1e-6 } },
      true,
      'within relative 0.000001',
    ],
    [
      'relative tolerance, wrong',
      { block: 'logrank', value: { equals: 3.26, relativeTolerance: 1e-6 } },
      false,
      'is not within relative 0.000001 of 3.26',
    ],
    ['between', { block: 'logrank', value: { between: [3, 4] } }, true, '3.2541 is between 3 and 4'],
    [
      'between, wrong',
      { block: 'logrank', value: { between: [4, 5] } },
      false,
      'value 3.2541 is not between 4 and 5',
    ],
    ['p below', { block: 'logrank', p: { below: 0.1 } }, true, 'p 0.0712 is below 0.1'],
    [
      'p below, wrong',
      { block: 'logrank', p: { below: 0.05 } },
      false,
      'block logrank: p 0.0712 is not below 0.05',
    ],
    ['p above', { block: 'logrank', p: { above: 0.05 } }, true, 'p 0.0712 is above 0.05'],
    [
      'p above, wrong',
      { block: 'logrank', p: { above: 0.1 } },
      false,
      'block logrank: p 0.0712 is not above 0.1',
    ],
    ['df', { block: 'logrank', df: 1 }, true, 'df is 1'],
    ['df, wrong', { block: 'logrank', df: 2 }, false, 'df is 1, expected 2'],
    ['null', { block: 'median', value: null }, true, 'missing (null), as expected'],
    ['null, wrong', { block: 'logrank', value: null }, false, 'value is 3.2541, expected missing (null)'],
    ['number, found null', { block: 'median', value: 103 }, false, 'value is missing (null), expected 103'],
    [
      'ci bounds',
      { block: 'logrank', ci: { lower: { equals: 0.8, tolerance: 1e-9 }, upper: { below: 2 }, level: 0.95 } },
      true,
      'ci lower',
    ],
    [
      'ci bound, wrong',
      { block: 'logrank', ci: { upper: { below: 1 } } },
      false,
      'block logrank: ci upper 1.45 is not below 1',
    ],
    ['ci level, wrong', { block: 'logrank', ci: { level: 0.9 } }, false, 'ci level 0.95, expected 0.9'],
    ['rows', { block: 'medians', rows: 3 }, true, '3 rows'],
    ['rows, wrong', { block: 'medians', rows: 2 }, false, 'block medians: 3 rows, expected 2'],
    ['rows range', { block: 'medians', rows: { min: 1, max: 5 } }, true, 'between 1 and 5'],
    ['rows min, wrong', { block: 'medians', rows: { min: 4 } }, false, '3 rows, expected at least 4'],
    ['rows max, wrong', { block: 'medians', rows: { max: 2 } }, false, '3 rows, expected at most 2'],
    [
      'cell number',
      { block: 'medians', where: { group: 'standard' }, column: 'median', value: 103 },
      true,
      'median where group = ',
    ],
    [
      'cell number, wrong',
      {
        block: 'medians',
        where: { group: 'standard' },
        column: 'median',
        value: { equals: 100, tolerance: 1 },
      },
      false,
      "block medians: median where group = 'standard': 103 is not within 1 of 100 (difference 3)",
    ],
    [
      'cell null',
      { block: 'medians', where: { group: 'test', n: 68 }, column: 'upper', value: null },
      true,
      'as expected',
    ],
    [
      'cell text',
      { block: 'medians', where: { n: 69 }, column: 'group', equals: 'standard' },
      true,
      "is 'standard'",
    ],
    [
      'cell text, wrong',
      { block: 'medians', where: { n: 69 }, column: 'group', equals: 'test' },
      false,
      "block medians: group where n = 69 is 'standard', expected 'test'",
    ],
    [
      'cell row missing',
      { block: 'medians', where: { group: 'standrd' }, column: 'n', value: 1 },
      false,
      "no row where group = 'standrd' — did you mean 'standard'? (group holds: 'standard', 'test')",
    ],
    [
      'cell rows ambiguous',
      { block: 'medians', where: { group: 'test' }, column: 'n', value: 1 },
      false,
      '2 rows match',
    ],
    [
      'cell column missing',
      { block: 'medians', where: { group: 'test', n: 68 }, column: 'medain', value: 1 },
      false,
      "has no column 'medain' — did you mean 'median'?",
    ],
    ['contains', { block: 'summary', contains: '137' }, true, "contains '137'"],
    [
      'contains, wrong',
      { block: 'summary', contains: '138 patients' },
      false,
      "block summary: text does not contain '138 patients' (it reads: 'Kaplan–Meier",
    ],
    ['layered chart rows', { block: 'km-curve', dataRows: 3 }, true, '3 data rows'],
    [
      'chart rows, wrong',
      { block: 'counts', dataRows: { min: 2 } },
      false,
      '1 data row, expected at least 2',
    ],
    [
      'unknown block',
      { block: 'log-rank', p: { below: 0.05 } },
      false,
      'block log-rank: not in the result — did you mean',
    ],
    [
      'wrong block type',
      { block: 'medians', p: { below: 0.05 } },
      false,
      'p checks a statistic block, but medians is a table block',
    ],
    ['contains on a table', { block: 'medians', contains: 'x' }, false, 'contains checks a markdown block'],
    ['rows on a statistic', { block: 'logrank', rows: 1 }, false, 'rows checks a table block'],
    ['dataRows on markdown', { block: 'summary', dataRows: 1 }, false, 'dataRows checks a chart block'],
  ])('%s', (_name, expectation, pass, message) => {
    const outcome = check(expectation);
    expect(outcome.message).toContain(message);
    expect(outcome.pass, outcome.message).toBe(pass);
  });

  it('fails every check of a result that is not there', () => {
    expect(checkExpectation(undefined, { block: 'x', rows: 1 })).toEqual({
      pass: false,
      message: 'block x: not in the result (blocks: none)',
    });
  });
});
