import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PatientRows } from './patientRows.ts';
import { mappingYaml, productYaml } from './productFiles.ts';

export interface GeneratedProduct {
  dir: string;
  csvPath: string;
  rows: number;
  bytes: number;
  /** sha256 of data/patients.csv: equal seeds and row counts must give equal digests. */
  sha256: string;
}

/** Rows per write: large enough that write calls are few, small enough to keep memory flat. */
const CHUNK_ROWS = 10_000;

/** Writes product.yaml, mapping.yaml and data/patients.csv into `dir`, streaming the CSV. */
export async function generateProduct(dir: string, rows: number, seed: number): Promise<GeneratedProduct> {
  const productDir = resolve(dir);
  await mkdir(join(productDir, 'data'), { recursive: true });
  await writeFile(join(productDir, 'product.yaml'), productYaml(rows, seed));
  await writeFile(join(productDir, 'mapping.yaml'), mappingYaml());
  const csvPath = join(productDir, 'data', 'patients.csv');
  const out = createWriteStream(csvPath);
  const closed = new Promise<void>((done, fail) => {
    out.on('close', done);
    out.on('error', fail);
  });
  const hash = createHash('sha256');
  let bytes = 0;
  const write = async (text: string) => {
    const chunk = Buffer.from(text, 'utf8');
    hash.update(chunk);
    bytes += chunk.length;
    // Respect back-pressure so the whole file is never buffered in memory.
    if (!out.write(chunk)) await new Promise<void>((drained) => out.once('drain', drained));
  };
  const generator = new PatientRows(seed);
  await write(generator.header());
  for (let done = 0; done < rows; done += CHUNK_ROWS)
    await write(generator.lines(Math.min(CHUNK_ROWS, rows - done)));
  out.end();
  await closed;
  return { dir: productDir, csvPath, rows, bytes, sha256: hash.digest('hex') };
}

// Standalone use: node --import tsx bench/build/generateProduct.ts --dir <dir> [--rows N] [--seed S]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      rows: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '20240601' },
    },
  });
  if (!values.dir) {
    process.stderr.write('usage: generateProduct.ts --dir <dir> [--rows N] [--seed S]\n');
    process.exit(2);
  }
  const product = await generateProduct(values.dir, Number(values.rows), Number(values.seed));
  process.stdout.write(
    `${product.csvPath}: ${product.rows} rows, ${product.bytes} bytes, sha256 ${product.sha256}\n`,
  );
}
