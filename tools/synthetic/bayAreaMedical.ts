import type { GeneratedFiles } from './csv.ts';
import { generateHospital } from './hospital.ts';

/** Bay Area Medical: a younger, leaner population with fewer smokers and 9.5% type 2 diabetes. */
export const generateBayAreaMedical = (): GeneratedFiles =>
  generateHospital({
    seed: 'bay-area-medical/v1',
    patients: 4500,
    idPrefix: 'BAM-',
    femaleShare: 0.49,
    ageBands: [0.4, 0.34, 0.21, 0.05],
    bmiMean: 26.2,
    currentSmoking: 0.08,
    diabetesPrevalence: 0.095,
    baselineHazard: 0.009,
  });
