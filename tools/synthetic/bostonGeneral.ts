import type { GeneratedFiles } from './csv.ts';
import { generateHospital } from './hospital.ts';

/** Boston General: an older, heavier population with more smokers and 12% type 2 diabetes. */
export const generateBostonGeneral = (): GeneratedFiles =>
  generateHospital({
    seed: 'boston-general/v1',
    patients: 6000,
    idPrefix: 'BGH-',
    femaleShare: 0.53,
    ageBands: [0.3, 0.34, 0.27, 0.09],
    bmiMean: 28.4,
    currentSmoking: 0.15,
    diabetesPrevalence: 0.12,
    baselineHazard: 0.011,
  });
