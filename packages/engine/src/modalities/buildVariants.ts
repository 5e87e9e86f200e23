import { join } from 'node:path';
import type { VariantsModality } from '@plexus/spec';
import { BuildFailedError } from '../build/BuildFailedError.ts';
import { ID_COLUMN } from '../build/entitySql.ts';
import { typedSourceSql } from '../build/sourceSql.ts';
import { quoteIdentifier, quoteLiteral, sqlList } from '../duckdb/sql.ts';
import { problemAt } from '../load/problemAt.ts';
import { resolveInsideProduct } from '../load/resolveInsideProduct.ts';
import type { ManifestVariantsModality } from '../snapshot/Manifest.ts';
import {
  droppedWarning,
  type ModalityBuildContext,
  type ModalityBuildResult,
  modalityFailure,
  modalityIdentity,
  namesTable,
  PARQUET,
  samplesTable,
  variantsTable,
  writeNamesIndex,
} from './ModalityBuild.ts';
import { modalityScope, resolveModalityField } from './modalityScope.ts';
import { checkUnmatched } from './unmatchedEntities.ts';
import { VcfError, vcfToCsv } from './vcf/vcfToCsv.ts';

/**
 * Zygosity from a genotype as tables write it: VCF-style 0/1, 1|1, 1 (haploid), or words. Homozygous
 * when every called allele is the same non-reference allele.
 */
export function zygositySql(genotype: string): string {
  const alleles = `list_filter(string_split_regex(${genotype}, '[/|]'), a -> a <> '.')`;
  const word = `lower(${genotype})`;
  return `CASE WHEN ${genotype} IS NULL THEN NULL WHEN ${word} IN ('hom', 'homozygous', 'hom_alt', 'homalt', 'hemizygous', 'hemi') THEN 'homozygous' WHEN ${word} IN ('het', 'heterozygous') THEN 'heterozygous' WHEN NOT regexp_full_match(${genotype}, '[0-9.]+([/|][0-9.]+)*') THEN NULL WHEN len(list_distinct(${alleles})) = 1 AND ${alleles}[1] <> '0' THEN 'homozygous' ELSE 'heterozygous' END`;
}

/** Genotype words tables use for a call without the variant. */
const NOT_CARRIED_WORDS = ['hom_ref', 'homref', 'ref', 'wt', 'wildtype', 'wild_type', 'none'];

/** Writes a variants modality as one table sorted by gene and position, so a gene's variants are found without a scan. */
export async function buildVariants(
  context: ModalityBuildContext,
  modality: VariantsModality,
  index: number,
): Promise<ModalityBuildResult> {
  const { connection, definition } = context;
  const file = definition.files.mapping;
  const table = variantsTable(modality.id);
  const output = join(context.staging, `${table}.parquet`);
  const id = quoteIdentifier(ID_COLUMN);
  let relation: string;
  /** The entity ids the modality has genotypes for, carried or not: the VCF's samples, the table's entities. */
  let profiled: string;
  let path: Array<string | number>;
  if (modality.vcf) {
    path = ['modalities', index, 'vcf', 'path'];
    const located = await resolveInsideProduct(definition.dir, modality.vcf.path);
    if (!('path' in located)) {
      throw new BuildFailedError([
        problemAt(
          file,
          path,
          'file-missing',
          `modality '${modality.id}': ${modality.vcf.path} is missing or outside the product`,
        ),
      ]);
    }
    const csv = join(context.scratch, `${table}.csv`);
    let samples: string[] = [];
    try {
      ({ samples } = await vcfToCsv(located.path, csv, {
        displayPath: modality.vcf.path,
        ...(modality.vcf.gene !== undefined ? { gene: modality.vcf.gene } : {}),
        ...(modality.vcf.consequence !== undefined ? { consequence: modality.vcf.consequence } : {}),
      }));
    } catch (error) {
      if (error instanceof VcfError)
        throw new BuildFailedError([
          problemAt(file, path, 'bad-vcf', `modality '${modality.id}': ${error.message}`),
        ]);
      throw error;
    }
    relation = `SELECT CAST("sample" AS VARCHAR) AS ${id}, CAST(chrom AS VARCHAR) AS chrom, CAST(pos AS BIGINT) AS pos, CAST("ref" AS VARCHAR) AS "ref", CAST(alt AS VARCHAR) AS alt, CAST(gene AS VARCHAR) AS gene, CAST(consequence AS VARCHAR) AS consequence, CAST(genotype AS VARCHAR) AS genotype, CAST(zygosity AS VARCHAR) AS zygosity FROM read_csv(${quoteLiteral(csv)}, header = true, all_varchar = true, nullstr = '')`;
    profiled = `SELECT unnest(${samples.length > 0 ? sqlList(samples) : '[]::VARCHAR[]'}) AS ${id}`;
  } else {
    const tableSpec = modality.table;
    const scope = modalityScope(modality);
    const source = tableSpec ? definition.mapping.sources[tableSpec.source] : undefined;
    if (!tableSpec || !scope || !source)
      throw new Error(`modality ${modality.id}: validate the mapping first`);
    path = ['modalities', index, 'table', 'entity'];
    const field = (name: keyof typeof tableSpec, cast: string) => {
      const ref = tableSpec[name];
      if (ref === undefined || name === 'source') return `CAST(NULL AS ${cast})`;
      const resolved = resolveModalityField(definition.mapping, scope, ref);
      if ('error' in resolved) throw new Error(resolved.error);
      return `CAST(${resolved.sql} AS ${cast})`;
    };
    const genotype = field('genotype', 'VARCHAR');
    // Tables often list every genotype call: homozygous-reference and missing calls are no variant of the entity.
    const called = `list_filter(string_split_regex(${genotype}, '[/|]'), a -> a <> '.')`;
    const carried = `(${genotype} IS NULL OR (lower(${genotype}) NOT IN (${NOT_CARRIED_WORDS.map((word) => `'${word}'`).join(', ')}) AND (NOT regexp_full_match(${genotype}, '[0-9.]+([/|][0-9.]+)*') OR len(list_filter(${called}, a -> a <> '0')) > 0)))`;
    relation = `SELECT ${field('entity', 'VARCHAR')} AS ${id}, ${field('chrom', 'VARCHAR')} AS chrom, ${field('pos', 'BIGINT')} AS pos, ${field('ref', 'VARCHAR')} AS "ref", ${field('alt', 'VARCHAR')} AS alt, ${field('gene', 'VARCHAR')} AS gene, ${field('consequence', 'VARCHAR')} AS consequence, ${genotype} AS genotype, ${zygositySql(genotype)} AS zygosity FROM (${typedSourceSql(definition.dir, tableSpec.source, source, false)}) AS ${quoteIdentifier(tableSpec.source)}`;
    profiled = `SELECT DISTINCT ${id} FROM (${relation}) WHERE ${id} IS NOT NULL`;
    relation = `${relation} WHERE ${carried}`;
  }
  try {
    const dropped = await checkUnmatched(connection, relation, context.entities, modality, {
      file,
      path,
      what: ['variant', 'variants'],
    });
    await connection.run(
      `COPY (SELECT v.* FROM (${relation}) AS v SEMI JOIN ${context.entities} AS e ON v.${id} = e.${id} ORDER BY v.gene NULLS LAST, v.chrom, v.pos, v."ref", v.alt, v.${id}, v.consequence, v.genotype, v.zygosity) TO ${quoteLiteral(output)} (${PARQUET}, ROW_GROUP_SIZE 122880)`,
    );
    const counted = await connection.runAndReadAll(
      `SELECT count(*) AS rows, count(DISTINCT ${id}) AS entities, count(DISTINCT gene) AS genes, count(gene) AS with_gene, count(consequence) AS with_consequence, count(zygosity) AS with_zygosity FROM read_parquet(${quoteLiteral(output)})`,
    );
    const top = await writeNamesIndex(context, modality.id, table, 'gene');
    const samplesFile = join(context.staging, `${samplesTable(modality.id)}.parquet`);
    await connection.run(
      `COPY (SELECT p.${id} FROM (${profiled}) AS p SEMI JOIN ${context.entities} AS e ON p.${id} = e.${id} ORDER BY p.${id}) TO ${quoteLiteral(samplesFile)} (${PARQUET})`,
    );
    const profiledCount = await connection.runAndReadAll(
      `SELECT count(*) AS n FROM read_parquet(${quoteLiteral(samplesFile)})`,
    );
    const row = counted.getRowObjectsJS()[0] ?? {};
    const manifest: ManifestVariantsModality = {
      ...modalityIdentity(modality),
      kind: 'variants',
      table,
      rows: Number(row.rows ?? 0),
      entities: Number(row.entities ?? 0),
      dropped,
      genes: Number(row.genes ?? 0),
      profiled: Number(profiledCount.getRowObjectsJS()[0]?.n ?? 0),
      fields: (['gene', 'consequence', 'zygosity'] as const).filter(
        (field) => Number(row[`with_${field}`] ?? 0) > 0,
      ),
      topGenes: top.map((entry) => ({ gene: entry.value, variants: entry.rows, entities: entry.entities })),
    };
    const problems = droppedWarning(context, index, modality.id, dropped, [
      'variant of a sample that is no entity',
      'variants of samples that are no entity',
    ]);
    return {
      modality: manifest,
      tables: [table, namesTable(modality.id), samplesTable(modality.id)],
      problems,
    };
  } catch (error) {
    throw await modalityFailure(context, path, modality.id, 'building the variants table', error);
  }
}
