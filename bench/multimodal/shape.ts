/** How big the generated product is; everything but the feature and site counts scales with `scale`. */
export interface ProductShape {
  patients: number;
  /** Events per patient: exactly this many, so the events table has patients × eventsPerPatient rows. */
  eventsPerPatient: number;
  /** Patients with an expression profile and a VCF column. */
  profiled: number;
  features: number;
  /** VCF lines; each is carried by ≈ carrierFraction of the profiled samples. */
  sites: number;
  carrierFraction: number;
  variants: 'vcf' | 'table';
}

export const FULL = {
  patients: 100_000,
  eventsPerPatient: 100,
  profiled: 2_000,
  features: 20_000,
  sites: 20_000,
  // 20,000 sites × 2,000 samples × 2.5 % ≈ 1,000,000 carried genotypes (rows of the variants table).
  carrierFraction: 0.025,
} as const;

/**
 * At scale s: s × 100,000 patients, s × 10,000,000 events, s × 2,000 profiled samples; the 20,000
 * features and 20,000 variant sites stay, so matrix cells and variant rows shrink linearly too.
 */
export function shapeFor(scale: number, variants: 'vcf' | 'table'): ProductShape {
  const patients = Math.max(100, Math.round(FULL.patients * scale));
  return {
    patients,
    eventsPerPatient: FULL.eventsPerPatient,
    profiled: Math.min(patients, Math.max(20, Math.round(FULL.profiled * scale))),
    features: FULL.features,
    sites: FULL.sites,
    carrierFraction: FULL.carrierFraction,
    variants,
  };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** P000001…: six digits up to 999,999 patients, more beyond. */
export function patientId(index: number, patients: number): string {
  return `P${pad(index + 1, Math.max(6, String(patients).length))}`;
}

/** G00001…G20000. */
export function featureId(index: number): string {
  return `G${pad(index + 1, 5)}`;
}

/** The feature the cohort and the fixed fetch use: G01234, whose values are centred at 7 with sd 1. */
export const BENCH_FEATURE_INDEX = 1233;
export const BENCH_FEATURE = featureId(BENCH_FEATURE_INDEX);
