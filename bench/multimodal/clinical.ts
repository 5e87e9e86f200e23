import { Random } from '../build/prng.ts';
import { type ProductShape, patientId } from './shape.ts';
import { TextSink } from './textSink.ts';

export const STAGES = ['I', 'II', 'III', 'IV'] as const;
export const DOSE_NAME = 'Study drug';
export const LABS = [
  { name: 'Haemoglobin', unit: 'g/dL', mean: 13, sd: 1.6 },
  { name: 'Neutrophils', unit: '10^9/L', mean: 4.2, sd: 1.3 },
  { name: 'Platelets', unit: '10^9/L', mean: 250, sd: 60 },
  { name: 'ALT', unit: 'U/L', mean: 28, sd: 10 },
  { name: 'Creatinine', unit: 'mg/dL', mean: 0.95, sd: 0.2 },
  { name: 'LDH', unit: 'U/L', mean: 190, sd: 45 },
] as const;
const ADVERSE_EVENTS = [
  'Fatigue',
  'Nausea',
  'Neutropenia',
  'Anaemia',
  'Diarrhoea',
  'Rash',
  'Thrombocytopenia',
  'Peripheral neuropathy',
  'Vomiting',
  'Decreased appetite',
  'Pyrexia',
  'Alopecia',
  'Constipation',
  'Headache',
  'Stomatitis',
  'Febrile neutropenia',
] as const;
const AE_WEIGHTS = [20, 16, 10, 9, 8, 7, 6, 5, 5, 4, 4, 3, 3, 3, 2, 1];
const SEVERITIES = ['MILD', 'MODERATE', 'SEVERE'] as const;
const DOSE_CYCLES = 6;
const CYCLE_DAYS = 21;
const MAX_ADVERSE_EVENTS = 16;

/** 2015-01-01 as days since 1970-01-01; diagnoses fall in the eight years after it. */
const FIRST_DIAGNOSIS_DAY = 16_436;
const DIAGNOSIS_SPAN_DAYS = 8 * 365;

/** YYYY-MM-DD of a day number, cached: events reuse a few thousand distinct days millions of times. */
const dates: string[] = [];
function isoDate(day: number): string {
  const slot = day - FIRST_DIAGNOSIS_DAY + 400;
  let text = dates[slot];
  if (text === undefined) {
    text = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dates[slot] = text;
  }
  return text;
}

export interface ClinicalFiles {
  patients: { path: string; bytes: number; sha256: string };
  events: { path: string; bytes: number; sha256: string; rows: number };
}

/**
 * patients.csv (one row per patient) and events.csv (exactly eventsPerPatient rows per patient:
 * 6 doses every 21 days from the first dose, 0–16 adverse events with a severity after it, and lab
 * results every week around it; neutrophils dip after the first dose in a third of the patients).
 */
export async function writeClinical(
  patientsPath: string,
  eventsPath: string,
  shape: ProductShape,
  seed: number,
): Promise<ClinicalFiles> {
  const random = new Random(seed);
  const patients = new TextSink(patientsPath);
  const events = new TextSink(eventsPath);
  patients.add('patient_id,age,sex,arm,diagnosis_date,stage,ecog\n');
  events.add('patient_id,event_date,category,name,result,unit,severity\n');
  let rows = 0;
  for (let index = 0; index < shape.patients; index++) {
    const id = patientId(index, shape.patients);
    const age = Math.min(90, Math.max(18, Math.round(random.normal(62, 11))));
    const sex = random.chance(0.52) ? 'F' : 'M';
    const arm = random.chance(0.5) ? 'A' : 'B';
    const diagnosis = FIRST_DIAGNOSIS_DAY + random.integer(0, DIAGNOSIS_SPAN_DAYS - 1);
    const stage = random.weighted(STAGES, [20, 30, 30, 20]);
    const ecog = random.weighted([0, 1, 2], [45, 40, 15]);
    patients.add(`${id},${age},${sex},${arm},${isoDate(diagnosis)},${stage},${ecog}\n`);

    const firstDose = diagnosis + random.integer(14, 60);
    const dips = random.chance(0.33);
    const lines: string[] = [];
    for (let cycle = 0; cycle < DOSE_CYCLES; cycle++) {
      lines.push(`${id},${isoDate(firstDose + cycle * CYCLE_DAYS)},dose,${DOSE_NAME},200,mg,\n`);
    }
    const adverse = random.integer(0, MAX_ADVERSE_EVENTS);
    for (let event = 0; event < adverse; event++) {
      const day = firstDose + random.integer(1, 200);
      const term = random.weighted(ADVERSE_EVENTS, AE_WEIGHTS);
      const severity = random.weighted(SEVERITIES, [60, 30, 10]);
      lines.push(`${id},${isoDate(day)},adverse event,${term},,,${severity}\n`);
    }
    const labCount = shape.eventsPerPatient - DOSE_CYCLES - adverse;
    for (let lab = 0; lab < labCount; lab++) {
      const test = LABS[lab % LABS.length] ?? LABS[0];
      const visit = Math.floor(lab / LABS.length);
      const day = firstDose - 21 + visit * 7;
      const sinceDose = day - firstDose;
      let value = random.normal(test.mean, test.sd);
      if (dips && test.name === 'Neutrophils' && sinceDose >= 0 && sinceDose <= 120) value -= 2.6;
      value = Math.max(test.mean / 20, value);
      lines.push(`${id},${isoDate(day)},lab,${test.name},${value.toFixed(2)},${test.unit},\n`);
    }
    events.add(lines.join(''));
    rows += lines.length;
    if (patients.full) await patients.flush();
    if (events.full) await events.flush();
  }
  const patientsSha = await patients.close();
  const eventsSha = await events.close();
  return {
    patients: { path: patientsPath, bytes: patients.bytes, sha256: patientsSha },
    events: { path: eventsPath, bytes: events.bytes, sha256: eventsSha, rows },
  };
}
