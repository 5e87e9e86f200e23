import { BENCH_FEATURE } from './shape.ts';

/** The snapshot's Parquet files the hand-written queries read. */
export interface SnapshotFiles {
  entities: string;
  events: string;
  matrix: string;
  positions: string;
}

export const AGE_FROM = 50;
export const NEUTROPHILS_BELOW = 1.5;
export const WINDOW_DAYS = 90;
export const EXPRESSION_ABOVE = 7;

/**
 * Three criteria, one per kind: an attribute, a lab value within 90 days after the first dose, and an
 * expression threshold (G01234 sits at 7 ± 1, so about half of the profiled patients pass it).
 */
export const COHORT = {
  all: [
    { attribute: 'age', op: 'gte', value: AGE_FROM },
    {
      events: 'events',
      name: ['Neutrophils'],
      value: { op: 'lt', value: NEUTROPHILS_BELOW },
      window: {
        anchor: { events: 'events', name: ['Study drug'], occurrence: 'first' },
        from: 0,
        to: WINDOW_DAYS,
      },
    },
    { matrix: 'expression', feature: BENCH_FEATURE, op: 'gt', value: EXPRESSION_ABOVE },
  ],
};

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The same three criteria as plain DuckDB SQL over the same files: what someone would write by hand. */
function criteria(files: SnapshotFiles): { firstDose: string; neutropenic: string; high: string } {
  const events = `read_parquet(${quote(files.events)})`;
  return {
    firstDose: `WITH first_dose AS (SELECT id, min("time") AS t FROM ${events} WHERE name = 'Study drug' GROUP BY id)`,
    neutropenic: `SELECT DISTINCT ev.id FROM ${events} AS ev JOIN first_dose AS d ON d.id = ev.id WHERE ev.name = 'Neutrophils' AND ev."value" < ${NEUTROPHILS_BELOW} AND ev."time" - d.t BETWEEN 0 AND ${WINDOW_DAYS}`,
    high: `SELECT p.id FROM read_parquet(${quote(files.positions)}) AS p, (SELECT "values" FROM read_parquet(${quote(files.matrix)}) WHERE feature = '${BENCH_FEATURE}') AS m WHERE m."values"[p.pos + 1] > ${EXPRESSION_ABOVE}`,
  };
}

export function handCountSql(files: SnapshotFiles): string {
  const { firstDose, neutropenic, high } = criteria(files);
  return `${firstDose} SELECT count(*) AS n FROM read_parquet(${quote(files.entities)}) AS e WHERE e.age >= ${AGE_FROM} AND e.id IN (${neutropenic}) AND e.id IN (${high})`;
}

export function handAttritionSql(files: SnapshotFiles): string {
  const { firstDose, neutropenic, high } = criteria(files);
  return `${firstDose} SELECT count(*) AS total, count(*) FILTER (WHERE e.age >= ${AGE_FROM}) AS s0, count(*) FILTER (WHERE e.age >= ${AGE_FROM} AND n.id IS NOT NULL) AS s1, count(*) FILTER (WHERE e.age >= ${AGE_FROM} AND n.id IS NOT NULL AND h.id IS NOT NULL) AS s2 FROM read_parquet(${quote(files.entities)}) AS e LEFT JOIN (${neutropenic}) AS n ON n.id = e.id LEFT JOIN (${high}) AS h ON h.id = e.id`;
}

export function handFeatureSql(files: SnapshotFiles): string {
  return `SELECT "values" FROM read_parquet(${quote(files.matrix)}) WHERE feature = $1`;
}
