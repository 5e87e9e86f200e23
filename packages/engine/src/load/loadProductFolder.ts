import { resolve } from 'node:path';
import type { Mapping, Problem, Product } from '@plexus/spec';
import { checkDocument, hasErrors, MappingSchema, ProductSchema } from '@plexus/spec';
import { closeDuckDb, openDuckDb } from '../duckdb/openDuckDb.ts';
import { checkModalities } from '../modalities/checkModalities.ts';
import { checkModalityFiles } from '../modalities/checkModalityFiles.ts';
import { readYamlFile, type YamlFile } from '../yaml/YamlFile.ts';
import { checkExpressions } from './checkExpressions.ts';
import { checkMappingReferences } from './checkMappingReferences.ts';
import { checkSourceFiles } from './checkSourceFiles.ts';
import { checkValueKinds } from './checkValueKinds.ts';
import type { ProductDefinition } from './ProductDefinition.ts';
import { problemAt, problemsFromSchemaIssues } from './problemAt.ts';
import { resolveInsideProduct } from './resolveInsideProduct.ts';

export interface LoadResult {
  /** Present when product.yaml and the mapping have no errors. */
  definition?: ProductDefinition;
  /** Every problem found, errors and warnings, in file order. */
  problems: Problem[];
  /** Whatever parsed and passed its schema, for checks that can go on despite other problems. */
  partial: { product?: Product; mapping?: Mapping };
}

function checked<T>(
  file: YamlFile,
  schema: typeof ProductSchema | typeof MappingSchema,
): { value?: T; problems: Problem[] } {
  if (file.problems.length > 0) return { problems: file.problems };
  const problems = problemsFromSchemaIssues(file, checkDocument(schema, file.value));
  return problems.length > 0 ? { problems } : { value: file.value as T, problems };
}

/**
 * Reads product.yaml and its mapping and reports every problem at once: syntax, schema, references,
 * source files and expressions. Never throws for a broken product; problems are data.
 */
export async function loadProductFolder(
  dir: string,
  /** Called as soon as the mapping has passed its schema, so a caller can start work that needs only it. */
  onMapping?: (productDir: string, mapping: Mapping) => void,
): Promise<LoadResult> {
  const productDir = resolve(dir);
  const productFile = await readYamlFile(resolve(productDir, 'product.yaml'), 'product.yaml');
  const product = checked<Product>(productFile, ProductSchema);
  const mappingName = product.value?.mapping ?? 'mapping.yaml';
  const mappingLocated = await resolveInsideProduct(productDir, mappingName);
  const mappingFile =
    'outside' in mappingLocated
      ? outsideFile(
          mappingName,
          problemAt(
            productFile,
            ['mapping'],
            'invalid-value',
            `mapping file ${mappingName} is outside the product folder`,
          ),
        )
      : await readYamlFile(resolve(productDir, mappingName), mappingName);
  if (mappingFile.problems[0]?.code === 'file-missing') {
    // Say where the missing file is referred to, so that a typo in product.yaml is found at once.
    mappingFile.problems[0] = product.value?.mapping
      ? problemAt(productFile, ['mapping'], 'file-missing', `mapping file ${mappingName} does not exist`)
      : {
          ...mappingFile.problems[0],
          message: `mapping file ${mappingName} does not exist (name another one with mapping: in product.yaml)`,
        };
  }
  const mapping = checked<Mapping>(mappingFile, MappingSchema);
  const problems = [...product.problems, ...mapping.problems];
  if (mapping.value) {
    onMapping?.(productDir, mapping.value);
    // Each pass checks something the others do not depend on, so all run: every problem at once.
    problems.push(...checkMappingReferences(mapping.value, mappingFile));
    problems.push(...checkValueKinds(mapping.value, mappingFile));
    problems.push(...checkModalities(mapping.value, mappingFile));
    problems.push(...(await checkModalityFiles(productDir, mapping.value, mappingFile)));
    const duckdb = await openDuckDb({ threads: 1 });
    try {
      problems.push(...(await checkSourceFiles(productDir, mapping.value, mappingFile, duckdb.connection)));
      await duckdb.connection.run('SET enable_external_access = false');
      problems.push(...(await checkExpressions(mapping.value, mappingFile, duckdb.connection)));
    } finally {
      closeDuckDb(duckdb);
    }
  }
  const partial = {
    ...(product.value ? { product: product.value } : {}),
    ...(mapping.value ? { mapping: mapping.value } : {}),
  };
  if (hasErrors(problems) || !product.value || !mapping.value) return { problems, partial };
  return {
    partial,
    definition: {
      dir: productDir,
      product: product.value,
      mapping: mapping.value,
      files: { product: productFile, mapping: mappingFile },
    },
    problems,
  };
}

/** A file that is not read because it lies outside the product; its problem is reported where it is named. */
function outsideFile(file: string, problem: Problem): YamlFile {
  return {
    file,
    value: undefined,
    problems: [problem],
    locate: () => undefined,
    sourceText: () => undefined,
  };
}
