import { tmpdir } from 'node:os';
import type { SnapshotReader } from '@plexus/engine';
import { type Cohort, InputError } from '@plexus/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProductBuilds } from './buildRandomProduct.ts';
import { naiveCohortIds } from './naiveEvaluator.ts';
import type { ProductData } from './productData.ts';

/**
 * Strings that would change a query if they were pasted into SQL, JSON or a regex, plus Unicode that
 * must not be normalised. In the data they are data; as names of things the model lacks they are errors.
 */
const HOSTILE = [
  "'",
  '"',
  '--',
  '/* */',
  ';',
  "x'; DROP TABLE entities; --",
  'Robert"); DROP TABLE entities;--',
  "' OR 1=1 --",
  'back\\slash\\',
  "\\'",
  '$1',
  '$2::VARCHAR',
  '🧬🔥',
  'עברית RTL',
  'é',
  'e\u0301',
  'e\u0301\u0302',
  'x'.repeat(900),
];
const TOO_LONG = 'y'.repeat(5000);

/** Entity i holds HOSTILE[i] as its category level, as an event name, a gene and a measured feature. */
const ids = [...HOSTILE.map((_value, index) => `E${String(index).padStart(2, '0')}`), 'Z1', 'Z2'];
const own = (index: number): string | null => HOSTILE[index] ?? null;
const product: ProductData = {
  ids,
  attributes: [
    { id: 'stage', type: 'category', levels: HOSTILE, values: ids.map((_id, index) => own(index)) },
    { id: 'age', type: 'integer', values: ids.map((_id, index) => 40 + index) },
  ],
  endpoints: [],
  events: [
    {
      id: 'ae',
      timing: 'offset',
      unit: 'days',
      rows: ids.flatMap((entity, index) =>
        [own(index), own(index + 1)].map((name, offset) => ({
          entity,
          time: offset,
          name,
          code: null,
          group: null,
          value: null,
          text: null,
          unit: null,
        })),
      ),
    },
  ],
  matrices: [
    {
      id: 'expr',
      features: HOSTILE.map((id) => ({ id, name: null })),
      cells: HOSTILE.map((feature, index) => ({ entity: ids[index] ?? '', feature, value: index })),
    },
  ],
  variants: [
    {
      id: 'somatic',
      rows: ids.map((entity, index) => ({
        entity,
        chrom: '1',
        pos: 100 + index,
        ref: 'A',
        alt: 'T',
        gene: own(index),
        consequence: null,
        genotype: '0/1',
      })),
    },
  ],
};

let builds: ProductBuilds;
let reader: SnapshotReader;
const messages: string[] = [];

beforeAll(async () => {
  builds = await ProductBuilds.create();
  reader = await builds.reader(product);
});

afterAll(async () => {
  await builds?.close();
});

/** The compile error for a cohort, which must be an InputError naming the path. */
async function rejection(cohort: unknown, path: string): Promise<InputError> {
  const error = await reader.count(cohort as Cohort).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, `${JSON.stringify(cohort).slice(0, 200)} should be rejected`).toBeInstanceOf(InputError);
  const input = error as InputError;
  messages.push(input.message, ...input.details.map((detail) => detail.message));
  expect(input.message).toContain(path);
  expect(input.details.length).toBeGreaterThan(0);
  return input;
}

const label = (value: string) =>
  JSON.stringify(value.length > 40 ? `${value.slice(0, 20)}…(${value.length})` : value);

describe.each(HOSTILE.map((value, index) => [label(value), value, index] as const))(
  'the string %s',
  (_label, value, index) => {
    it('is plain data where the data has it', async () => {
      const holder = ids[index] ?? '';
      const cases: Array<[Cohort, string[]]> = [
        [{ attribute: 'stage', op: 'eq', value }, [holder]],
        [{ attribute: 'stage', op: 'in', values: [value] }, [holder]],
        [
          { events: 'ae', name: [value] },
          [ids[index - 1], holder].filter((id): id is string => id !== undefined),
        ],
        [{ variants: 'somatic', gene: [value] }, [holder]],
        [{ matrix: 'expr', feature: value, op: 'gte', value: -1 }, [holder]],
      ];
      for (const [cohort, expected] of cases) {
        const sorted = naiveCohortIds(product, cohort);
        expect(sorted).toEqual([...expected].sort());
        expect(await reader.cohortIds(cohort), JSON.stringify(cohort)).toEqual(sorted);
      }
      // Not a level: rejected with the levels, at the value's path.
      await rejection({ all: [{ attribute: 'stage', op: 'eq', value: `${value}!` }] }, 'cohort.all[0].value');
      await rejection(
        { all: [{ matrix: 'expr', feature: `${value}!`, op: 'gt', value: 0 }] },
        'cohort.all[0].feature',
      );
    });

    it('is rejected as a name of the model', async () => {
      await rejection({ all: [{ attribute: value, op: 'eq', value: 1 }] }, 'cohort.all[0].attribute');
      await rejection({ all: [{ events: value }] }, 'cohort.all[0].events');
      await rejection({ all: [{ variants: value }] }, 'cohort.all[0].variants');
      await rejection({ all: [{ matrix: value, feature: 'x', op: 'gt', value: 0 }] }, 'cohort.all[0].matrix');
      await rejection({ all: [{ endpoint: value, event: true }] }, 'cohort.all[0].endpoint');
      await rejection(
        { any: [{ events: 'ae', window: { anchor: { attribute: value } } }] },
        'cohort.any[0].window',
      );
      await rejection({ all: [{ attribute: 'age', op: 'eq', value: 1, [value]: 1 }] }, 'cohort.all[0]');
    });
  },
);

describe('names that fit the identifier pattern but are not in the model', () => {
  it.each(['drop_table', 'entities', 'id', 'stage_', 'pg_catalog'])('%s', async (name) => {
    await rejection({ all: [{ attribute: name, op: 'present' }] }, 'cohort.all[0].attribute');
    await rejection({ not: { events: name } }, 'cohort.not.events');
    await rejection({ atLeast: 1, of: [{ variants: name }] }, 'cohort.of[0].variants');
  });
});

describe('strings over the length limits', () => {
  it('are rejected before they reach the database', async () => {
    await rejection({ all: [{ events: 'ae', name: [TOO_LONG] }] }, 'cohort.all[0].name[0]');
    await rejection(
      { all: [{ matrix: 'expr', feature: TOO_LONG, op: 'gt', value: 0 }] },
      'cohort.all[0].feature',
    );
    await rejection({ all: [{ variants: 'somatic', gene: [TOO_LONG] }] }, 'cohort.all[0].gene[0]');
  });
});

describe('afterwards', () => {
  it('the database is unharmed', async () => {
    expect(await reader.count({})).toBe(ids.length);
    const result = await reader.query('SELECT count(*) AS n FROM entities');
    expect(result.rows).toEqual([[ids.length]]);
  });

  it('no error message reveals where files are', () => {
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message).not.toContain(tmpdir());
      expect(message).not.toContain(builds.root);
      expect(message).not.toMatch(/(^|[\s'"(])\/(home|tmp|var|usr|etc|Users|private)\//);
    }
  });
});
