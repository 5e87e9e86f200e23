import { didYouMean } from '@plexus/spec';
import { quoteIdentifier } from '../duckdb/sql.ts';
import { featuresTable, namesTable } from '../modalities/ModalityBuild.ts';
import type { ManifestMatrixModality, ManifestModality } from '../snapshot/Manifest.ts';
import type { RunQuery } from './SnapshotQueries.ts';

export interface FeatureHit {
  /** Feature id (matrix), event name (events) or gene (variants). */
  id: string;
  /** Feature name (e.g. gene symbol) when the matrix has names. */
  name: string | null;
  /** Entities with an event of that name or a variant in that gene. */
  entities?: number;
}

/** Feature by id, else by name when exactly one feature has it (case-insensitive). */
export async function lookupFeature(
  run: RunQuery,
  modality: ManifestMatrixModality,
  text: string,
): Promise<{ id: string } | { error: string; allowed?: string[] }> {
  const table = quoteIdentifier(featuresTable(modality.id));
  const exact = await run(`SELECT feature FROM ${table} WHERE feature = $1`, [text]);
  if (exact.length > 0) return { id: text };
  if (modality.hasNames) {
    const named = await run(
      `SELECT feature FROM ${table} WHERE lower(name) = lower($1) ORDER BY feature LIMIT 51`,
      [text],
    );
    if (named.length === 1) return { id: String(named[0]?.feature) };
    if (named.length > 1) {
      const ids = named.map((row) => String(row.feature));
      return {
        error: `'${text}' names ${ids.length > 50 ? 'more than 50' : ids.length} features of '${modality.id}' (${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}); give a feature id`,
        allowed: ids,
      };
    }
  }
  const near = await searchFeatures(run, modality, text, 5);
  const suggestions = near.map((hit) => (hit.name ? `${hit.id} (${hit.name})` : hit.id));
  return {
    error: `unknown feature '${text}' in '${modality.id}'${suggestions.length > 0 ? ` — similar: ${suggestions.join(', ')}` : didYouMean(text, [])}; search them with GET /api/v1/products/<id>/features?modality=${modality.id}&q=…`,
    allowed: near.map((hit) => hit.id),
  };
}

/**
 * Searches the names people pick from: features of a matrix (id or name), event names, genes. Exact
 * matches first, then prefixes, then substrings; case-insensitive.
 */
export async function searchFeatures(
  run: RunQuery,
  modality: ManifestModality,
  text: string,
  limit = 20,
): Promise<FeatureHit[]> {
  const rank = (columns: string[]) =>
    `CASE WHEN ${columns.map((column) => `lower(${column}) = lower($1)`).join(' OR ')} THEN 0 WHEN ${columns.map((column) => `starts_with(lower(${column}), lower($1))`).join(' OR ')} THEN 1 ELSE 2 END`;
  const matches = (columns: string[]) =>
    columns.map((column) => `contains(lower(${column}), lower($1))`).join(' OR ');
  const bounded = Math.max(1, Math.min(100, Math.floor(limit)));
  if (modality.kind === 'matrix') {
    const columns = modality.hasNames ? ['feature', 'name'] : ['feature'];
    const rows = await run(
      `SELECT feature, name, ${rank(columns)} AS rank FROM ${quoteIdentifier(featuresTable(modality.id))} WHERE ${matches(columns)} ORDER BY rank, length(feature), feature LIMIT ${bounded}`,
      [text],
    );
    return rows.map((row) => ({
      id: String(row.feature),
      name: row.name === null ? null : String(row.name),
    }));
  }
  const rows = await run(
    `SELECT value, entities, ${rank(['value'])} AS rank FROM ${quoteIdentifier(namesTable(modality.id))} WHERE ${matches(['value'])} ORDER BY rank, entities DESC, value LIMIT ${bounded}`,
    [text],
  );
  return rows.map((row) => ({ id: String(row.value), name: null, entities: Number(row.entities) }));
}
