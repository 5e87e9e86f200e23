import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSnapshot } from '@plexus/engine';
import { openProducts, type ProductRegistry, type ProductService } from '@plexus/runtime';
import type { Cell, ChartBlock, StatisticBlock, TableBlock } from '@plexus/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { block, expectClose } from './resultBlocks.ts';

interface Frequency {
  n: number[];
  total: number;
  events: number;
  p: number;
}
interface NumericReference {
  mean: number[];
  sd: number[];
  median: number[];
  q1: number[];
  q3: number[];
  n: number[];
  missing: number[];
  anova_f: number;
  anova_p: number;
  kruskal_p: number;
}
interface CategoryReference {
  levels: string[];
  counts: number[][];
  p: number;
  statistic: number | null;
}

/** R 4.2 / survival 3.5-3 on the product's CSV files: test/products/reference/cdisc-pilot.R. */
const reference = JSON.parse(
  readFileSync(resolve(import.meta.dirname, 'reference/cdisc-pilot.json'), 'utf8'),
) as {
  subjects: number;
  arms: string[];
  n_per_arm: number[];
  ttde: {
    events: number;
    curve: Array<Record<string, number | string | null>>;
    medians: Array<{
      arm: string;
      n: number;
      events: number;
      median: number | null;
      lower: number | null;
      upper: number | null;
    }>;
    logrank: { chisq: number; df: number; p: number };
    cox: Array<{ arm: string; hr: number; lower: number; upper: number; p: number }>;
  };
  adverse_events: {
    records: number;
    any: Frequency;
    terms: Array<Frequency & { term: string }>;
    body_systems: Array<Frequency & { body_system: string }>;
    severity: Array<Frequency & { severity: string }>;
    distinct_terms: number;
    distinct_body_systems: number;
    top_term: string;
    top_term_subjects: number;
  };
  demographics: {
    age: NumericReference;
    bmi: NumericReference;
    mmse: NumericReference;
    sex: CategoryReference;
    race: CategoryReference;
    age_group: CategoryReference;
  };
  cohort_severe_within_30_days: { count: number; ids: string[]; by_arm: number[] };
};

const PRODUCT = resolve(import.meta.dirname, '../../products/cdisc-pilot');
const CURVE = ['time', 'n_risk', 'n_event', 'n_censor', 'surv', 'std_err', 'lower', 'upper'] as const;
/** A SEVERE treatment-emergent adverse event within 30 days of the first dose. */
const SEVERE_EARLY = {
  events: 'adverse_events',
  text: ['SEVERE'],
  window: { anchor: { events: 'exposure', occurrence: 'first' }, from: 0, to: 30 },
};

let snapshotRoot: string;
let registry: ProductRegistry;
let product: ProductService;

beforeAll(async () => {
  snapshotRoot = await mkdtemp(join(tmpdir(), 'plexus-cdisc-'));
  await buildSnapshot(PRODUCT, { snapshotRoot });
  registry = await openProducts([PRODUCT], { snapshotRoot });
  product = registry.get('cdisc-pilot') as ProductService;
}, 60_000);

afterAll(async () => {
  await registry.close();
  await rm(snapshotRoot, { recursive: true, force: true });
});

/** A table's column by id, so that tests do not depend on column positions. */
function cell(table: TableBlock, row: Cell[] | undefined, column: string): Cell | undefined {
  const index = table.columns.findIndex((candidate) => candidate.id === column);
  if (index < 0) throw new Error(`table ${table.id} has no column ${column}`);
  return row?.[index];
}

/** Per-arm n, total, events and Fisher p of a frequency row, checked against R. */
function expectFrequency(
  table: TableBlock,
  row: Cell[] | undefined,
  expected: Frequency,
  where: string,
): void {
  expect(row, where).toBeDefined();
  expect(
    expected.n.map((_n, at) => cell(table, row, `n-${at + 1}`)),
    `${where} subjects per arm`,
  ).toEqual(expected.n);
  expect(cell(table, row, 'n-total'), `${where} total`).toBe(expected.total);
  expect(cell(table, row, 'events'), `${where} events`).toBe(expected.events);
  expectClose(cell(table, row, 'p'), expected.p, `${where} Fisher p`);
}

describe('cdisc-pilot', () => {
  it('holds the 254 treated subjects with the TTDE endpoint joined one row per subject', () => {
    expect(product.model().entity.count).toBe(reference.subjects);
    expect(product.model().endpoints[0]?.summary).toEqual({
      count: reference.subjects,
      events: reference.ttde.events,
      censored: reference.subjects - reference.ttde.events,
      missing: 0,
    });
  });

  it('summarises the cohort, the first-dose dates converted from SAS day numbers', async () => {
    const run = await product.run('cohort-summary', {});
    expect(run.status).toBe('succeeded');
    const other = block<TableBlock>(run.result, 'other-attributes');
    // R: as.Date(range(adsl$TRTSDT), origin = "1960-01-01")
    expect(other.rows.find((row) => row[0] === 'First dose')?.[4]).toBe('2012-07-09 to 2014-09-02');
  });

  it('gives Kaplan–Meier by arm, medians, log-rank and hazard ratios against placebo as R does', async () => {
    const run = await product.run('time-to-dermatologic-event', {});
    expect(run.status).toBe('succeeded');
    const table = block<TableBlock>(run.result, 'survival-table');
    expect(table.rows).toHaveLength(reference.ttde.curve.length);
    reference.ttde.curve.forEach((expected, index) => {
      const row = table.rows[index] ?? [];
      expect(row[0]).toBe(expected.arm);
      for (const [column, key] of CURVE.entries())
        expectClose(row[column + 1], expected[key], `row ${index} ${key}`);
    });
    const medians = block<TableBlock>(run.result, 'medians');
    reference.ttde.medians.forEach((expected, index) => {
      const row = medians.rows[index] ?? [];
      expect(row.slice(0, 3)).toEqual([expected.arm, expected.n, expected.events]);
      expectClose(row[3], expected.median, `${expected.arm} median`);
      expectClose(row[4], expected.lower, `${expected.arm} median lower`);
      expectClose(row[5], expected.upper, `${expected.arm} median upper`);
    });
    const logRank = block<StatisticBlock>(run.result, 'log-rank');
    expectClose(logRank.value, reference.ttde.logrank.chisq, 'log-rank chisq');
    expectClose(logRank.p, reference.ttde.logrank.p, 'log-rank p');
    expect(logRank.df).toBe(reference.ttde.logrank.df);
    const ratios = block<TableBlock>(run.result, 'hazard-ratios');
    expect(ratios.rows.map((row) => row.slice(0, 2))).toEqual(
      reference.ttde.cox.map((expected) => [expected.arm, 'Placebo']),
    );
    reference.ttde.cox.forEach((expected, index) => {
      const row = ratios.rows[index] ?? [];
      expectClose(row[2], expected.hr, `${expected.arm} HR`);
      expectClose(row[3], expected.lower, `${expected.arm} HR lower`);
      expectClose(row[4], expected.upper, `${expected.arm} HR upper`);
      expectClose(row[5], expected.p, `${expected.arm} HR p`);
    });
  });

  it('tabulates treatment-emergent adverse events by body system and preferred term as R does', async () => {
    const run = await product.run('adverse-events-by-arm', {});
    expect(run.status).toBe('succeeded');
    const table = block<TableBlock>(run.result, 'adverse-events');
    const rows = table.rows;
    expect(rows[0]?.[0]).toBe('any');
    expectFrequency(table, rows[0], reference.adverse_events.any, 'any event');
    expect(cell(table, rows[0], 'n-total')).toBe(reference.adverse_events.any.total);
    const systemRows = rows.filter((row) => row[0] === 'body system');
    const termRows = rows.filter((row) => row[0] === 'preferred term');
    expect(systemRows).toHaveLength(reference.adverse_events.distinct_body_systems);
    expect(termRows).toHaveLength(reference.adverse_events.distinct_terms);
    for (const expected of reference.adverse_events.body_systems) {
      const row = systemRows.find((candidate) => candidate[1] === expected.body_system);
      expectFrequency(table, row, expected, expected.body_system);
    }
    for (const expected of reference.adverse_events.terms) {
      const row = termRows.find((candidate) => candidate[2] === expected.term);
      expectFrequency(table, row, expected, expected.term);
    }
    // Every preferred term sits beneath its body system, most frequent first.
    rows.forEach((row, index) => {
      if (row[0] !== 'preferred term') return;
      const above = rows.slice(0, index).reverse();
      const system = above.find((candidate) => candidate[0] === 'body system');
      expect(system?.[1], String(row[2])).toBe(row[1]);
      const previous = above[0];
      if (previous?.[0] === 'preferred term')
        expect(Number(cell(table, previous, 'n-total'))).toBeGreaterThanOrEqual(
          Number(cell(table, row, 'n-total')),
        );
    });
    const percentColumn = table.columns.find((column) => column.id === 'percent-1');
    expect(percentColumn?.label).toBe('Placebo %');
    expect(table.columns.find((column) => column.id === 'n-1')?.label).toContain('N = 86');
    const severity = block<TableBlock>(run.result, 'severity');
    for (const expected of reference.adverse_events.severity) {
      const row = severity.rows.find((candidate) => candidate[0] === expected.severity);
      expectFrequency(severity, row, expected, expected.severity);
    }
    const chart = block<ChartBlock>(run.result, 'top-terms');
    expect((chart.spec as unknown as { data: { values: unknown[] } }).data.values).toHaveLength(
      20 * reference.arms.length,
    );
  });

  it('hides rare preferred terms but keeps the counts of what is shown', async () => {
    const run = await product.run('adverse-events-by-arm', { minPercent: 10 });
    const table = block<TableBlock>(run.result, 'adverse-events');
    const terms = table.rows.filter((row) => row[0] === 'preferred term');
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.length).toBeLessThan(reference.adverse_events.distinct_terms);
    for (const row of terms) expect(Number(cell(table, row, 'percent-total'))).toBeGreaterThanOrEqual(10);
    const pruritus = reference.adverse_events.terms.find((term) => term.term === 'PRURITUS');
    if (!pruritus) throw new Error('reference lacks PRURITUS');
    expectFrequency(
      table,
      terms.find((row) => row[2] === 'PRURITUS'),
      pruritus,
      'PRURITUS',
    );
    expect(block(run.result, 'summary')).toMatchObject({ text: expect.stringContaining('hidden') });
  });

  it('counts subjects per preferred term and per body system with the generic event frequencies', async () => {
    const byName = await product.run('event-frequencies', { groupBy: 'arm' });
    expect(byName.status).toBe('succeeded');
    const names = block<TableBlock>(byName.result, 'frequencies');
    expect(names.rows).toHaveLength(reference.adverse_events.distinct_terms);
    expect(names.rows[0]?.[0]).toBe(reference.adverse_events.top_term);
    expect(cell(names, names.rows[0], 'n-total')).toBe(reference.adverse_events.top_term_subjects);
    for (const expected of reference.adverse_events.terms)
      expectFrequency(
        names,
        names.rows.find((row) => row[0] === expected.term),
        expected,
        expected.term,
      );

    const byGroup = await product.run('event-frequencies', { groupBy: 'arm', level: 'group' });
    const groups = block<TableBlock>(byGroup.result, 'frequencies');
    expect(groups.rows).toHaveLength(reference.adverse_events.distinct_body_systems);
    for (const expected of reference.adverse_events.body_systems) {
      const row = groups.rows.find((candidate) => candidate[0] === expected.body_system);
      expectFrequency(groups, row, expected, expected.body_system);
    }
    const chart = block<ChartBlock>(byGroup.result, 'top-events');
    expect((chart.spec as unknown as { data: { values: unknown[] } }).data.values).toHaveLength(
      20 * reference.arms.length,
    );
  });

  it('counts without groups: totals only and no test', async () => {
    const run = await product.run('event-frequencies', { level: 'group' });
    expect(run.status).toBe('succeeded');
    const table = block<TableBlock>(run.result, 'frequencies');
    expect(table.columns.map((column) => column.id)).toEqual(['event', 'n-total', 'percent-total', 'events']);
    const skin = reference.adverse_events.body_systems[0];
    const row = table.rows.find((candidate) => candidate[0] === skin?.body_system);
    expect(row?.slice(1)).toEqual([
      skin?.total,
      Number(((100 * (skin?.total ?? 0)) / reference.subjects).toFixed(1)),
      skin?.events,
    ]);
  });

  it('describes the exposure modality by drug', async () => {
    const run = await product.run('event-frequencies', { modality: 'exposure', groupBy: 'arm' });
    expect(run.status).toBe('succeeded');
    const table = block<TableBlock>(run.result, 'frequencies');
    // Placebo subjects get placebo patches, the two xanomeline arms xanomeline: every subject is dosed.
    const placebo = table.rows.find((row) => row[0] === 'PLACEBO');
    const xanomeline = table.rows.find((row) => row[0] === 'XANOMELINE');
    expect([1, 2, 3].map((arm) => cell(table, placebo, `n-${arm}`))).toEqual([reference.n_per_arm[0], 0, 0]);
    expect([1, 2, 3].map((arm) => cell(table, xanomeline, `n-${arm}`))).toEqual([
      0,
      reference.n_per_arm[1],
      reference.n_per_arm[2],
    ]);
  });

  it('says how to fix a count by group of events that have none', async () => {
    const run = await product.run('event-frequencies', { modality: 'exposure', level: 'group' });
    expect(run).toMatchObject({ status: 'failed', error: { code: 'INPUT_INVALID' } });
    expect(run.error?.message).toContain('count them by name');
  });

  it('builds the demographics table by arm with the tests R gives', async () => {
    const run = await product.run('demographics', {});
    expect(run.status).toBe('succeeded');
    const statistics = block<TableBlock>(run.result, 'statistics');
    const value = (attribute: string, group: string, statistic: string, level: string | null = null) =>
      statistics.rows.find(
        (row) => row[0] === attribute && row[1] === level && row[2] === group && row[3] === statistic,
      )?.[4];
    for (const id of ['age', 'bmi', 'mmse'] as const) {
      const expected = reference.demographics[id];
      reference.arms.forEach((arm, at) => {
        for (const key of ['mean', 'sd', 'median', 'q1', 'q3'] as const)
          expectClose(value(id, arm, key), expected[key][at], `${id} ${arm} ${key}`);
        expect(value(id, arm, 'n'), `${id} ${arm} n`).toBe(expected.n[at]);
      });
    }
    const tests = block<TableBlock>(run.result, 'tests');
    const test = (attribute: string) => tests.rows.find((row) => row[0] === attribute) ?? [];
    for (const id of ['age', 'bmi', 'mmse'] as const) {
      expect(test(id)[2]).toBe('one-way ANOVA (F)');
      expectClose(test(id)[3], reference.demographics[id].anova_f, `${id} F`);
      expectClose(test(id)[5], reference.demographics[id].anova_p, `${id} ANOVA p`);
    }
    expect(test('sex')[2]).toBe('chi-square');
    expectClose(test('sex')[3], reference.demographics.sex.statistic, 'sex chi-square');
    expectClose(test('sex')[5], reference.demographics.sex.p, 'sex p');
    expectClose(test('age_group')[5], reference.demographics.age_group.p, 'age group p');
    // Race has expected counts below 5, so Fisher's exact test on the 3 × 3 table, as R's fisher.test.
    expect(test('race')[2]).toBe('Fisher exact');
    expectClose(test('race')[5], reference.demographics.race.p, 'race Fisher p');
    const sex = reference.demographics.sex;
    reference.arms.forEach((arm, at) => {
      expect(value('sex', arm, 'n', 'female')).toBe(sex.counts[at]?.[sex.levels.indexOf('F')]);
      expect(value('sex', arm, 'n', 'male')).toBe(sex.counts[at]?.[sex.levels.indexOf('M')]);
    });

    const table = block<TableBlock>(run.result, 'table-1');
    expect(table.columns.map((column) => column.label).slice(2, 6)).toEqual([
      'Placebo (N = 86)',
      'Xanomeline Low Dose (N = 84)',
      'Xanomeline High Dose (N = 84)',
      'Total (N = 254)',
    ]);
    // BMI is missing for one subject of the low-dose arm: a Missing row says so.
    const bmiMissing = table.rows.find((row) => row[0] === 'Baseline BMI' && row[1] === 'Missing');
    expect(bmiMissing?.slice(2, 6)).toEqual(['0', '1', '0', '1']);
    const female = table.rows.find((row) => row[0] === 'Sex' && row[1] === 'female');
    expect(female?.[2]).toBe(`53 (${((100 * 53) / 86).toFixed(1)}%)`);
  });

  it('tests numbers by Kruskal–Wallis when asked', async () => {
    const run = await product.run('demographics', {
      attributes: ['age', 'bmi', 'mmse'],
      numericTest: 'kruskal-wallis',
    });
    const tests = block<TableBlock>(run.result, 'tests');
    for (const id of ['age', 'bmi', 'mmse'] as const) {
      const row = tests.rows.find((candidate) => candidate[0] === id) ?? [];
      expect(row[2]).toBe('Kruskal–Wallis');
      expectClose(row[5], reference.demographics[id].kruskal_p, `${id} Kruskal–Wallis p`);
    }
  });

  it('counts subjects with a severe adverse event within 30 days of the first dose as R does', async () => {
    const counted = await product.countCohort(SEVERE_EARLY);
    expect(counted.count).toBe(reference.cohort_severe_within_30_days.count);
    const combined = await product.countCohort({
      all: [{ attribute: 'arm', op: 'ne', value: 'Placebo' }, SEVERE_EARLY],
    });
    const [placebo = 0, low = 0, high = 0] = reference.cohort_severe_within_30_days.by_arm;
    expect(combined.attrition.map((step) => step.count)).toEqual([reference.subjects, 168, low + high]);
    expect(placebo + low + high).toBe(counted.count);
    // The apps see the same cohort: its subjects are the denominators of the adverse event table.
    const run = await product.run('adverse-events-by-arm', { cohort: SEVERE_EARLY });
    expect(run.status).toBe('succeeded');
    const table = block<TableBlock>(run.result, 'adverse-events');
    expect(cell(table, table.rows[0], 'n-total')).toBe(reference.cohort_severe_within_30_days.count);
    // No high-dose subject is in this cohort, so the table has the two arms that are (placebo 1, low 11).
    expect(
      table.columns.filter((column) => column.id.startsWith('n-')).map((column) => column.label),
    ).toEqual([
      `Placebo (N = ${placebo}) n`,
      `Xanomeline Low Dose (N = ${low}) n`,
      `Total (N = ${counted.count}) n`,
    ]);
    expect([cell(table, table.rows[0], 'n-1'), cell(table, table.rows[0], 'n-2')]).toEqual([placebo, low]);
    const severity = block<TableBlock>(run.result, 'severity');
    const severe = severity.rows.find((row) => row[0] === 'SEVERE');
    expect(cell(severity, severe, 'n-total')).toBe(reference.cohort_severe_within_30_days.count);
  });
});
