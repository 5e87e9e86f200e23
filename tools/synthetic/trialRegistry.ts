import { type CsvValue, csv, type GeneratedFiles } from './csv.ts';
import { DRUGS } from './drugs.ts';
import { dayOf, isoDay, Random, round } from './random.ts';

const TRIALS = 1500;
/** The registry's "today": later start dates are planned, later completions not reached. */
const SNAPSHOT_DAY = dayOf('2025-06-30');
const FIRST_START = dayOf('2005-01-01');

/** ICD-10 code → [condition, population of titles, primary outcomes]. */
export const CONDITIONS: Record<string, [string, string, string[]]> = {
  E10: [
    'Type 1 diabetes mellitus',
    'adults with type 1 diabetes',
    ['Change from baseline in HbA1c at week 26', 'Time in range (70–180 mg/dL) at week 12'],
  ],
  E11: [
    'Type 2 diabetes mellitus',
    'adults with type 2 diabetes',
    [
      'Change from baseline in HbA1c at week 26',
      'Change from baseline in HbA1c at week 52',
      'Time to first major adverse cardiovascular event',
    ],
  ],
  E66: [
    'Obesity',
    'adults with obesity',
    ['Percent change in body weight at week 68', 'Proportion with at least 5% weight loss at week 52'],
  ],
  E78: [
    'Hyperlipidaemia',
    'adults with hypercholesterolaemia',
    ['Percent change in LDL cholesterol at week 12', 'Time to first major adverse cardiovascular event'],
  ],
  I10: [
    'Essential (primary) hypertension',
    'adults with hypertension',
    [
      'Change in mean seated systolic blood pressure at week 8',
      'Change in 24-hour ambulatory systolic blood pressure at week 12',
    ],
  ],
  I21: [
    'Acute myocardial infarction',
    'patients after acute myocardial infarction',
    ['Time to cardiovascular death, myocardial infarction or stroke', 'Major bleeding at 12 months'],
  ],
  I25: [
    'Chronic ischaemic heart disease',
    'patients with stable coronary artery disease',
    ['Time to first major adverse cardiovascular event', 'Change in exercise tolerance at week 24'],
  ],
  I26: [
    'Pulmonary embolism',
    'patients with acute pulmonary embolism',
    ['Recurrent venous thromboembolism at 6 months', 'Major or clinically relevant non-major bleeding'],
  ],
  I48: [
    'Atrial fibrillation',
    'patients with non-valvular atrial fibrillation',
    ['Time to stroke or systemic embolism', 'Major bleeding at 12 months'],
  ],
  I50: [
    'Heart failure',
    'patients with chronic heart failure',
    [
      'Time to cardiovascular death or hospitalisation for heart failure',
      'Change in KCCQ clinical summary score at week 12',
    ],
  ],
  I63: [
    'Cerebral infarction',
    'patients after ischaemic stroke',
    ['Recurrent stroke at 90 days', 'Modified Rankin scale at 90 days'],
  ],
  N18: [
    'Chronic kidney disease',
    'adults with chronic kidney disease',
    [
      'Time to sustained 40% decline in eGFR, end-stage kidney disease or renal death',
      'Change in urine albumin-to-creatinine ratio at week 24',
    ],
  ],
  N39: [
    'Urinary tract infection',
    'adults with complicated urinary tract infection',
    ['Clinical cure at test-of-cure visit', 'Microbiological eradication at day 21'],
  ],
  J18: [
    'Pneumonia',
    'adults with community-acquired pneumonia',
    ['Clinical response at day 4', 'All-cause mortality at day 28'],
  ],
  A41: [
    'Sepsis',
    'adults with sepsis',
    ['All-cause mortality at day 28', 'Days alive and free of organ support at day 28'],
  ],
  C16: [
    'Malignant neoplasm of stomach',
    'patients with advanced gastric cancer',
    ['Overall survival', 'Progression-free survival'],
  ],
  C18: [
    'Malignant neoplasm of colon',
    'patients with metastatic colorectal cancer',
    ['Progression-free survival', 'Overall survival'],
  ],
  C34: [
    'Malignant neoplasm of bronchus and lung',
    'patients with non-small cell lung cancer',
    ['Overall survival', 'Progression-free survival', 'Objective response rate (RECIST 1.1)'],
  ],
  C43: [
    'Malignant melanoma of skin',
    'patients with advanced melanoma',
    ['Overall survival', 'Recurrence-free survival', 'Objective response rate (RECIST 1.1)'],
  ],
  C50: [
    'Malignant neoplasm of breast',
    'patients with HER2-positive breast cancer',
    ['Invasive disease-free survival', 'Pathological complete response'],
  ],
  C64: [
    'Malignant neoplasm of kidney',
    'patients with advanced renal cell carcinoma',
    ['Overall survival', 'Progression-free survival'],
  ],
  C67: [
    'Malignant neoplasm of bladder',
    'patients with urothelial carcinoma',
    ['Overall survival', 'Objective response rate (RECIST 1.1)'],
  ],
  C90: [
    'Multiple myeloma',
    'patients with relapsed multiple myeloma',
    ['Progression-free survival', 'Overall response rate'],
  ],
  M05: [
    'Rheumatoid arthritis',
    'adults with rheumatoid arthritis',
    ['ACR20 response at week 24', 'Change in DAS28-CRP at week 12'],
  ],
  K50: [
    "Crohn's disease",
    "adults with moderate to severe Crohn's disease",
    ['Clinical remission (CDAI < 150) at week 52', 'Endoscopic response at week 12'],
  ],
  L40: [
    'Psoriasis',
    'adults with plaque psoriasis',
    ['PASI 75 response at week 16', 'Static PGA of clear or almost clear at week 16'],
  ],
  F20: [
    'Schizophrenia',
    'adults with treatment-resistant schizophrenia',
    ['Change in PANSS total score at week 12', 'Time to relapse'],
  ],
  G40: [
    'Epilepsy',
    'patients with focal epilepsy',
    ['Percent change in seizure frequency over 12 weeks', 'Seizure freedom at 6 months'],
  ],
  F32: [
    'Depressive episode',
    'adults with major depressive disorder',
    ['Change in MADRS total score at week 8', 'Remission (MADRS ≤ 10) at week 8'],
  ],
  F41: [
    'Anxiety disorders',
    'adults with generalised anxiety disorder',
    ['Change in HAM-A total score at week 10'],
  ],
  M10: ['Gout', 'patients with gout', ['Serum urate below 6 mg/dL at month 6', 'Gout flares over 12 months']],
  M17: [
    'Osteoarthritis of knee',
    'adults with knee osteoarthritis',
    ['Change in WOMAC pain score at week 12'],
  ],
  M54: ['Dorsalgia', 'adults with acute low back pain', ['Change in pain intensity (NRS) at day 7']],
};

const PHASES: Array<[string, number, number, number]> = [
  // phase, weight, median enrolment, median months to primary completion
  ['Early Phase 1', 0.03, 24, 14],
  ['Phase 1', 0.17, 40, 18],
  ['Phase 1/2', 0.06, 70, 30],
  ['Phase 2', 0.3, 120, 30],
  ['Phase 2/3', 0.04, 350, 36],
  ['Phase 3', 0.24, 620, 40],
  ['Phase 4', 0.16, 260, 24],
];

const TITLE_VERBS: Record<string, string[]> = {
  'Early Phase 1': ['A Pilot Study of'],
  'Phase 1': ['A First-in-Human Study of', 'A Dose-Escalation Study of', 'Safety and Pharmacokinetics of'],
  'Phase 1/2': ['Safety and Efficacy of', 'A Dose-Finding and Expansion Study of'],
  'Phase 2': ['Efficacy and Safety of', 'A Randomised Dose-Ranging Study of'],
  'Phase 2/3': ['An Adaptive Seamless Study of'],
  'Phase 3': ['Efficacy and Safety of', 'A Randomised, Double-Blind Trial of', 'Outcomes With'],
  'Phase 4': ['Real-World Effectiveness of', 'A Pragmatic Trial of', 'Long-Term Safety of'],
};

const title = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * A clinicaltrials.gov-like registry: trials of the shared drug list in the conditions they are
 * indicated for, with phase-dependent enrolment (log-normal), randomisation and sponsor; status and
 * completion follow from the start date and a phase-dependent duration.
 */
export function generateTrialRegistry(): GeneratedFiles {
  const random = new Random('trial-registry/v1');
  const used = new Set<number>();
  const rows: CsvValue[][] = [];
  for (let at = 0; at < TRIALS; at++) {
    const drug = random.weighted(DRUGS.map((candidate) => [candidate, 2 + candidate.volume] as const));
    const code = random.pick(drug.indications);
    const condition = CONDITIONS[code];
    if (!condition) throw new Error(`${drug.name}: no condition ${code}`);
    const [phase, , medianEnrolment, medianMonths] = random.weighted(
      PHASES.map((entry) => [entry, entry[1]] as const),
    );
    const early = phase.includes('1');
    // Early trials start before approval, phase 4 after it.
    const firstStart = Math.max(
      FIRST_START,
      dayOf(`${drug.since + (phase === 'Phase 4' ? 1 : early ? -5 : -3)}-01-01`),
    );
    const start = random.int(firstStart, SNAPSHOT_DAY + 270);
    const months = Math.max(3, Math.round(random.logNormal(medianMonths, 0.45)));
    const planned = start + Math.round(months * 30.4375);
    const industry = random.chance(phase === 'Phase 4' ? 0.45 : early ? 0.72 : 0.66);
    const sponsor = industry
      ? 'industry'
      : random.weighted<string>([
          ['NIH', 0.16],
          ['other U.S. federal', 0.04],
          ['academic / other', 0.8],
        ]);
    let status: string;
    let completion: number | null = null;
    let enrolment = Math.max(8, Math.round(random.logNormal(medianEnrolment, 0.7)));
    if (start > SNAPSHOT_DAY) status = 'not yet recruiting';
    else if (random.chance(early ? 0.14 : 0.1)) {
      // Stopped early: a third of the way through, with fewer patients.
      status = 'terminated';
      completion = Math.min(SNAPSHOT_DAY, start + Math.round((planned - start) * random.between(0.15, 0.7)));
      enrolment = Math.max(1, Math.round(enrolment * random.between(0.05, 0.6)));
    } else if (random.chance(0.025)) {
      status = 'withdrawn';
      enrolment = 0;
    } else if (planned <= SNAPSHOT_DAY) {
      status = random.chance(0.06) ? 'unknown' : 'completed';
      completion = status === 'completed' ? planned : null;
    } else
      status = random.chance(0.45) && planned - SNAPSHOT_DAY < 400 ? 'active, not recruiting' : 'recruiting';
    const randomised = random.chance(early ? 0.35 : phase === 'Phase 4' ? 0.6 : 0.88);
    const masking = !randomised
      ? 'none (open label)'
      : random.weighted<string>([
          ['none (open label)', 0.3],
          ['single', 0.1],
          ['double', 0.25],
          ['quadruple', 0.35],
        ]);
    const [conditionName, population, outcomes] = condition;
    const name = `${random.pick(TITLE_VERBS[phase] ?? ['A Study of'])} ${title(drug.name)} in ${population}`;
    // NCT numbers rise with the registration date, about 320,000 a year.
    let nct = 100_000 + Math.round(((start - 90 - FIRST_START) / 365.25) * 320_000) + random.int(0, 9999);
    while (used.has(nct)) nct++;
    used.add(nct);
    rows.push([
      `NCT${String(Math.max(1, nct)).padStart(8, '0')}`,
      name,
      phase,
      status,
      isoDay(start),
      completion === null ? null : isoDay(completion),
      status === 'not yet recruiting' || status === 'withdrawn'
        ? null
        : round((Math.min(completion ?? planned, SNAPSHOT_DAY) - start) / 30.4375, 1),
      completion === null ? 0 : 1,
      enrolment,
      status === 'completed' || status === 'terminated' ? 'actual' : 'anticipated',
      sponsor,
      code,
      conditionName,
      drug.name,
      drug.drugClass,
      drug.area,
      randomised ? 'Y' : 'N',
      masking,
      random.pick(outcomes),
    ]);
  }
  rows.sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0));
  return {
    'trials.csv': csv(
      [
        'nct_id',
        'title',
        'phase',
        'status',
        'start_date',
        'primary_completion_date',
        'months_followed',
        'completed',
        'enrolment',
        'enrolment_type',
        'sponsor_type',
        'condition_code',
        'condition_name',
        'intervention',
        'drug_class',
        'therapeutic_area',
        'randomised',
        'masking',
        'primary_outcome',
      ],
      rows,
    ),
  };
}
