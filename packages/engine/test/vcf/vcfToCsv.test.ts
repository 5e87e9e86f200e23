import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VcfError, type VcfToCsvOptions, vcfToCsv } from '../../src/modalities/vcf/vcfToCsv.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/vcf');
const HEADER = 'sample,chrom,pos,ref,alt,gene,consequence,genotype,zygosity';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-vcf-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Converts a fixture (or a file written to the temp dir) and returns the outcome and the CSV lines. */
async function convert(vcfPath: string, options: Partial<VcfToCsvOptions> = {}) {
  const csvPath = join(dir, 'variants.csv');
  const outcome = await vcfToCsv(vcfPath, csvPath, { displayPath: 'data/cohort.vcf', ...options });
  const text = await readFile(csvPath, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return { outcome, lines: text.slice(0, -1).split('\n') };
}

const fixture = (name: string) => join(FIXTURES, name);

async function writeVcf(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const META = [
  '##fileformat=VCFv4.3',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
];
const CHROM_LINE = '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tP1\tP2\tP3';

/** A 3-sample VCF whose variant lines are given as tab-separated strings (lines 5, 6, …). */
function vcfWith(...variants: string[]): string {
  return `${[...META, CHROM_LINE, ...variants].join('\n')}\n`;
}

const GOOD = 'chr1\t100\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\t0/0\t1/1';

/** Runs a conversion that must fail; returns the VcfError after checking no CSV was left behind. */
async function failure(name: string, content: string | Buffer, options: Partial<VcfToCsvOptions> = {}) {
  const vcfPath = await writeVcf(name, content);
  const error = await vcfToCsv(vcfPath, join(dir, 'variants.csv'), {
    displayPath: `data/${name}`,
    ...options,
  }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(VcfError);
  expect((await readdir(dir)).filter((file) => file.startsWith('variants.csv'))).toEqual([]);
  return error as VcfError;
}

const MULTISAMPLE_ROWS = [
  HEADER,
  'P1,chr1,100,A,G,BRCA1,missense_variant,0/1,heterozygous',
  'P2,chr1,100,A,G,BRCA1,missense_variant,1/1,homozygous',
  'P3,chr1,200,C,T,BRCA1,,0|1,heterozygous',
  'P1,chr1,300,G,A,,,1/2,heterozygous',
  'P1,chr1,300,G,T,,,1/2,heterozygous',
  'P2,chr1,300,G,T,,,0/2,heterozygous',
  'P3,chr1,300,G,T,,,2|2,homozygous',
  'P1,chr2,400,T,*,,deletion,0|2,heterozygous',
  'P2,chr2,400,T,<DEL>,,deletion,1|0,heterozygous',
  'P3,chr2,400,T,<DEL>,,deletion,1/.,homozygous',
  'P1,chrX,500,AT,A,,,1,homozygous',
  'P3,chrX,500,AT,A,,,1|1,homozygous',
];

describe('vcfToCsv rows', () => {
  it('writes one row per sample carrying an ALT, skipping hom-ref and missing genotypes', async () => {
    const { outcome, lines } = await convert(fixture('multisample.vcf'));
    expect(lines).toEqual(MULTISAMPLE_ROWS);
    expect(outcome).toEqual({ rows: 12, samples: ['P1', 'P2', 'P3'], variantLines: 5 });
  });

  it('keeps phased genotypes as written and judges zygosity on the alleles', async () => {
    const { lines } = await convert(fixture('multisample.vcf'));
    expect(lines.filter((line) => line.includes('|'))).toEqual([
      'P3,chr1,200,C,T,BRCA1,,0|1,heterozygous',
      'P3,chr1,300,G,T,,,2|2,homozygous',
      'P1,chr2,400,T,*,,deletion,0|2,heterozygous',
      'P2,chr2,400,T,<DEL>,,deletion,1|0,heterozygous',
      'P3,chrX,500,AT,A,,,1|1,homozygous',
    ]);
  });

  it('writes one row per carried ALT of a multi-allelic line, in ALT order', async () => {
    const path = await writeVcf(
      'multi.vcf',
      vcfWith('chr3\t10\t.\tC\tA,G,T\t.\tPASS\t.\tGT:DP\t3/1:5\t2|2:6\t0/3:7', GOOD),
    );
    const { lines } = await convert(path);
    expect(lines).toEqual([
      HEADER,
      'P1,chr3,10,C,A,,,3/1,heterozygous',
      'P1,chr3,10,C,T,,,3/1,heterozygous',
      'P2,chr3,10,C,G,,,2|2,homozygous',
      'P3,chr3,10,C,T,,,0/3,heterozygous',
      'P1,chr1,100,A,G,,,0/1,heterozygous',
      'P3,chr1,100,A,G,,,1/1,homozygous',
    ]);
  });

  it('takes gene and consequence from SnpEff ANN, for the matching allele or else the first', async () => {
    const { lines } = await convert(fixture('ann.vcf'));
    expect(lines).toEqual([
      HEADER,
      'S1,1,1000,C,T,TP53,missense_variant,0/1,heterozygous',
      'S2,1,1000,C,T,TP53,missense_variant,1/2,heterozygous',
      'S2,1,1000,C,G,TP53,stop_gained,1/2,heterozygous',
      'S1,1,2000,A,C,KRAS,intron_variant,1|1,homozygous',
      'S1,1,3000,G,A,,,0/1,heterozygous',
    ]);
  });

  it('takes gene and consequence from VEP CSQ in the field order of its header', async () => {
    const { lines } = await convert(fixture('csq.vcf'));
    expect(lines).toEqual([
      HEADER,
      'S1,7,55000,G,A,EGFR,missense_variant&splice_region_variant,0/1,heterozygous',
      'S2,7,55000,G,C,EGFR,synonymous_variant,0/2,heterozygous',
      // VEP writes CTT>C as "-" and CTT>CT as "T": matched after trimming the shared base
      'S1,7,56000,CTT,C,GENE_D,frameshift_variant,0/1,heterozygous',
      'S2,7,56000,CTT,CT,GENE_T,inframe_deletion,2/2,homozygous',
      'S1,7,57000,A,AG,MET,inframe_insertion,1/1,homozygous',
      // no CSQ entry for C: the first entry
      'S1,7,58000,T,C,MET,intron_variant,0/1,heterozygous',
    ]);
  });

  it('reads the INFO keys the mapping names, per ALT for Number=A, and quotes CSV fields', async () => {
    const { lines, outcome } = await convert(fixture('infokeys.vcf'), {
      gene: 'GENEINFO',
      consequence: 'EFFECT',
    });
    expect(lines).toEqual([
      HEADER,
      '"Smith, J",chr17,43000,A,G,BRCA1:672,missense,0/1,heterozygous',
      '"O""Brien",chr17,43000,A,T,BRCA1:672,stop_gained,2/2,homozygous',
      '"Smith, J",chr17,44000,C,G,"TP53,WRAP53",,1/1,homozygous',
    ]);
    expect(outcome.samples).toEqual(['Smith, J', 'O"Brien']);
  });

  it('prefers ANN over the GENE key when no INFO key is named', async () => {
    const { lines } = await convert(fixture('infokeys.vcf'), { gene: 'GENEINFO' });
    expect(lines.slice(1)).toEqual([
      '"Smith, J",chr17,43000,A,G,BRCA1:672,ann_effect,0/1,heterozygous',
      '"O""Brien",chr17,43000,A,T,BRCA1:672,ann_effect,2/2,homozygous',
      '"Smith, J",chr17,44000,C,G,"TP53,WRAP53",other,1/1,homozygous',
    ]);
  });

  it('reads gzip input, including multi-member (bgzip-style) files', async () => {
    const plain = await readFile(fixture('multisample.vcf'));
    expect((await convert(await writeVcf('one.vcf.gz', gzipSync(plain)))).lines).toEqual(MULTISAMPLE_ROWS);

    const text = plain.toString('utf8');
    const cut = text.indexOf('chr1\t300');
    const members = Buffer.concat([
      gzipSync(text.slice(0, cut)),
      gzipSync(text.slice(cut, cut + 10)),
      gzipSync(text.slice(cut + 10)),
    ]);
    expect((await convert(await writeVcf('members.vcf.bgz', members))).lines).toEqual(MULTISAMPLE_ROWS);
  });

  it('recognises gzip by its content even when the name says .vcf', async () => {
    const plain = await readFile(fixture('multisample.vcf'));
    const path = await writeVcf('packed.vcf', gzipSync(plain));
    expect((await convert(path)).lines).toEqual(MULTISAMPLE_ROWS);
  });

  it('accepts CRLF line endings, a byte-order mark and blank lines', async () => {
    const text = (await readFile(fixture('multisample.vcf'), 'utf8')).replaceAll('\n', '\r\n');
    const path = await writeVcf('windows.vcf', `\uFEFF${text}\r\n`);
    expect((await convert(path)).lines).toEqual(MULTISAMPLE_ROWS);
  });

  it('writes only the CSV header for a VCF without variants', async () => {
    const path = await writeVcf('empty.vcf', vcfWith());
    const { outcome, lines } = await convert(path);
    expect(lines).toEqual([HEADER]);
    expect(outcome).toEqual({ rows: 0, samples: ['P1', 'P2', 'P3'], variantLines: 0 });
  });

  it('streams many lines through the buffered writer', async () => {
    const variants = Array.from(
      { length: 20_000 },
      (_, index) => `chr1\t${index + 1}\t.\tA\tC,G\t.\tPASS\tGENE=G${index}\tGT:DP\t0/1:3\t1|2:4\t0/0:5`,
    );
    const path = await writeVcf('many.vcf', vcfWith(...variants));
    const { outcome, lines } = await convert(path);
    expect(outcome.rows).toBe(60_000);
    expect(lines).toHaveLength(60_001);
    expect(lines.at(-1)).toBe('P2,chr1,20000,A,G,G19999,,1|2,heterozygous');
  });

  it('replaces an earlier CSV only when the conversion succeeds', async () => {
    const csvPath = join(dir, 'variants.csv');
    await writeFile(csvPath, 'old');
    await vcfToCsv(fixture('multisample.vcf'), csvPath, { displayPath: 'cohort.vcf' });
    expect((await readFile(csvPath, 'utf8')).split('\n')[1]).toBe(MULTISAMPLE_ROWS[1]);
  });
});

describe('vcfToCsv errors', () => {
  it('refuses a file without #CHROM line', async () => {
    const error = await failure('bad.vcf', `${META.join('\n')}\n${GOOD}\n`);
    expect(error.message).toContain('data/bad.vcf:4: no #CHROM header line: expected a tab-separated line');
    expect(error.message).toContain('found "chr1\\t100');
    expect(error.file).toBe('data/bad.vcf');
    expect(error.line).toBe(4);

    const empty = await failure('meta-only.vcf', `${META.join('\n')}\n`);
    expect(empty.message).toContain('data/meta-only.vcf:4: no #CHROM header line');
    expect(empty.message).toContain('found the end of the file');
  });

  it('refuses a #CHROM line with wrong columns', async () => {
    const error = await failure('spaces.vcf', `${META.join('\n')}\n#CHROM POS ID REF ALT QUAL FILTER INFO\n`);
    expect(error.message).toContain(
      'data/spaces.vcf:4: malformed #CHROM line: expected a tab-separated line',
    );
    expect(error.message).toContain('found "#CHROM POS ID REF ALT QUAL FILTER INFO" as column 1');
  });

  it('refuses a data line with fewer columns than the header', async () => {
    const error = await failure('short.vcf', vcfWith(GOOD, 'chr1\t200\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\t1/1'));
    expect(error.message).toBe(
      'data/short.vcf:6: too few columns: expected 12 tab-separated columns (8 fixed, FORMAT and 3 samples, as in the #CHROM line), found 11',
    );
  });

  it('refuses a data line with more columns than the header', async () => {
    const error = await failure('long.vcf', vcfWith(`${GOOD}\t0/1`));
    expect(error.message).toContain('data/long.vcf:5: too many columns: expected 12');
    expect(error.message).toContain('found 13');
  });

  it.each([
    ['0', '"0"'],
    ['-5', '"-5"'],
    ['12a', '"12a"'],
    ['', '""'],
  ])('refuses POS %j', async (pos, shown) => {
    const error = await failure(
      'pos.vcf',
      vcfWith(GOOD, `chr1\t${pos}\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\t0/0\t1/1`),
    );
    expect(error.message).toBe(
      `data/pos.vcf:6: POS is not a positive integer: expected a whole number of 1 or more, found ${shown}`,
    );
  });

  it('refuses FORMAT without GT, naming the FORMAT found', async () => {
    const error = await failure(
      'nogt.vcf',
      vcfWith(GOOD, GOOD, 'chr1\t300\t.\tA\tG\t.\tPASS\t.\tDP\t3\t4\t5'),
    );
    expect(error.message).toBe(
      'data/nogt.vcf:7: FORMAT has no GT key: expected GT among the FORMAT keys so that genotypes can be read, found "DP"',
    );
  });

  it('refuses a sample column without a GT value, naming the sample', async () => {
    const empty = await failure(
      'empty-gt.vcf',
      vcfWith('chr1\t100\t.\tA\tG\t.\tPASS\t.\tGT:DP\t0/1:3\t\t1/1:4'),
    );
    expect(empty.message).toContain('data/empty-gt.vcf:5: sample "P2" has no GT value');
    expect(empty.message).toContain('where FORMAT "GT:DP" puts GT, found none');

    const short = await failure(
      'short-gt.vcf',
      vcfWith('chr1\t100\t.\tA\tG\t.\tPASS\t.\tDP:GT\t3:0/1\t4:1/1\t5'),
    );
    expect(short.message).toContain('data/short-gt.vcf:5: sample "P3" has no GT value');
  });

  it('refuses a GT that is not allele indexes', async () => {
    const error = await failure(
      'letters.vcf',
      vcfWith(GOOD, 'chr1\t200\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\tA/G\t0/0'),
    );
    expect(error.message).toBe(
      'data/letters.vcf:6: sample "P2" has an invalid GT: expected allele indexes separated by / or | (such as 0/1 or 1|1), found "A/G"',
    );
  });

  it('refuses a GT allele index beyond the ALT alleles', async () => {
    const error = await failure('beyond.vcf', vcfWith('chr1\t100\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\t0/0\t0/2'));
    expect(error.message).toBe(
      'data/beyond.vcf:5: sample "P3" has GT allele 2 but the line has only 1 ALT allele: expected allele indexes 0 to 1, found GT "0/2"',
    );

    const noAlt = await failure('noalt.vcf', vcfWith('chr1\t100\t.\tA\t.\t.\tPASS\t.\tGT\t0/0\t0/1\t0/0'));
    expect(noAlt.message).toContain(
      'data/noalt.vcf:5: sample "P2" has GT allele 1 but the line has only 0 ALT alleles',
    );
  });

  it('refuses a header line among the variants', async () => {
    const error = await failure('twice.vcf', vcfWith(GOOD, CHROM_LINE, GOOD));
    expect(error.message).toContain(
      'data/twice.vcf:6: header line after the #CHROM line: expected variant lines once the header has ended on line 4',
    );
  });

  it('says so when a .gz file is not gzip', async () => {
    const error = await failure('plain.vcf.gz', vcfWith(GOOD));
    expect(error.message).toBe(
      'data/plain.vcf.gz:1: not a gzip file although its name ends in .gz: expected gzip data starting with bytes 1f 8b, found bytes "##"',
    );
  });

  it('refuses gzip data that is cut short', async () => {
    const packed = gzipSync(vcfWith(...Array.from({ length: 2000 }, () => GOOD)));
    const error = await failure('cut.vcf.gz', packed.subarray(0, packed.length - 100));
    expect(error.message).toMatch(
      /^data\/cut\.vcf\.gz:\d+: the gzip data is corrupt or cut short: expected a complete gzip stream, found zlib error "unexpected end of file"/,
    );
  });

  it('names the missing file by its display path only', async () => {
    const error = await vcfToCsv(join(dir, 'absent.vcf'), join(dir, 'variants.csv'), {
      displayPath: 'data/absent.vcf',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VcfError);
    expect((error as VcfError).message).toMatch(/^data\/absent\.vcf:0: cannot read the file: .*ENOENT/);
    expect((error as VcfError).message).not.toContain(dir);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a CSQ header that does not list its fields', async () => {
    const meta = '##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations">';
    const error = await failure('csq.vcf', `${[META[0], meta, CHROM_LINE, GOOD].join('\n')}\n`);
    expect(error.message).toBe(
      'data/csq.vcf:2: the CSQ header does not list its fields: expected Description="… Format: Allele|Consequence|IMPACT|SYMBOL|…", found "Consequence annotations"',
    );
  });

  it('leaves no partial CSV when the error comes after many rows were written', async () => {
    const variants = Array.from({ length: 30_000 }, () => GOOD);
    const error = await failure(
      'late.vcf',
      vcfWith(...variants, 'chr1\tX\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\t0/0\t1/1'),
    );
    expect(error.line).toBe(30_005);
  });
});
