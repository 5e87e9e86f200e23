import type { AttributeCriterion } from '@plexus/spec';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot, type Frame, SnapshotReader } from '../src/index.ts';
import { tempProduct } from './tempProduct.ts';

let reader: SnapshotReader;
let everyone: Frame;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempProduct();
  cleanup = temp.cleanup;
  reader = await SnapshotReader.open((await buildSnapshot(temp.dir)).snapshot);
  everyone = await reader.frame({
    columns: ['arm', 'cell_type', 'karnofsky', 'age', 'prior_therapy', 'endpoint:os'],
  });
});

afterAll(async () => {
  reader.close();
  await cleanup();
});

describe('SnapshotReader.frame', () => {
  it('returns typed columns in entity-id order', () => {
    expect(everyone.length).toBe(137);
    expect(everyone.ids.slice(0, 2)).toEqual(['VA-001', 'VA-002']);
    expect([...everyone.ids].sort()).toEqual(everyone.ids);
    const arm = everyone.columns.arm;
    expect(arm?.type).toBe('category');
    if (arm?.type === 'category') {
      expect(arm.levels).toEqual(['standard', 'test']);
      expect(arm.codes).toBeInstanceOf(Int32Array);
    }
    const karnofsky = everyone.columns.karnofsky;
    expect(karnofsky?.type === 'integer' && karnofsky.values[0]).toBe(60);
    const os = everyone.columns['endpoint:os'];
    expect(os?.type).toBe('endpoint');
    if (os?.type === 'endpoint') {
      expect(os.time[0]).toBe(72);
      expect(Array.from(os.event).filter((event) => event === 1)).toHaveLength(128);
    }
  });

  it('rejects unknown attributes and endpoints with the known ones', async () => {
    await expect(reader.frame({ columns: ['agee'] })).rejects.toThrow(
      /unknown attribute 'agee' — did you mean 'age'\?/,
    );
    await expect(reader.frame({ columns: ['endpoint:pfs'] })).rejects.toThrow(
      /unknown column 'endpoint:pfs'/,
    );
  });
});

describe('cohorts', () => {
  it('treats criterion values as bound data, never as SQL', async () => {
    const hostile = {
      all: [{ attribute: 'arm', op: 'in', values: ["standard') OR 1=1 --"] } as AttributeCriterion],
    };
    await expect(reader.count(hostile)).rejects.toThrow(/expected one of standard, test/);
    const name = { all: [{ attribute: 'arm" OR 1=1 --', op: 'eq', value: 'x' } as AttributeCriterion] };
    // A name that cannot be an attribute id fails the cohort's shape check, before the model is consulted.
    await expect(reader.count(name)).rejects.toThrow(/cohort\.all\[0\]\.attribute/);
    const unknown = { all: [{ attribute: 'armm', op: 'eq', value: 'x' } as AttributeCriterion] };
    await expect(reader.count(unknown)).rejects.toThrow(/unknown attribute 'armm' — did you mean 'arm'\?/);
  });

  it('gives the same entities as a direct evaluation of the criteria (property)', async () => {
    const numeric = fc.record({
      attribute: fc.constantFrom('karnofsky', 'age'),
      op: fc.constantFrom('eq', 'ne', 'lt', 'lte', 'gt', 'gte'),
      value: fc.integer({ min: 10, max: 100 }),
    });
    const between = fc
      .record({
        attribute: fc.constantFrom('karnofsky', 'age'),
        low: fc.integer({ min: 10, max: 100 }),
        high: fc.integer({ min: 10, max: 100 }),
      })
      .map(({ attribute, low, high }) => ({
        attribute,
        op: 'between',
        values: [Math.min(low, high), Math.max(low, high)],
      }));
    const category = fc.record({
      attribute: fc.constantFrom('arm', 'cell_type'),
      op: fc.constantFrom('in', 'notIn'),
      values: fc.subarray(['standard', 'test', 'squamous', 'smallcell', 'adeno', 'large'], { minLength: 1 }),
    });
    const criteria = fc.array(fc.oneof(numeric, between, category), { maxLength: 3 });
    const levelsOf = (attribute: string) =>
      everyone.columns[attribute]?.type === 'category'
        ? (everyone.columns[attribute] as { levels: string[] }).levels
        : [];
    await fc.assert(
      fc.asyncProperty(criteria, async (list) => {
        // Category values must be levels of their attribute: keep only those (others are rejected by design).
        const cohort = {
          all: list
            .map((criterion) =>
              'values' in criterion && typeof criterion.values[0] === 'string'
                ? {
                    ...criterion,
                    values: criterion.values.filter((value) =>
                      levelsOf(criterion.attribute).includes(String(value)),
                    ),
                  }
                : criterion,
            )
            .filter(
              (criterion) => !('values' in criterion) || criterion.values.length > 0,
            ) as AttributeCriterion[],
        };
        const frame = await reader.frame({ cohort, columns: [] });
        const expected = everyone.ids.filter((_id, row) =>
          cohort.all.every((criterion) => holds(criterion, row)),
        );
        expect(frame.ids).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

function holds(criterion: AttributeCriterion, row: number): boolean {
  const column = everyone.columns[criterion.attribute];
  if (column?.type === 'category') {
    const value = column.levels[column.codes[row] ?? -1];
    const inSet = (criterion.values ?? []).includes(value ?? '');
    return criterion.op === 'in' ? inSet : !inSet;
  }
  if (column?.type !== 'integer') throw new Error('unexpected column');
  const value = column.values[row] ?? Number.NaN;
  const target = Number(criterion.value);
  switch (criterion.op) {
    case 'eq':
      return value === target;
    case 'ne':
      return value !== target;
    case 'lt':
      return value < target;
    case 'lte':
      return value <= target;
    case 'gt':
      return value > target;
    case 'gte':
      return value >= target;
    case 'between':
      return value >= Number(criterion.values?.[0]) && value <= Number(criterion.values?.[1]);
    default:
      throw new Error(`unexpected op ${criterion.op}`);
  }
}

describe('SnapshotReader.query (read-only SQL)', () => {
  it('runs a parameterised SELECT', async () => {
    const result = await reader.query(
      'SELECT arm, count(*) AS n FROM entities WHERE age > $1 GROUP BY 1 ORDER BY 1',
      [60],
    );
    expect(result.columns).toEqual([
      { name: 'arm', type: 'VARCHAR' },
      { name: 'n', type: 'BIGINT' },
    ]);
    expect(result.rows.length).toBe(2);
    expect(result.truncated).toBe(false);
  });

  it('refuses statements other than one SELECT, and any file access', async () => {
    await expect(reader.query('DROP VIEW entities')).rejects.toThrow(/only SELECT is allowed/);
    await expect(reader.query('SELECT 1; SELECT 2')).rejects.toThrow(/one SELECT statement, found 2/);
    await expect(reader.query("SELECT * FROM read_csv('/etc/passwd')")).rejects.toThrow(
      /disabled by configuration/,
    );
    await expect(reader.query("COPY entities TO '/tmp/leak.csv'")).rejects.toThrow();
    await expect(reader.query('SET enable_external_access = true')).rejects.toThrow();
  });

  it('cuts results at maxRows and says so', async () => {
    const result = await reader.query('SELECT id FROM entities ORDER BY id', [], { maxRows: 10 });
    expect(result.rows).toHaveLength(10);
    expect(result.truncated).toBe(true);
  });
});
