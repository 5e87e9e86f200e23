import { alleleTexts } from './alleleText.ts';
import { CsvFileWriter } from './CsvFileWriter.ts';
import { openVcfText, readFailure, type VcfText } from './openVcfText.ts';
import { VariantRowWriter } from './VariantRowWriter.ts';
import { VcfHeaderReader } from './VcfHeader.ts';

export { VcfError } from './VcfError.ts';

export interface VcfToCsvOptions {
  /** Path as the user wrote it in the mapping (relative to the product folder), used in error messages instead of the absolute path. */
  displayPath: string;
  /** INFO key holding the gene; default: from ANN (SnpEff) or CSQ (VEP) when declared in the header, else INFO key GENE, else empty. */
  gene?: string;
  /** INFO key holding the consequence; default: from ANN or CSQ, else INFO key CONSEQUENCE, else empty. */
  consequence?: string;
}

export interface VcfToCsvOutcome {
  rows: number;
  samples: string[];
  variantLines: number;
}

export const VARIANT_CSV_HEADER = 'sample,chrom,pos,ref,alt,gene,consequence,genotype,zygosity';

const HASH = 35;

/**
 * Streams a multi-sample VCF (plain or gzip/bgzip) into a CSV with one row per sample and ALT allele
 * it carries, for DuckDB to load as the variants table. Bad input throws a VcfError and leaves no CSV.
 */
export async function vcfToCsv(
  vcfPath: string,
  csvPath: string,
  options: VcfToCsvOptions,
): Promise<VcfToCsvOutcome> {
  const text = await openVcfText(vcfPath, options.displayPath);
  const writer = new CsvFileWriter(csvPath);
  try {
    const outcome = await convert(vcfPath, text, writer, options);
    await writer.commit();
    return outcome;
  } catch (error) {
    text.close();
    await writer.discard();
    throw error;
  }
}

async function convert(
  vcfPath: string,
  text: VcfText,
  writer: CsvFileWriter,
  options: VcfToCsvOptions,
): Promise<VcfToCsvOutcome> {
  const { displayPath } = options;
  const headerReader = new VcfHeaderReader(displayPath);
  const emit = (rows: string) => writer.add(rows);
  let rowWriter: VariantRowWriter | undefined;
  let lineNumber = 0;
  const startRows = (found: string | undefined) => {
    const header = headerReader.finish(lineNumber, found);
    writer.add(`${VARIANT_CSV_HEADER}\n`);
    return new VariantRowWriter(header, emit, displayPath, alleleTexts(header, displayPath, options));
  };
  try {
    for await (const read of text.lines) {
      lineNumber++;
      const line = lineNumber === 1 && read.startsWith('\uFEFF') ? read.slice(1) : read;
      if (line === '') continue;
      if (line.charCodeAt(0) === HASH) {
        // After the #CHROM line this throws: header lines cannot come back once variants have started.
        headerReader.add(line, lineNumber);
        continue;
      }
      rowWriter ??= startRows(line);
      rowWriter.write(line, lineNumber);
      await writer.flushIfFull();
    }
  } catch (error) {
    throw readFailure(error, vcfPath, displayPath, lineNumber);
  }
  lineNumber++;
  rowWriter ??= startRows(undefined);
  return { rows: rowWriter.rows, samples: rowWriter.samples, variantLines: rowWriter.variantLines };
}
