import type { ProfiledColumn, TableProfile } from './profileTable.ts';

/** Names that say "this identifies a subject": id, *_id, usubjid, person_id, subject, patient… */
const ID_NAME =
  /^(id|usubjid|subjid|subject(_?id)?|patient(_?id)?|person(_?id)?|pid|sample(_?id)?|.+[_.]id)$/i;

export function looksLikeId(header: string): boolean {
  return ID_NAME.test(header);
}

/** A candidate entity key: named like an id, unique and never missing. */
export function candidateKey(table: TableProfile): ProfiledColumn | undefined {
  const keys = table.columns.filter((column) => looksLikeId(column.header) && column.unique);
  // Prefer the most specific name (usubjid, person_id) over a generic "id".
  return keys.find((column) => column.header.toLowerCase() !== 'id') ?? keys[0];
}

/**
 * The column of `table` that refers to `key` of the entity source: the same name, or an id-like column
 * whose values all are keys. Undefined when no column links the two files.
 */
export function referencingColumn(table: TableProfile, key: ProfiledColumn): ProfiledColumn | undefined {
  const within = (column: ProfiledColumn) =>
    column.values.size > 0 && [...column.values].every((value) => key.values.has(value));
  const sameName = table.columns.find((column) => column.header.toLowerCase() === key.header.toLowerCase());
  if (sameName && within(sameName)) return sameName;
  return table.columns.find((column) => looksLikeId(column.header) && within(column));
}

export interface EntityChoice {
  table: TableProfile;
  /** Undefined: no unique id column, so entities are numbered by row. */
  key: ProfiledColumn | undefined;
}

/**
 * The entity source is the file whose candidate key the other files refer to most; ties go to the file
 * with fewer rows (one row per subject), then to the order given. Without any key: the first file.
 */
export function chooseEntitySource(tables: readonly TableProfile[]): EntityChoice {
  let best: { table: TableProfile; key: ProfiledColumn; score: number } | undefined;
  for (const table of tables) {
    const key = candidateKey(table);
    if (!key) continue;
    const score = tables.filter((other) => other !== table && referencingColumn(other, key)).length;
    if (!best || score > best.score || (score === best.score && table.rows < best.table.rows))
      best = { table, key, score };
  }
  if (best) return { table: best.table, key: best.key };
  const first = tables[0];
  if (!first) throw new Error('no tables to choose from');
  return { table: first, key: undefined };
}
