import { didYouMean, InputError } from '@plexus/spec';
import { ID_COLUMN } from '../build/entitySql.ts';
import type { FeatureLookup } from '../cohort/resolveCohort.ts';
import { quoteIdentifier } from '../duckdb/sql.ts';
import {
  eventsTable,
  matrixTable,
  positionsTable,
  samplesTable,
  variantsTable,
} from '../modalities/ModalityBuild.ts';
import type { ManifestModality } from '../snapshot/Manifest.ts';
import type { FrameColumn } from './Frame.ts';
import type { RunQuery } from './SnapshotQueries.ts';

/** `matrix:` and `variant:` name the product's only modality of that kind, as people write them. */
const KIND_ALIASES: Record<string, ManifestModality['kind']> = {
  matrix: 'matrix',
  variant: 'variants',
  variants: 'variants',
  events: 'events',
};

const id = quoteIdentifier(ID_COLUMN);

/**
 * A frame column from a modality, `<modality>:<name>`: a matrix feature's values (number), whether the
 * entity carries a variant in a gene (boolean), or how many events of a name it has (integer).
 */
export async function modalityColumn(
  run: RunQuery,
  modalities: readonly ManifestModality[],
  column: string,
  lookup: FeatureLookup,
): Promise<{ decode: (ids: readonly string[]) => Promise<FrameColumn> }> {
  const separator = column.indexOf(':');
  const prefix = column.slice(0, separator);
  const name = column.slice(separator + 1);
  const modality = findModality(modalities, prefix, column);
  if (name.length === 0) throw new InputError(`column '${column}' names no feature after '${prefix}:'`);
  const indexOf = (ids: readonly string[]) => new Map(ids.map((entity, position) => [entity, position]));
  if (modality.kind === 'matrix') {
    const found = await lookup(modality, name);
    if ('error' in found)
      throw new InputError(`column '${column}': ${found.error}`, [{ at: column, message: found.error }]);
    return {
      decode: async (ids) => {
        const rows = await run(
          `SELECT p.${id} AS entity, f.v[p.pos + 1] AS value FROM ${quoteIdentifier(positionsTable(modality.id))} AS p, (SELECT "values" AS v FROM ${quoteIdentifier(matrixTable(modality.id))} WHERE feature = $1) AS f`,
          [found.id],
        );
        const positions = indexOf(ids);
        const values = new Float64Array(ids.length).fill(Number.NaN);
        for (const row of rows) {
          const at = positions.get(String(row.entity));
          if (at !== undefined && row.value !== null) values[at] = Number(row.value);
        }
        return { type: 'number', values };
      },
    };
  }
  const [table, field] =
    modality.kind === 'variants' ? [variantsTable(modality.id), 'gene'] : [eventsTable(modality.id), 'name'];
  return {
    decode: async (ids) => {
      const rows = await run(
        `SELECT ${id} AS entity, count(*) AS n FROM ${quoteIdentifier(table)} WHERE ${quoteIdentifier(field)} = $1 GROUP BY ${id}`,
        [name],
      );
      const positions = indexOf(ids);
      if (modality.kind === 'variants') {
        // -1 (missing) for entities without genotypes: not profiled is not wild type.
        const values = new Int8Array(ids.length).fill(-1);
        const profiled = await run(
          `SELECT ${id} AS entity FROM ${quoteIdentifier(samplesTable(modality.id))}`,
        );
        for (const row of profiled) {
          const at = positions.get(String(row.entity));
          if (at !== undefined) values[at] = 0;
        }
        for (const row of rows) {
          const at = positions.get(String(row.entity));
          if (at !== undefined) values[at] = 1;
        }
        return { type: 'boolean', values };
      }
      const values = new Float64Array(ids.length);
      for (const row of rows) {
        const at = positions.get(String(row.entity));
        if (at !== undefined) values[at] = Number(row.n);
      }
      return { type: 'integer', values };
    },
  };
}

function findModality(
  modalities: readonly ManifestModality[],
  prefix: string,
  column: string,
): ManifestModality {
  const byId = modalities.find((modality) => modality.id === prefix);
  if (byId) return byId;
  const kind = KIND_ALIASES[prefix];
  const ofKind = kind ? modalities.filter((modality) => modality.kind === kind) : [];
  if (ofKind.length === 1 && ofKind[0]) return ofKind[0];
  const known = modalities.map((modality) => `${modality.id}:`);
  throw new InputError(
    `unknown column '${column}': '${prefix}' is ${kind && ofKind.length > 1 ? `ambiguous (the product has ${ofKind.length} ${kind} modalities: ${ofKind.map((modality) => modality.id).join(', ')})` : 'no modality of the product'}${didYouMean(`${prefix}:`, known)}`,
    [{ at: column, message: 'unknown modality', allowed: known }],
  );
}
