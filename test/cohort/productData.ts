/**
 * An in-memory data product: what the CSV files of a test product hold, in a shape the naive evaluator
 * can read directly. Values are kept as they are written, so the evaluator never sees the engine's view.
 */

export type TimeUnit = 'days' | 'weeks' | 'months' | 'years';
export type AttributeType = 'integer' | 'number' | 'category' | 'boolean' | 'date';
export type Scalar = string | number | boolean;

export interface AttributeData {
  id: string;
  type: AttributeType;
  /** Declared levels of a category attribute. */
  levels?: string[];
  /** One value per entity, in the order of `ProductData.ids`; dates as YYYY-MM-DD. */
  values: Array<Scalar | null>;
}

export interface EndpointData {
  id: string;
  unit: TimeUnit;
  time: Array<number | null>;
  event: Array<boolean | null>;
}

export interface EventRow {
  entity: string;
  /** Offset in the modality's unit, or YYYY-MM-DD for dated events. */
  time: number | string | null;
  name: string | null;
  code: string | null;
  group: string | null;
  value: number | null;
  text: string | null;
  unit: string | null;
}

export interface EventsData {
  id: string;
  timing: 'offset' | 'date';
  /** Unit of offset times (ignored for dated events). */
  unit: TimeUnit;
  rows: EventRow[];
}

export interface FeatureData {
  id: string;
  /** A name such as a gene symbol; unique within the modality when set. */
  name: string | null;
}

export interface MatrixCell {
  entity: string;
  feature: string;
  value: number;
}

export interface MatrixData {
  id: string;
  features: FeatureData[];
  /** At most one cell per entity × feature; absent cells are not measured. */
  cells: MatrixCell[];
}

export interface VariantRow {
  entity: string;
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  gene: string | null;
  consequence: string | null;
  /** VCF-style genotype with the alternate allele as index 1, e.g. 0/1, 1|1, ./1, 0/0. */
  genotype: string;
}

export interface VariantsData {
  id: string;
  rows: VariantRow[];
}

export interface ProductData {
  /** Entity ids, unique, plain ASCII (so JS order is DuckDB's byte order). */
  ids: string[];
  attributes: AttributeData[];
  endpoints: EndpointData[];
  events: EventsData[];
  matrices: MatrixData[];
  variants: VariantsData[];
}

export const DAYS_PER_UNIT: Record<TimeUnit, number> = {
  days: 1,
  weeks: 7,
  months: 30.4375,
  years: 365.25,
};

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function epochDays(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/** YYYY-MM-DD of a number of days since 1970-01-01. */
export function isoDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}
