import { type CsvValue, csv, type GeneratedFiles } from './csv.ts';
import { DRUGS, REACTION_ICD10, REACTIONS } from './drugs.ts';
import { byColumns, dayOf, isoDay, Random } from './random.ts';

const REPORTS = 20_000;
const FIRST_DAY = dayOf('2015-01-01');
const LAST_DAY = dayOf('2024-12-31');

const COUNTRIES: Array<[string, number]> = [
  ['US', 62],
  ['JP', 6],
  ['GB', 6],
  ['DE', 4],
  ['FR', 4],
  ['CA', 4],
  ['IT', 3],
  ['BR', 3],
  ['ES', 2],
  ['AU', 2],
  ['NL', 1.5],
  ['CN', 1.5],
  ['IN', 1],
];
const REPORTERS: Array<[string, number]> = [
  ['consumer', 45],
  ['physician', 28],
  ['pharmacist', 12],
  ['other health professional', 15],
];
const MEAN_AGE: Record<string, number> = {
  diabetes: 61,
  cardiovascular: 69,
  oncology: 64,
  'anti-infective': 54,
  immunology: 49,
  neuroscience: 41,
  'pain and other': 52,
};

/**
 * A FAERS-like database of spontaneous reports: one suspect drug per report, one to several
 * reactions (MedDRA-like preferred terms) drawn from a background distribution multiplied, for
 * known drug–reaction pairs, by the drug's factor, so that disproportionality analyses find signals.
 * Seriousness and the outcome follow from the reactions.
 */
export function generateAdverseEventReports(): GeneratedFiles {
  const random = new Random('adverse-event-reports/v1');
  const known = new Set(REACTIONS.map(([term]) => term));
  for (const drug of DRUGS)
    for (const term of Object.keys(drug.reactions))
      if (!known.has(term)) throw new Error(`${drug.name}: unknown reaction ${term}`);
  for (const term of Object.keys(REACTION_ICD10))
    if (!known.has(term)) throw new Error(`REACTION_ICD10: unknown reaction ${term}`);
  const reports: Array<{ day: number; row: CsvValue[]; reactions: CsvValue[][] }> = [];
  for (let at = 0; at < REPORTS; at++) {
    // Report volume grows by 8% a year, and a drug has no reports before it is marketed.
    let day = 0;
    let drug = DRUGS[0];
    for (;;) {
      day = random.int(FIRST_DAY, LAST_DAY);
      const year = Number(isoDay(day).slice(0, 4));
      if (!random.chance(1.08 ** (year - 2024))) continue;
      const candidates = DRUGS.filter((candidate) => candidate.since <= year);
      drug = random.weighted(candidates.map((candidate) => [candidate, candidate.volume] as const));
      break;
    }
    if (!drug) throw new Error('no drug');
    const female = random.chance(
      drug.area === 'oncology' ? 0.5 : drug.area === 'cardiovascular' ? 0.47 : 0.58,
    );
    const sex = random.chance(0.08) ? null : female ? 'female' : 'male';
    const age = random.chance(0.16)
      ? null
      : Math.round(random.truncatedNormal(MEAN_AGE[drug.area] ?? 55, 15, 18, 99));
    const weights = REACTIONS.map(
      ([term, , weight]) => [term, weight * (drug.reactions[term] ?? 1)] as [string, number],
    );
    const count = Math.min(6, 1 + random.poisson(0.9));
    const terms = new Set<string>();
    while (terms.size < count) terms.add(random.weighted(weights));
    let serious = false;
    let death = false;
    let lifeThreatening = false;
    for (const term of terms) {
      const [, , , pSerious, pDeath] = REACTIONS.find(([name]) => name === term) ?? [];
      if (random.chance(pSerious ?? 0)) {
        serious = true;
        // Older patients die more often of a serious reaction.
        if (random.chance((pDeath ?? 0) * (age !== null && age >= 75 ? 2 : 1))) death = true;
        else if (random.chance(0.15)) lifeThreatening = true;
      }
    }
    const outcome = death
      ? 'death'
      : lifeThreatening
        ? 'life-threatening'
        : serious
          ? random.weighted<string>([
              ['hospitalisation', 0.7],
              ['disability', 0.06],
              ['other serious', 0.24],
            ])
          : 'non-serious';
    const reactions = [...terms].map((term) => {
      // Onset a few days to a few months before the report.
      return [isoDay(day - Math.round(random.exponential(1 / 20))), term];
    });
    reports.push({
      day,
      row: [
        isoDay(day),
        age,
        sex === null ? null : sex === 'female' ? 'F' : 'M',
        random.weighted(COUNTRIES),
        random.weighted(REPORTERS),
        drug.name,
        serious ? 'Y' : 'N',
        outcome,
      ],
      reactions,
    });
  }
  // Report ids follow the date of receipt.
  const order = reports.map((report, at) => ({ report, at }));
  order.sort((a, b) => a.report.day - b.report.day || a.at - b.at);
  const reportRows: CsvValue[][] = [];
  const reactionRows: CsvValue[][] = [];
  order.forEach(({ report }, at) => {
    const id = `FR-${String(at + 1).padStart(7, '0')}`;
    reportRows.push([id, ...report.row]);
    for (const reaction of report.reactions.sort(byColumns(2))) reactionRows.push([id, ...reaction]);
  });
  return {
    'reports.csv': csv(
      ['report_id', 'report_date', 'age', 'sex', 'country', 'reporter', 'suspect_drug', 'serious', 'outcome'],
      reportRows,
    ),
    'reactions.csv': csv(['report_id', 'onset_date', 'preferred_term'], reactionRows),
    'drugs.csv': csv(
      ['drug', 'drug_class', 'therapeutic_area'],
      DRUGS.map((drug) => [drug.name, drug.drugClass, drug.area]),
    ),
    'meddra.csv': csv(
      ['preferred_term', 'system_organ_class', 'icd10_code'],
      REACTIONS.map(([term, soc]) => [term, soc, REACTION_ICD10[term] ?? null]),
    ),
  };
}
