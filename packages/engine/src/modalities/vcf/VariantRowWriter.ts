import type { Variant } from '@gmod/vcf';
import type { AlleleText } from './alleleText.ts';
import { csvField } from './csvField.ts';
import { MISSING_ALLELE, scanGenotype } from './scanGenotype.ts';
import { shown, VcfError } from './VcfError.ts';
import type { VcfHeader } from './VcfHeader.ts';

const FIXED_COLUMNS = 8;
const POSITIVE_INTEGER = /^[1-9][0-9]*$/;

/**
 * Turns VCF data lines into CSV rows, one per sample and ALT allele the sample carries. Runs once per
 * sample per variant, so the genotypes are read from offsets into the line, without splitting it.
 */
export class VariantRowWriter {
  rows = 0;
  variantLines = 0;
  readonly samples: string[];

  private readonly samplePrefixes: string[];
  private readonly alleles: number[] = [];
  private lastFormat: string | undefined;
  private lastFormatHasGt = false;

  // State of the line being converted, read by the genotype callback.
  private lineNumber = 0;
  private variant: Variant | undefined;
  private altCount = 0;
  private siteFields = '';
  private alleleFields: (string | undefined)[] = [];

  constructor(
    private readonly header: VcfHeader,
    private readonly emit: (text: string) => void,
    private readonly displayPath: string,
    private readonly texts: { gene: AlleleText; consequence: AlleleText },
  ) {
    this.samples = header.samples;
    this.samplePrefixes = header.samples.map((sample) => `${csvField(sample)},`);
  }

  write(line: string, lineNumber: number): void {
    this.variantLines++;
    this.lineNumber = lineNumber;
    let columns = 1;
    let fixedEnd = line.length;
    for (let tab = line.indexOf('\t'); tab !== -1; tab = line.indexOf('\t', tab + 1)) {
      if (columns === FIXED_COLUMNS + 1) fixedEnd = tab;
      columns++;
    }
    if (columns !== this.header.columns) this.failColumns(columns);
    const [chrom = '', pos = '', , ref = '', , , , , format = ''] = line.slice(0, fixedEnd).split('\t');
    if (!POSITIVE_INTEGER.test(pos))
      this.fail(`POS is not a positive integer: expected a whole number of 1 or more, found ${shown(pos)}`);
    if (this.header.samples.length === 0) return;
    if (format !== this.lastFormat) {
      this.lastFormat = format;
      this.lastFormatHasGt = format.split(':').includes('GT');
    }
    if (!this.lastFormatHasGt)
      this.fail(
        `FORMAT has no GT key: expected GT among the FORMAT keys so that genotypes can be read, found ${shown(format)}`,
      );
    const variant = this.parse(line);
    this.variant = variant;
    this.altCount = variant.ALT?.length ?? 0;
    this.siteFields = `${csvField(chrom)},${pos},${csvField(ref)},`;
    this.alleleFields.length = 0;
    variant.processGenotypes(this.onGenotype);
  }

  private parse(line: string): Variant {
    try {
      return this.header.parser.parseLine(line);
    } catch (error) {
      return this.fail(
        `unreadable variant line: expected a VCF data line, found ${(error as Error).message}`,
      );
    }
  }

  private readonly onGenotype = (text: string, start: number, end: number, sampleIndex: number): void => {
    const alleles = this.alleles;
    const count = scanGenotype(text, start, end, alleles);
    if (count < 0) this.failGenotype(text.slice(start, end), sampleIndex);
    let carried = false;
    for (let index = 0; index < count; index++) {
      const allele = alleles[index]!;
      if (allele > this.altCount) this.failAllele(allele, text.slice(start, end), sampleIndex);
      if (allele > 0) carried = true;
    }
    if (!carried) return;
    const genotype = text.slice(start, end);
    // One row per distinct ALT carried, in ALT order, whatever order the GT lists them in.
    for (let previous = 0; ; ) {
      let next = Number.POSITIVE_INFINITY;
      let homozygous = true;
      for (let index = 0; index < count; index++) {
        const allele = alleles[index]!;
        if (allele > previous && allele < next) next = allele;
      }
      if (next === Number.POSITIVE_INFINITY) return;
      for (let index = 0; index < count; index++) {
        const allele = alleles[index]!;
        if (allele !== MISSING_ALLELE && allele !== next) homozygous = false;
      }
      this.emit(
        `${this.samplePrefixes[sampleIndex]}${this.siteFields}${this.alleleText(next)},${genotype},${homozygous ? 'homozygous' : 'heterozygous'}\n`,
      );
      this.rows++;
      previous = next;
    }
  };

  /** `alt,gene,consequence` for one ALT, worked out once per line however many samples carry it. */
  private alleleText(altIndex: number): string {
    const cached = this.alleleFields[altIndex];
    if (cached !== undefined) return cached;
    const variant = this.variant!;
    const alt = variant.ALT?.[altIndex - 1] ?? '';
    const fields = `${csvField(alt)},${csvField(this.texts.gene(variant, altIndex))},${csvField(this.texts.consequence(variant, altIndex))}`;
    this.alleleFields[altIndex] = fields;
    return fields;
  }

  private sampleName(sampleIndex: number): string {
    return shown(this.header.samples[sampleIndex] ?? '');
  }

  private failGenotype(genotype: string, sampleIndex: number): never {
    if (genotype === '')
      this.fail(
        `sample ${this.sampleName(sampleIndex)} has no GT value: expected a genotype such as 0/1 where FORMAT ${shown(this.lastFormat ?? '')} puts GT, found none`,
      );
    this.fail(
      `sample ${this.sampleName(sampleIndex)} has an invalid GT: expected allele indexes separated by / or | (such as 0/1 or 1|1), found ${shown(genotype)}`,
    );
  }

  private failAllele(allele: number, genotype: string, sampleIndex: number): never {
    const alts = `${this.altCount} ALT allele${this.altCount === 1 ? '' : 's'}`;
    this.fail(
      `sample ${this.sampleName(sampleIndex)} has GT allele ${allele} but the line has only ${alts}: expected allele indexes 0 to ${this.altCount}, found GT ${shown(genotype)}`,
    );
  }

  private failColumns(found: number): never {
    const expected = this.header.columns;
    const samples = this.header.samples.length;
    const layout =
      expected > FIXED_COLUMNS
        ? `8 fixed, FORMAT and ${samples} sample${samples === 1 ? '' : 's'}, as in the #CHROM line`
        : '8 fixed, as in the #CHROM line';
    this.fail(
      `too ${found < expected ? 'few' : 'many'} columns: expected ${expected} tab-separated columns (${layout}), found ${found}`,
    );
  }

  private fail(problem: string): never {
    throw new VcfError(this.displayPath, this.lineNumber, problem);
  }
}
