import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSnapshot } from '@plexus/engine';
import { openProducts, type ProductRegistry, type ProductService } from '@plexus/runtime';
import type { StatisticBlock, TableBlock } from '@plexus/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../packages/cli/src/init/readCsv.ts';
import { block } from './resultBlocks.ts';

const PRODUCT = resolve(import.meta.dirname, '../../products/omop-synthea');
const DAY = 86_400_000;

let snapshotRoot: string;
let registry: ProductRegistry;
let product: ProductService;
/** Rows of a table of the product's data folder as objects keyed by header. */
const tables = new Map<string, Array<Record<string, string>>>();

async function table(name: string): Promise<Array<Record<string, string>>> {
  const known = tables.get(name);
  if (known) return known;
  const csv = await readCsv(join(PRODUCT, 'data', `${name}.csv`));
  const rows = csv.rows.map((row) =>
    Object.fromEntries(csv.header.map((header, index) => [header, row[index] ?? ''])),
  );
  tables.set(name, rows);
  return rows;
}

const days = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;

/** concept_id → concept_name. */
async function conceptNames(): Promise<Map<string, string>> {
  return new Map((await table('concept')).map((row) => [row.concept_id ?? '', row.concept_name ?? '']));
}

/** Each person's first date (days since 1970) of a named concept in a table. */
async function firstDates(
  name: string,
  tableName: string,
  conceptColumn: string,
  dateColumn: string,
): Promise<Map<string, number>> {
  const names = await conceptNames();
  const first = new Map<string, number>();
  for (const row of await table(tableName)) {
    if (names.get(row[conceptColumn] ?? '') !== name) continue;
    const time = days(row[dateColumn] ?? '');
    const person = row.person_id ?? '';
    if (!first.has(person) || time < (first.get(person) ?? 0)) first.set(person, time);
  }
  return first;
}

beforeAll(async () => {
  snapshotRoot = await mkdtemp(join(tmpdir(), 'plexus-omop-'));
  await buildSnapshot(PRODUCT, { snapshotRoot });
  registry = await openProducts([PRODUCT], { snapshotRoot });
  product = registry.get('omop-synthea') as ProductService;
});

afterAll(async () => {
  await registry.close();
  await rm(snapshotRoot, { recursive: true, force: true });
});

describe('omop-synthea', () => {
  it('holds the 28 synthetic patients, 3 of whom died', () => {
    expect(product.model().entity.count).toBe(28);
    expect(product.model().endpoints[0]?.summary).toMatchObject({ count: 28, events: 3, censored: 25 });
  });

  it('counts "viral sinusitis and a body weight above 80 kg within a year of it" as the CSVs say', async () => {
    const sinusitis = await firstDates(
      'Viral sinusitis',
      'condition_occurrence',
      'condition_concept_id',
      'condition_start_date',
    );
    const names = await conceptNames();
    const expected = new Set<string>();
    for (const row of await table('measurement')) {
      const anchor = sinusitis.get(row.person_id ?? '');
      if (anchor === undefined || names.get(row.measurement_concept_id ?? '') !== 'Body weight') continue;
      const offset = days(row.measurement_date ?? '') - anchor;
      if (Number(row.value_as_number) > 80 && offset >= 0 && offset <= 365) expected.add(row.person_id ?? '');
    }
    const count = await product.countCohort({
      all: [
        { events: 'condition', name: ['Viral sinusitis'] },
        {
          events: 'measurement',
          name: ['Body weight'],
          value: { op: 'gt', value: 80 },
          window: { anchor: { events: 'condition', name: ['Viral sinusitis'] }, from: 0, to: 365 },
        },
      ],
    });
    expect(sinusitis.size).toBe(23);
    expect(count.count).toBe(expected.size);
  });

  it('gives condition and drug prevalence as direct counts of persons', async () => {
    const names = await conceptNames();
    for (const [protocol, tableName, column] of [
      ['condition-prevalence', 'condition_occurrence', 'condition_concept_id'],
      ['drug-prevalence', 'drug_exposure', 'drug_concept_id'],
    ] as const) {
      const persons = new Map<string, Set<string>>();
      for (const row of await table(tableName)) {
        const name = names.get(row[column] ?? '') ?? '';
        persons.set(name, (persons.get(name) ?? new Set()).add(row.person_id ?? ''));
      }
      const run = await product.run(protocol, {});
      expect(run.error, protocol).toBeUndefined();
      const rows = block<TableBlock>(run.result, 'frequencies').rows;
      expect(rows).toHaveLength(persons.size);
      for (const row of rows) expect(row[1], `${protocol} ${row[0]}`).toBe(persons.get(String(row[0]))?.size);
    }
  });

  it('measures time from the first viral sinusitis to death for the persons who died', async () => {
    const first = await firstDates(
      'Viral sinusitis',
      'condition_occurrence',
      'condition_concept_id',
      'condition_start_date',
    );
    const deaths = (await table('death')).filter((row) => first.has(row.person_id ?? ''));
    const expectedTimes = deaths
      .map((row) => days(row.death_date ?? '') - (first.get(row.person_id ?? '') ?? 0))
      .sort((a, b) => a - b);
    const run = await product.run('time-from-condition-to-death', { eventName: 'Viral sinusitis' });
    expect(run.error).toBeUndefined();
    expect(run.result?.summary).toContain(`${first.size} patients, ${deaths.length} death events`);
    const survival = block<TableBlock>(run.result, 'survival-table');
    const eventTimes = survival.rows.filter((row) => Number(row[3]) > 0).map((row) => Number(row[1]));
    expect(eventTimes).toEqual(expectedTimes);
    expect(block<StatisticBlock>(run.result, 'median').unit).toBe('days');
  });

  it('says which condition names exist when the name is unknown', async () => {
    const run = await product.run('time-from-condition-to-death', { eventName: 'Viral sinusitus' });
    expect(run).toMatchObject({ status: 'failed', error: { code: 'INPUT_INVALID' } });
  });
});
