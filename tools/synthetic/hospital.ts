import { type CsvValue, csv, type GeneratedFiles } from './csv.ts';
import { byColumns, dayOf, isoDay, logistic, Random, round } from './random.ts';

/** What differs between two hospitals with the same entity model. */
export interface HospitalConfig {
  seed: string;
  patients: number;
  idPrefix: string;
  femaleShare: number;
  /** Weights of the age bands 18–39, 40–59, 60–79, 80–95 (uniform within a band). */
  ageBands: [number, number, number, number];
  /** Mean BMI of a 50-year-old woman. */
  bmiMean: number;
  /** Current smokers among 40-year-olds (falls with age). */
  currentSmoking: number;
  /** Target prevalence of type 2 diabetes; the logistic model's intercept is calibrated to it. */
  diabetesPrevalence: number;
  /** Yearly hazard of a major cardiovascular event or death for the reference patient. */
  baselineHazard: number;
}

/** Follow-up starts at the index date and ends, administratively, at the end date. */
const INDEX_DATE = '2020-01-01';
const END_DATE = '2024-12-31';

export const ICD10 = {
  E11: ['Type 2 diabetes mellitus', 'Endocrine, nutritional and metabolic diseases'],
  E66: ['Obesity', 'Endocrine, nutritional and metabolic diseases'],
  E78: ['Hyperlipidaemia', 'Endocrine, nutritional and metabolic diseases'],
  F17: ['Nicotine dependence', 'Mental and behavioural disorders'],
  I10: ['Essential (primary) hypertension', 'Diseases of the circulatory system'],
  I21: ['Acute myocardial infarction', 'Diseases of the circulatory system'],
  I25: ['Chronic ischaemic heart disease', 'Diseases of the circulatory system'],
  I48: ['Atrial fibrillation and flutter', 'Diseases of the circulatory system'],
  I50: ['Heart failure', 'Diseases of the circulatory system'],
  I63: ['Cerebral infarction', 'Diseases of the circulatory system'],
  J44: ['Chronic obstructive pulmonary disease', 'Diseases of the respiratory system'],
  N18: ['Chronic kidney disease', 'Diseases of the genitourinary system'],
} as const;
type Icd10 = keyof typeof ICD10;

const LABS = {
  hba1c: ['HbA1c', '4548-4', '%'],
  glucose: ['Fasting glucose', '1558-6', 'mg/dL'],
  ldl: ['LDL cholesterol', '13457-7', 'mg/dL'],
  creatinine: ['Creatinine', '2160-0', 'mg/dL'],
} as const;

interface Patient {
  id: string;
  sex: 'female' | 'male';
  age: number;
  bmi: number;
  smoking: 'never' | 'former' | 'current';
  sbp: number;
  diabetesLogit: number;
}

function drawPatient(random: Random, config: HospitalConfig, index: number): Patient {
  const sex = random.chance(config.femaleShare) ? 'female' : 'male';
  const band = random.weighted<[number, number]>([
    [[18, 39], config.ageBands[0]],
    [[40, 59], config.ageBands[1]],
    [[60, 79], config.ageBands[2]],
    [[80, 95], config.ageBands[3]],
  ]);
  const age = random.int(band[0], band[1]);
  // BMI rises into late middle age and falls after 70; men a little higher.
  const ageShape = age < 70 ? 0.06 * (age - 50) : 1.2 - 0.08 * (age - 70);
  const bmi = round(
    random.truncatedNormal(config.bmiMean + ageShape + (sex === 'male' ? 0.6 : 0), 5.2, 16, 58),
    1,
  );
  const current =
    config.currentSmoking * (age < 40 ? 1.1 : 1 - 0.012 * (age - 40)) * (sex === 'male' ? 1.2 : 0.85);
  const former = 0.1 + 0.005 * (age - 18);
  const smoking = random.weighted<Patient['smoking']>([
    ['current', Math.max(0.02, current)],
    ['former', former],
    ['never', Math.max(0.1, 1 - current - former)],
  ]);
  const sbp = Math.round(
    Math.min(
      210,
      Math.max(88, random.normal(112 + 0.42 * (age - 40) + 0.55 * (bmi - 27) + (sex === 'male' ? 4 : 0), 13)),
    ),
  );
  const diabetesLogit =
    0.048 * (age - 50) +
    0.12 * (bmi - 28) +
    (sex === 'male' ? 0.25 : 0) +
    (smoking === 'current' ? 0.2 : 0) +
    random.normal(0, 0.3);
  const id = `${config.idPrefix}${String(index + 1).padStart(6, '0')}`;
  return { id, sex, age, bmi, smoking, sbp, diabetesLogit };
}

/** The intercept that makes the mean probability of diabetes equal the target prevalence (bisection). */
function calibrate(logits: number[], target: number): number {
  let low = -12;
  let high = 4;
  for (let i = 0; i < 60; i++) {
    const middle = (low + high) / 2;
    const mean = logits.reduce((sum, logit) => sum + logistic(middle + logit), 0) / logits.length;
    if (mean < target) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * An EHR-like population: demographics, risk factors and type 2 diabetes at the index date
 * (2020-01-01), prevalent conditions with their diagnosis dates, laboratory results over five years
 * of follow-up, and the time to the first major cardiovascular event (myocardial infarction, stroke)
 * or death, censored at loss to follow-up or at the end of 2024.
 */
export function generateHospital(config: HospitalConfig): GeneratedFiles {
  const random = new Random(config.seed);
  const index = dayOf(INDEX_DATE);
  const end = dayOf(END_DATE);
  const people = Array.from({ length: config.patients }, (_, at) => drawPatient(random, config, at));
  const intercept = calibrate(
    people.map((person) => person.diabetesLogit),
    config.diabetesPrevalence,
  );

  const patientRows: CsvValue[][] = [];
  const conditionRows: CsvValue[][] = [];
  const labRows: CsvValue[][] = [];
  for (const person of people) {
    const male = person.sex === 'male';
    const diabetes = random.chance(logistic(intercept + person.diabetesLogit));
    // Diagnosed in adulthood, up to 15 years before the index date.
    const yearsWithDiabetes = diabetes
      ? random.between(0.1, Math.max(0.5, Math.min(15, person.age - 20)))
      : 0;
    const diagnosis = diabetes ? index - Math.round(yearsWithDiabetes * 365.25) : null;
    const hypertension = random.chance(
      logistic(-0.9 + 0.045 * (person.age - 55) + 0.075 * (person.sbp - 132) + (diabetes ? 0.6 : 0)),
    );
    const lipids = random.chance(logistic(-1.2 + 0.045 * (person.age - 50) + (diabetes ? 0.8 : 0)));
    const ckd = random.chance(
      logistic(-3.7 + 0.065 * (person.age - 60) + (diabetes ? 1.0 : 0) + (hypertension ? 0.5 : 0)),
    );
    const chd = random.chance(
      logistic(-3.4 + 0.07 * (person.age - 60) + (male ? 0.6 : 0) + (diabetes ? 0.5 : 0)),
    );
    const af = random.chance(logistic(-4.3 + 0.08 * (person.age - 60) + (male ? 0.3 : 0)));
    const heartFailure = random.chance(
      logistic(-4.6 + 0.07 * (person.age - 60) + (diabetes ? 0.6 : 0) + (chd ? 1.0 : 0)),
    );
    const copd = random.chance(
      logistic(
        -5 +
          0.05 * (person.age - 40) +
          (person.smoking === 'current' ? 2.2 : person.smoking === 'former' ? 1.4 : 0),
      ),
    );

    // The first major cardiovascular event or death: exponential with a proportional-hazards model.
    const hazard =
      config.baselineHazard *
      Math.exp(
        0.068 * (person.age - 60) +
          (diabetes ? 0.55 : 0) +
          (person.smoking === 'current' ? 0.5 : person.smoking === 'former' ? 0.15 : 0) +
          0.011 * (person.sbp - 130) +
          (male ? 0.3 : 0) +
          (ckd ? 0.5 : 0) +
          (heartFailure ? 0.7 : 0),
      );
    const eventDays = Math.ceil(random.exponential(hazard) * 365.25);
    const lostDays = Math.ceil(random.exponential(0.04) * 365.25);
    const adminDays = end - index + 1;
    const observed = Math.min(eventDays, lostDays, adminDays);
    const event = eventDays === observed;
    const kind = event
      ? random.weighted<string>([
          ['myocardial infarction', 0.3],
          ['stroke', 0.25],
          ['death', 0.45],
        ])
      : 'none';

    patientRows.push([
      person.id,
      person.sex === 'female' ? 'F' : 'M',
      person.age,
      person.bmi,
      person.smoking,
      person.sbp,
      diabetes ? 'Y' : 'N',
      diagnosis === null ? null : isoDay(diagnosis),
      hypertension ? 'Y' : 'N',
      observed,
      event ? 1 : 0,
      kind,
    ]);

    // Conditions: prevalent ones dated before the index date, events of follow-up at their date.
    const condition = (code: Icd10, day: number) => {
      conditionRows.push([person.id, isoDay(day), code]);
    };
    const before = (maxYears: number) => index - random.int(30, Math.round(maxYears * 365.25));
    if (diagnosis !== null) condition('E11', diagnosis);
    if (hypertension) condition('I10', before(12));
    if (lipids) condition('E78', before(10));
    if (ckd) condition('N18', before(6));
    if (chd) condition('I25', before(8));
    if (af) condition('I48', before(6));
    if (heartFailure) condition('I50', before(5));
    if (copd) condition('J44', before(8));
    if (person.bmi >= 30 && random.chance(0.55)) condition('E66', before(8));
    if (person.smoking === 'current' && random.chance(0.6)) condition('F17', before(10));
    if (kind === 'myocardial infarction') condition('I21', index + observed);
    if (kind === 'stroke') condition('I63', index + observed);

    // Laboratory results: a personal level per test, measured at visits during follow-up.
    const hba1cLevel = diabetes
      ? random.truncatedNormal(7.3 + 0.02 * (person.bmi - 30), 1.15, 5.8, 12.5)
      : random.truncatedNormal(5.35 + 0.012 * (person.bmi - 27) + 0.004 * (person.age - 50), 0.32, 4.3, 6.4);
    const ldlLevel = random.truncatedNormal(
      122 + 0.2 * (person.age - 50) - (diabetes ? 18 : 0) - (lipids ? 8 : 0),
      30,
      40,
      260,
    );
    const creatinineLevel =
      (male ? 0.95 : 0.76) * Math.exp(0.004 * (person.age - 50) + random.normal(0, 0.12)) + (ckd ? 0.6 : 0);
    const visits = 1 + random.poisson(diabetes ? 2.5 : 1.3);
    const lastDay = Math.max(30, observed);
    for (let visit = 0; visit < visits; visit++) {
      const day = index + random.int(0, lastDay - 1);
      const date = isoDay(day);
      const lab = (test: keyof typeof LABS, value: number) => {
        labRows.push([person.id, date, LABS[test][1], value]);
      };
      const hba1c = Math.max(4, hba1cLevel + random.normal(0, diabetes ? 0.45 : 0.15));
      if (random.chance(diabetes ? 0.95 : 0.35)) lab('hba1c', round(hba1c, 1));
      if (random.chance(diabetes ? 0.7 : 0.5))
        lab('glucose', Math.round(Math.max(60, 28.7 * hba1c - 46.7 + random.normal(0, 12))));
      if (random.chance(0.55)) lab('ldl', Math.round(Math.max(30, ldlLevel + random.normal(0, 12))));
      if (random.chance(0.8))
        lab('creatinine', round(Math.max(0.3, creatinineLevel * Math.exp(random.normal(0, 0.07))), 2));
    }
  }
  conditionRows.sort(byColumns(3));
  labRows.sort(byColumns(3));
  return {
    'patients.csv': csv(
      [
        'patient_id',
        'sex',
        'age',
        'bmi',
        'smoking',
        'systolic_bp',
        'diabetes',
        'diabetes_diagnosis_date',
        'hypertension',
        'mace_days',
        'mace_event',
        'first_event',
      ],
      patientRows,
    ),
    'conditions.csv': csv(['patient_id', 'date', 'code'], conditionRows),
    'icd10.csv': csv(
      ['code', 'name', 'chapter'],
      Object.entries(ICD10).map(([code, [name, chapter]]) => [code, name, chapter]),
    ),
    'labs.csv': csv(['patient_id', 'date', 'loinc', 'value'], labRows),
    'loinc.csv': csv(
      ['loinc', 'test', 'unit'],
      Object.values(LABS).map(([name, loinc, unit]) => [loinc, name, unit]),
    ),
  };
}
