// The generator alone: node --import tsx bench/multimodal/generateProduct.ts --dir <dir> [--scale 0.1]
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeClinical } from './clinical.ts';
import { pickProfiled, writeExpression, writeVariants } from './omics.ts';
import { mappingYaml, productYaml } from './productFiles.ts';
import { type ProductShape, patientId } from './shape.ts';

export interface GeneratedFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface GeneratedProduct {
  dir: string;
  shape: ProductShape;
  files: GeneratedFile[];
  /** Events rows written (patients × events per patient). */
  events: number;
  /** Carried genotypes written: the rows the variants table will have. */
  carriedVariants: number;
  /** Ids of the profiled patients, in matrix column order. */
  profiled: string[];
  ms: number;
}

/**
 * Writes product.yaml, mapping.yaml and data/{patients.csv, events.csv, expression.tsv,
 * variants.vcf|variants.csv}. Every file has its own PRNG stream derived from the seed, so the same
 * seed and shape give byte-identical files.
 */
export async function generateProduct(
  dir: string,
  shape: ProductShape,
  seed: number,
  log: (line: string) => void = () => {},
): Promise<GeneratedProduct> {
  const started = performance.now();
  const data = join(dir, 'data');
  await mkdir(data, { recursive: true });
  await writeFile(join(dir, 'product.yaml'), productYaml(shape, seed));
  await writeFile(join(dir, 'mapping.yaml'), mappingYaml(shape));
  const profiled = pickProfiled(shape.patients, shape.profiled, seed + 1).map((index) =>
    patientId(index, shape.patients),
  );
  const lap = (what: string, from: number) =>
    log(`  ${what} (${((performance.now() - from) / 1000).toFixed(1)} s)`);
  let at = performance.now();
  // The three writers are independent; running them together overlaps their file writes.
  const [clinical, expression, variants] = await Promise.all([
    writeClinical(join(data, 'patients.csv'), join(data, 'events.csv'), shape, seed).then((files) => {
      lap('patients.csv, events.csv', at);
      return files;
    }),
    writeExpression(join(data, 'expression.tsv'), profiled, shape, seed + 2).then((file) => {
      lap('expression.tsv', at);
      return file;
    }),
    writeVariants(
      join(data, shape.variants === 'vcf' ? 'variants.vcf' : 'variants.csv'),
      profiled,
      shape,
      seed + 3,
    ).then((file) => {
      lap(shape.variants === 'vcf' ? 'variants.vcf' : 'variants.csv', at);
      return file;
    }),
  ]);
  at = performance.now();
  const name = (path: string) => path.slice(data.length + 1);
  return {
    dir,
    shape,
    files: [clinical.patients, clinical.events, expression, variants].map((file) => ({
      name: name(file.path),
      bytes: file.bytes,
      sha256: file.sha256,
    })),
    events: clinical.events.rows,
    carriedVariants: variants.carried,
    profiled,
    ms: performance.now() - started,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { shapeFor } = await import('./shape.ts');
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '20240601' },
      variants: { type: 'string', default: 'vcf' },
    },
  });
  if (!values.dir)
    throw new Error('usage: generateProduct.ts --dir <dir> [--scale 1] [--seed S] [--variants vcf|table]');
  const product = await generateProduct(
    resolve(values.dir),
    shapeFor(Number(values.scale), values.variants === 'table' ? 'table' : 'vcf'),
    Number(values.seed),
    (line) => process.stderr.write(`${line}\n`),
  );
  for (const file of product.files) process.stdout.write(`${file.name}\t${file.bytes}\t${file.sha256}\n`);
  process.stdout.write(`generated in ${(product.ms / 1000).toFixed(1)} s\n`);
}
