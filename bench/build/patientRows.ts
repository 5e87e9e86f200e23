import { Random } from './prng.ts';

/** Header of data/patients.csv; the mapping in productFiles.ts declares the same columns. */
export const PATIENT_COLUMNS = [
  'patient_id',
  'arm',
  'sex',
  'age',
  'weight',
  'karnofsky',
  'stage',
  'smoker',
  'diagnosis_date',
  'biomarker',
  'ecog',
  'site',
  'time',
  'status',
] as const;

export const STAGES = ['I', 'II', 'III', 'IV'] as const;

export const SITES = [
  'Amsterdam',
  'Barcelona',
  'Berlin',
  'Boston',
  'Copenhagen',
  'Dublin',
  'Geneva',
  'Helsinki',
  'Houston',
  'Lisbon',
  'London',
  'Lyon',
  'Milan',
  'Montreal',
  'Oslo',
  'Paris',
  'Seattle',
  'Stockholm',
  'Toronto',
  'Vienna',
] as const;

const KARNOFSKY = [40, 50, 60, 70, 80, 90, 100] as const;
const DAY_MS = 86_400_000;
const FIRST_DIAGNOSIS = Date.UTC(2005, 0, 1) / DAY_MS;
const LAST_DIAGNOSIS = Date.UTC(2023, 11, 31) / DAY_MS;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Writes CSV lines of synthetic patients. Values follow plausible clinical shapes (skewed biomarker,
 * stage-dependent hazard, some missing values) so that DuckDB does work comparable to real products;
 * every value comes from the seeded stream, so a seed gives the same bytes.
 */
export class PatientRows {
  readonly #random: Random;
  #index = 0;

  constructor(seed: number) {
    this.#random = new Random(seed);
  }

  header(): string {
    return `${PATIENT_COLUMNS.join(',')}\n`;
  }

  /** The next `count` rows as one string (the caller writes it; a chunk keeps write calls few). */
  lines(count: number): string {
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(this.#line());
    return parts.join('');
  }

  #line(): string {
    const r = this.#random;
    this.#index += 1;
    const id = `P${String(this.#index).padStart(7, '0')}`;
    const arm = r.chance(0.5) ? 1 : 2;
    const sex = r.chance(0.47) ? 'F' : 'M';
    const age = Math.round(clamp(r.normal(63, 11), 18, 95));
    const weight = r.chance(0.04) ? 'NA' : clamp(r.normal(sex === 'F' ? 70 : 82, 14), 35, 200).toFixed(1);
    const karnofsky = r.weighted(KARNOFSKY, [2, 4, 8, 14, 20, 30, 22]);
    const stage = r.weighted(STAGES, [20, 25, 30, 25]);
    const smoker = r.chance(0.4) ? 'yes' : 'no';
    const diagnosis = new Date(r.integer(FIRST_DIAGNOSIS, LAST_DIAGNOSIS) * DAY_MS)
      .toISOString()
      .slice(0, 10);
    const biomarker = r.chance(0.02) ? 'NA' : Math.exp(r.normal(1.2, 0.8)).toFixed(3);
    const ecog = Math.round(clamp((100 - karnofsky) / 20 + r.normal(0, 0.5), 0, 4));
    const site = r.weighted(
      SITES,
      SITES.map((_, index) => 1 + (index % 5)),
    );
    // Exponential survival whose hazard grows with stage and poor performance, arm 2 slightly better;
    // administrative censoring at a uniform follow-up, as in a trial that recruits over years.
    const stageIndex = STAGES.indexOf(stage);
    const hazard = (0.0004 * (1 + stageIndex) ** 1.5 * (1 + ecog * 0.3)) / (arm === 2 ? 1.25 : 1);
    const eventTime = -Math.log(1 - r.uniform()) / hazard;
    const followUp = r.integer(30, 3650);
    const status = eventTime <= followUp ? 1 : 0;
    const time = Math.max(1, Math.round(Math.min(eventTime, followUp)));
    return `${id},${arm},${sex},${age},${weight},${karnofsky},${stage},${smoker},${diagnosis},${biomarker},${ecog},${site},${time},${status}\n`;
  }
}
