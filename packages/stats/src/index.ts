export { type Description, describe } from './descriptive/describe.ts';
export { quantile, quantileOfSorted } from './descriptive/quantile.ts';
export { quantileOfCounts } from './descriptive/quantileOfCounts.ts';
export { chiSquareCdf, chiSquareSurvival, logChiSquareSurvival } from './distributions/chiSquare.ts';
export { logGamma, stirlingError } from './distributions/logGamma.ts';
export { normalCdf, normalQuantile, normalSurvival } from './distributions/normal.ts';
export {
  logRegularizedGammaQ,
  regularizedGammaP,
  regularizedGammaQ,
} from './distributions/regularizedGamma.ts';
export { generalizedQuadraticForm } from './linalg/generalizedQuadraticForm.ts';
export { StatsInputError } from './StatsInputError.ts';
export type { ConfType } from './survival/confidenceLimits.ts';
export {
  type KaplanMeierOptions,
  type KaplanMeierResult,
  type KaplanMeierStratum,
  kaplanMeier,
} from './survival/kaplanMeier.ts';
export type { KaplanMeierCurve } from './survival/kaplanMeierCurve.ts';
export { type LogRankOptions, type LogRankResult, logRank } from './survival/logRank.ts';
export { mergeNearTies } from './survival/mergeNearTies.ts';
export type { EventInput, LabelInput } from './survival/survivalInput.ts';
export type { SurvivalMedian } from './survival/survivalMedian.ts';
