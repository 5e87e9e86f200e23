import type { Variant } from '@gmod/vcf';
import { shown, VcfError } from './VcfError.ts';
import type { VcfHeader } from './VcfHeader.ts';

/** Reads one text (a gene, a consequence) for the ALT allele `altIndex` (1-based, as in GT) of a line. */
export type AlleleText = (variant: Variant, altIndex: number) => string;

const NOTHING: AlleleText = () => '';

/** SnpEff's ANN layout is fixed by its spec: Allele|Annotation|Annotation_Impact|Gene_Name|… */
const ANN_ANNOTATION = 1;
const ANN_GENE_NAME = 3;

/**
 * Where the gene and the consequence of an allele come from: an INFO key the mapping names, else the
 * SnpEff (ANN) or VEP (CSQ) annotation the header declares, else the INFO key GENE / CONSEQUENCE.
 */
export function alleleTexts(
  header: VcfHeader,
  displayPath: string,
  options: { gene?: string | undefined; consequence?: string | undefined },
): { gene: AlleleText; consequence: AlleleText } {
  const pick = (key: string | undefined, annField: number, csqField: string, fallbackKey: string) => {
    if (key) return infoKeyText(header, key);
    if (header.infoLines.has('ANN')) return annText(annField);
    if (header.infoLines.has('CSQ')) return csqText(header, displayPath, csqField);
    return infoKeyText(header, fallbackKey);
  };
  return {
    gene: pick(options.gene, ANN_GENE_NAME, 'SYMBOL', 'GENE'),
    consequence: pick(options.consequence, ANN_ANNOTATION, 'Consequence', 'CONSEQUENCE'),
  };
}

/** The value of an INFO key; for Number=A (or R) keys only the entry of the allele. */
function infoKeyText(header: VcfHeader, key: string): AlleleText {
  const number = header.parser.getMetadata('INFO', key, 'Number');
  const offset = number === 'A' ? -1 : number === 'R' ? 0 : undefined;
  return (variant, altIndex) => {
    const value = variant.INFO[key];
    if (!Array.isArray(value)) return '';
    if (offset !== undefined) return text(value[altIndex + offset]);
    return value.map(text).join(',');
  };
}

function annText(field: number): AlleleText {
  return (variant, altIndex) => {
    const alt = variant.ALT?.[altIndex - 1] ?? '';
    const entries = variant.INFO.ANN;
    if (!Array.isArray(entries)) return '';
    const prefix = `${alt}|`;
    const entry = entries.find((candidate) => text(candidate).startsWith(prefix)) ?? entries[0];
    return text(entry).split('|')[field] ?? '';
  };
}

function csqText(header: VcfHeader, displayPath: string, name: string): AlleleText {
  const order = csqFieldOrder(header, displayPath);
  const field = order.indexOf(name);
  if (field < 0) return NOTHING;
  const alleleField = order.indexOf('Allele');
  return (variant, altIndex) => {
    const entries = variant.INFO.CSQ;
    if (!Array.isArray(entries)) return '';
    const split = entries.map((entry) => text(entry).split('|'));
    let chosen: string[] | undefined;
    if (alleleField >= 0) {
      const alt = variant.ALT?.[altIndex - 1] ?? '';
      const trimmed = vepAllele(variant.REF ?? '', variant.ALT ?? [], altIndex);
      chosen =
        split.find((fields) => fields[alleleField] === alt) ??
        split.find((fields) => fields[alleleField] === trimmed);
    }
    return (chosen ?? split[0])?.[field] ?? '';
  };
}

/** The field names VEP lists after `Format:` in the Description of `##INFO=<ID=CSQ,…>`. */
function csqFieldOrder(header: VcfHeader, displayPath: string): string[] {
  const description = header.parser.getMetadata('INFO', 'CSQ', 'Description');
  const format = typeof description === 'string' ? /Format:\s*(\S.*)$/.exec(description)?.[1] : undefined;
  if (format === undefined)
    throw new VcfError(
      displayPath,
      header.infoLines.get('CSQ') ?? 1,
      `the CSQ header does not list its fields: expected Description="… Format: Allele|Consequence|IMPACT|SYMBOL|…", found ${shown(String(description ?? ''))}`,
    );
  return format.split('|').map((name) => name.trim());
}

/**
 * The allele as VEP writes it in CSQ: when REF and every ALT share their first base VEP drops it,
 * and an allele left empty becomes `-`.
 */
function vepAllele(ref: string, alts: string[], altIndex: number): string {
  const alt = alts[altIndex - 1] ?? '';
  const first = ref[0];
  if (first === undefined || alts.some((candidate) => candidate[0] !== first)) return alt;
  return alt.slice(1) || '-';
}

function text(value: string | number | undefined): string {
  return value === undefined ? '' : String(value);
}
