import { Random } from '../build/prng.ts';
import { BENCH_FEATURE_INDEX, featureId, type ProductShape } from './shape.ts';
import { TextSink } from './textSink.ts';

export interface OmicsFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** Which patients are profiled: `count` distinct indices drawn by a partial Fisher–Yates shuffle, sorted. */
export function pickProfiled(patients: number, count: number, seed: number): number[] {
  const random = new Random(seed);
  const indices = Array.from({ length: patients }, (_, index) => index);
  for (let index = 0; index < count; index++) {
    const other = index + Math.floor(random.uniform() * (patients - index));
    const kept = indices[other] ?? other;
    indices[other] = indices[index] ?? index;
    indices[index] = kept;
  }
  return indices.slice(0, count).sort((a, b) => a - b);
}

const MAX_LOG2 = 16;
/** "0.000" … "16.000": formatting 40 million numbers by lookup instead of toFixed. */
const VALUE_TEXT = Array.from({ length: MAX_LOG2 * 1000 + 1 }, (_, index) => (index / 1000).toFixed(3));

/**
 * expression.tsv, features by entities: a `feature` column, then one column per profiled patient.
 * Each feature has its own level (log2, mostly 4–10) and spread; G01234 sits at 7 ± 1 so that a
 * threshold at 7 keeps about half of the samples. One value in 10,000 is NA.
 */
export async function writeExpression(
  path: string,
  samples: readonly string[],
  shape: ProductShape,
  seed: number,
): Promise<OmicsFile> {
  const random = new Random(seed);
  const sink = new TextSink(path);
  sink.add(`feature\t${samples.join('\t')}\n`);
  const cells: string[] = new Array(samples.length + 1);
  let spare = Number.NaN;
  // Box–Muller with both values used: half the logarithms and square roots of drawing one at a time.
  const standardNormal = () => {
    if (!Number.isNaN(spare)) {
      const value = spare;
      spare = Number.NaN;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - random.uniform()));
    const angle = 2 * Math.PI * random.uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  for (let feature = 0; feature < shape.features; feature++) {
    const fixed = feature === BENCH_FEATURE_INDEX;
    const level = fixed ? 7 : Math.min(13, Math.max(2, 7 + 1.8 * standardNormal()));
    const sd = fixed ? 1 : 0.25 + 1.2 * random.uniform();
    cells[0] = featureId(feature);
    for (let sample = 0; sample < samples.length; sample++) {
      if (random.uniform() < 1e-4) {
        cells[sample + 1] = 'NA';
        continue;
      }
      const value = Math.min(MAX_LOG2, Math.max(0, level + sd * standardNormal()));
      cells[sample + 1] = VALUE_TEXT[Math.round(value * 1000)] ?? 'NA';
    }
    sink.add(`${cells.join('\t')}\n`);
    await sink.flushIfFull();
  }
  const sha256 = await sink.close();
  return { path, bytes: sink.bytes, sha256 };
}

const KNOWN_GENES = [
  'TP53',
  'KRAS',
  'PIK3CA',
  'EGFR',
  'BRAF',
  'PTEN',
  'APC',
  'ARID1A',
  'KMT2D',
  'NF1',
  'ATM',
  'BRCA2',
  'BRCA1',
  'CDKN2A',
  'SMAD4',
  'FBXW7',
  'NRAS',
  'IDH1',
  'CTNNB1',
  'RB1',
] as const;
const CONSEQUENCES = [
  'missense_variant',
  'synonymous_variant',
  'intron_variant',
  'stop_gained',
  'frameshift_variant',
  'splice_region_variant',
] as const;
const BASES = ['A', 'C', 'G', 'T'] as const;
const SITES_PER_GENE = 20;
const CHROMOSOMES = 22;

export function geneName(index: number): string {
  return KNOWN_GENES[index] ?? `GENE${String(index + 1).padStart(4, '0')}`;
}

/**
 * The variants over the profiled samples, sorted by chromosome and position: `sites` biallelic SNVs
 * in genes of 20 consecutive sites, each carried by a log-normal number of samples (mean
 * carrierFraction × samples; 85 % heterozygous) plus a few missing calls. As a multi-sample VCF
 * (INFO GENE and CONSEQUENCE, FORMAT GT) or as a table with one row per carried genotype.
 */
export async function writeVariants(
  path: string,
  samples: readonly string[],
  shape: ProductShape,
  seed: number,
): Promise<OmicsFile & { carried: number }> {
  const random = new Random(seed);
  const sink = new TextSink(path);
  const vcf = shape.variants === 'vcf';
  if (vcf) {
    sink.add(
      [
        '##fileformat=VCFv4.3',
        '##source=plexus-bench-multimodal',
        ...Array.from({ length: CHROMOSOMES }, (_, index) => `##contig=<ID=chr${index + 1}>`),
        '##INFO=<ID=GENE,Number=1,Type=String,Description="Gene symbol">',
        '##INFO=<ID=CONSEQUENCE,Number=1,Type=String,Description="Sequence Ontology consequence">',
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
        `#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${samples.join('\t')}`,
        '',
      ].join('\n'),
    );
  } else {
    sink.add('sample_id,chrom,pos,ref,alt,gene,consequence,genotype\n');
  }
  const genotypes: string[] = new Array(samples.length).fill('0/0');
  const sitesPerChromosome = Math.ceil(shape.sites / CHROMOSOMES);
  const meanCarriers = shape.carrierFraction * samples.length;
  let carried = 0;
  let position = 0;
  for (let site = 0; site < shape.sites; site++) {
    const chromosome = Math.floor(site / sitesPerChromosome) + 1;
    position = site % sitesPerChromosome === 0 ? random.integer(10_000, 100_000) : position;
    position += random.integer(50, 20_000);
    const ref = BASES[random.integer(0, 3)] ?? 'A';
    const alt = BASES[(BASES.indexOf(ref) + random.integer(1, 3)) % 4] ?? 'C';
    const gene = geneName(Math.floor(site / SITES_PER_GENE));
    const consequence = random.weighted(CONSEQUENCES, [45, 25, 15, 5, 5, 5]);
    // Log-normal with sd 1 on the log scale: mean exp(mu + 1/2) = meanCarriers.
    const wanted = Math.round(Math.exp(Math.log(meanCarriers) - 0.5 + random.normal(0, 1)));
    const carriers = Math.min(Math.floor(samples.length / 2), Math.max(1, wanted));
    const touched: number[] = [];
    while (touched.length < carriers) {
      const sample = random.integer(0, samples.length - 1);
      if (genotypes[sample] !== '0/0') continue;
      genotypes[sample] = random.chance(0.85) ? '0/1' : '1/1';
      touched.push(sample);
    }
    const missing = random.integer(0, 3);
    for (let call = 0; call < missing; call++) {
      const sample = random.integer(0, samples.length - 1);
      if (genotypes[sample] !== '0/0') continue;
      genotypes[sample] = './.';
      touched.push(sample);
    }
    const chrom = `chr${chromosome}`;
    if (vcf) {
      sink.add(
        `${chrom}\t${position}\t.\t${ref}\t${alt}\t.\tPASS\tGENE=${gene};CONSEQUENCE=${consequence}\tGT\t${genotypes.join('\t')}\n`,
      );
    } else {
      const site = `${chrom},${position},${ref},${alt},${gene},${consequence}`;
      for (const sample of [...touched].sort((a, b) => a - b)) {
        const genotype = genotypes[sample];
        if (genotype === '0/1' || genotype === '1/1') sink.add(`${samples[sample]},${site},${genotype}\n`);
      }
    }
    carried += carriers;
    for (const sample of touched) genotypes[sample] = '0/0';
    await sink.flushIfFull();
  }
  const sha256 = await sink.close();
  return { path, bytes: sink.bytes, sha256, carried };
}
