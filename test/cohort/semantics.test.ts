import type { SnapshotReader } from '@plexus/engine';
import type { Cohort } from '@plexus/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProductBuilds } from './buildRandomProduct.ts';
import { naiveCohortIds } from './naiveEvaluator.ts';
import { type EventRow, epochDays, type ProductData } from './productData.ts';

/**
 * Six subjects small enough to evaluate by hand: each case below states the entities docs/cohorts.md
 * selects, and both the engine and the naive evaluator must agree with it. Ids sort by bytes, so the
 * lower-case 'a1' comes last.
 */
const ids = ['A1', 'A2', 'B1', 'B2', 'a1', 'C'];
const event = (
  entity: string,
  time: number | string | null,
  name: string,
  extra: Partial<EventRow> = {},
) => ({
  entity,
  time,
  name,
  code: null,
  group: null,
  value: null,
  text: null,
  unit: null,
  ...extra,
});

const product: ProductData = {
  ids,
  attributes: [
    { id: 'age', type: 'integer', values: [50, null, 70, 65, 18, 64] },
    { id: 'dose_day', type: 'number', values: [2, 0, null, 5, 1, 3] },
    {
      id: 'stage',
      type: 'category',
      levels: ['early', 'late', "O'Brien"],
      values: ['early', 'late', null, "O'Brien", 'early', 'late'],
    },
    { id: 'smoker', type: 'boolean', values: [true, false, null, true, false, true] },
    {
      id: 'diagnosed',
      type: 'date',
      values: ['2021-01-10', '2021-01-01', null, '2021-02-01', '2021-01-05', '2021-03-01'],
    },
  ],
  endpoints: [
    {
      id: 'os',
      unit: 'months',
      time: [10, 20, null, 5, 30, 12],
      event: [true, false, true, true, null, false],
    },
  ],
  events: [
    {
      id: 'ae',
      timing: 'offset',
      unit: 'days',
      rows: [
        event('A1', 1, 'Nausea', { text: 'mild', value: 2 }),
        event('A1', 3, 'Vomiting', { text: 'SEVERE', value: 5 }),
        event('A1', null, 'Rash', { text: 'SEVERE' }),
        event('A2', 10, 'Rash', { text: 'mild' }),
        event('B2', 6, 'Nausea', { text: 'SEVERE', value: 7 }),
        event('B2', 8, 'Nausea', { text: 'SEVERE' }),
        event('C', -1, 'say "hi"', { value: 1 }),
      ],
    },
    {
      id: 'doses',
      timing: 'offset',
      unit: 'days',
      rows: [
        event('A1', 0, 'drug'),
        event('A1', 2, 'drug'),
        event('A2', 9, 'drug'),
        event('B2', 5, 'drug'),
        event('a1', 4, 'drug'),
      ],
    },
    {
      id: 'visits',
      timing: 'date',
      unit: 'days',
      rows: [
        event('A1', '2021-01-12', 'screening'),
        event('A2', '2021-01-20', 'screening'),
        event('B2', '2021-02-01', 'follow-up'),
        event('a1', null, 'screening'),
      ],
    },
  ],
  matrices: [
    {
      id: 'expr',
      features: [
        { id: 'F1', name: 'EGFR' },
        { id: 'F2', name: null },
        { id: 'F3', name: 'MYC' },
      ],
      cells: [
        ...[1, 2, 3, 4, 5].map((value, index) => ({
          entity: ['A1', 'A2', 'B1', 'B2', 'C'][index] ?? '',
          feature: 'F1',
          value,
        })),
        { entity: 'A1', feature: 'F2', value: -1 },
        { entity: 'a1', feature: 'F2', value: -2 },
        { entity: 'C', feature: 'F2', value: 0 },
        { entity: 'A1', feature: 'F3', value: 1 },
      ],
    },
  ],
  variants: [
    {
      id: 'somatic',
      rows: [
        {
          entity: 'A1',
          chrom: '12',
          pos: 25245350,
          ref: 'G',
          alt: 'T',
          gene: 'KRAS',
          consequence: 'missense_variant',
          genotype: '0/1',
        },
        {
          entity: 'A2',
          chrom: '12',
          pos: 25245350,
          ref: 'G',
          alt: 'T',
          gene: 'KRAS',
          consequence: 'missense_variant',
          genotype: '1/1',
        },
        {
          entity: 'B1',
          chrom: '17',
          pos: 7675088,
          ref: 'C',
          alt: 'T',
          gene: 'TP53',
          consequence: 'stop_gained',
          genotype: '0/0',
        },
        {
          entity: 'B2',
          chrom: '17',
          pos: 7675088,
          ref: 'C',
          alt: 'T',
          gene: 'TP53',
          consequence: 'stop_gained',
          genotype: './1',
        },
        {
          entity: 'B2',
          chrom: '7',
          pos: 55191822,
          ref: 'T',
          alt: 'G',
          gene: 'EGFR',
          consequence: 'missense_variant',
          genotype: '0|1',
        },
        {
          entity: 'C',
          chrom: '17',
          pos: 43045000,
          ref: 'A',
          alt: 'G',
          gene: 'BRCA1',
          consequence: 'frameshift_variant',
          genotype: './.',
        },
      ],
    },
  ],
};

const EVERYONE = ['A1', 'A2', 'B1', 'B2', 'C', 'a1'];

/** [what it shows, cohort, the entities it selects]. */
const cases: Record<string, Array<[string, Cohort, string[]]>> = {
  nodes: [
    ['{} is every entity', {}, EVERYONE],
    ['an empty all is every entity', { all: [] }, EVERYONE],
    [
      'any: one child suffices',
      {
        any: [
          { attribute: 'age', op: 'gte', value: 65 },
          { attribute: 'stage', op: 'eq', value: "O'Brien" },
        ],
      },
      ['B1', 'B2'],
    ],
    [
      'atLeast 2 of smoker, age ≥ 60, any adverse event',
      {
        atLeast: 2,
        of: [
          { attribute: 'smoker', op: 'eq', value: true },
          { attribute: 'age', op: 'gte', value: 60 },
          { events: 'ae' },
        ],
      },
      ['A1', 'B2', 'C'],
    ],
    ['atLeast above the number of children never holds', { atLeast: 2, of: [{}] }, []],
    ['atLeast 0 always holds', { atLeast: 0, of: [{ attribute: 'age', op: 'gte', value: 1000 }] }, EVERYONE],
  ],
  attributes: [
    ['gte', { attribute: 'age', op: 'gte', value: 65 }, ['B1', 'B2']],
    [
      'not of a comparison includes missing ages',
      { not: { attribute: 'age', op: 'gte', value: 65 } },
      ['A1', 'A2', 'C', 'a1'],
    ],
    ['ne is false on a missing value', { attribute: 'age', op: 'ne', value: 50 }, ['B1', 'B2', 'C', 'a1']],
    [
      'notIn is false on a missing value',
      { attribute: 'stage', op: 'notIn', values: ['early'] },
      ['A2', 'B2', 'C'],
    ],
    ['a level with a quote', { attribute: 'stage', op: 'eq', value: "O'Brien" }, ['B2']],
    ['between is inclusive', { attribute: 'age', op: 'between', values: [50, 65] }, ['A1', 'B2', 'C']],
    ['missing', { attribute: 'age', op: 'missing' }, ['A2']],
    ['dates compare as dates', { attribute: 'diagnosed', op: 'lt', value: '2021-01-10' }, ['A2', 'a1']],
    ['booleans', { attribute: 'smoker', op: 'eq', value: true }, ['A1', 'B2', 'C']],
  ],
  endpoints: [
    ['event occurred; a missing time excludes B1', { endpoint: 'os', event: true }, ['A1', 'B2']],
    [
      'time in the endpoint unit; a missing event excludes a1',
      { endpoint: 'os', time: { op: 'lte', value: 12 } },
      ['A1', 'B2', 'C'],
    ],
    ['censored and late', { endpoint: 'os', event: false, time: { op: 'gt', value: 15 } }, ['A2']],
  ],
  events: [
    ['name, exact', { events: 'ae', name: ['Nausea'] }, ['A1', 'B2']],
    ['name, case-sensitive', { events: 'ae', name: ['nausea'] }, []],
    ['count.atLeast', { events: 'ae', name: ['Nausea'], count: { atLeast: 2 } }, ['B2']],
    ['text', { events: 'ae', text: ['SEVERE'] }, ['A1', 'B2']],
    ['value; a missing value fails', { events: 'ae', value: { op: 'gte', value: 5 } }, ['A1', 'B2']],
    ['a name with quotes', { events: 'ae', name: ['say "hi"'] }, ['C']],
    ['no events at all', { not: { events: 'ae' } }, ['B1', 'a1']],
    ['window without anchor: event times', { events: 'ae', window: { from: 5, to: 10 } }, ['A2', 'B2']],
    [
      'an event without a time fails a window',
      { events: 'ae', name: ['Rash'], window: { from: -100, to: 100 } },
      ['A2'],
    ],
    [
      'first dose anchor',
      { events: 'ae', window: { anchor: { events: 'doses' }, from: 3, to: 3 } },
      ['A1', 'B2'],
    ],
    [
      'last dose anchor',
      { events: 'ae', window: { anchor: { events: 'doses', occurrence: 'last' }, from: 3, to: 3 } },
      ['B2'],
    ],
    [
      'no anchor time, no match (C has no dose)',
      { events: 'ae', window: { anchor: { events: 'doses' } } },
      ['A1', 'A2', 'B2'],
    ],
    [
      'number attribute anchor',
      { events: 'ae', window: { anchor: { attribute: 'dose_day' }, from: 0, to: 1 } },
      ['A1', 'B2'],
    ],
    [
      'date attribute anchor on dated events',
      { events: 'visits', window: { anchor: { attribute: 'diagnosed' }, from: 0, to: 10 } },
      ['A1', 'B2'],
    ],
    [
      'dated events without anchor: days since 1970',
      { events: 'visits', window: { from: epochDays('2021-01-15') } },
      ['A2', 'B2'],
    ],
  ],
  matrix: [
    [
      'top quartile by name (q75 = 4)',
      { matrix: 'expr', feature: 'EGFR', percentile: { above: 75 } },
      ['B2', 'C'],
    ],
    [
      'bottom half by id (median 3)',
      { matrix: 'expr', feature: 'F1', percentile: { below: 50 } },
      ['A1', 'A2', 'B1'],
    ],
    [
      'interpolated percentile (q10 = 1.4)',
      { matrix: 'expr', feature: 'F1', percentile: { above: 10 } },
      ['A2', 'B1', 'B2', 'C'],
    ],
    [
      'both bounds',
      { matrix: 'expr', feature: 'F1', percentile: { above: 25, below: 75 } },
      ['A2', 'B1', 'B2'],
    ],
    ['comparison', { matrix: 'expr', feature: 'F2', op: 'lt', value: 0 }, ['A1', 'a1']],
    [
      'not of a comparison includes unmeasured',
      { not: { matrix: 'expr', feature: 'F2', op: 'gte', value: 0 } },
      ['A1', 'A2', 'B1', 'B2', 'a1'],
    ],
  ],
  variants: [
    ['gene', { variants: 'somatic', gene: ['KRAS'] }, ['A1', 'A2']],
    ['homozygous', { variants: 'somatic', gene: ['KRAS'], zygosity: ['homozygous'] }, ['A2']],
    ['a 0/0 genotype is not a variant', { variants: 'somatic', gene: ['TP53'] }, ['B2']],
    ['any carried variant', { variants: 'somatic' }, ['A1', 'A2', 'B2']],
    ['region', { variants: 'somatic', chrom: '17', from: 7_000_000, to: 8_000_000 }, ['B2']],
    [
      './1: every called allele is the alternate',
      { variants: 'somatic', zygosity: ['homozygous'] },
      ['A2', 'B2'],
    ],
    [
      'consequence and heterozygous',
      { variants: 'somatic', consequence: ['missense_variant'], zygosity: ['heterozygous'] },
      ['A1', 'B2'],
    ],
  ],
};

let builds: ProductBuilds;
let reader: SnapshotReader;

beforeAll(async () => {
  builds = await ProductBuilds.create();
  reader = await builds.reader(product);
});

afterAll(async () => {
  await builds?.close();
});

describe.each(Object.entries(cases))('cohort semantics: %s', (_kind, list) => {
  it.each(list)('%s', async (_what, cohort, expected) => {
    expect(naiveCohortIds(product, cohort)).toEqual(expected);
    expect(await reader.cohortIds(cohort)).toEqual(expected);
    expect(await reader.count(cohort)).toBe(expected.length);
  });
});

describe('attrition', () => {
  it('counts after each top-level criterion of an all', async () => {
    const cohort: Cohort = {
      all: [
        { attribute: 'age', op: 'present' },
        { attribute: 'smoker', op: 'eq', value: true },
        { events: 'ae' },
      ],
    };
    const attrition = await reader.attrition(cohort);
    expect(attrition.total).toBe(6);
    expect(attrition.steps.map((step) => step.count)).toEqual([5, 3, 3]);
  });
});
