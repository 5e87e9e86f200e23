export { type Description, describe } from './descriptive/describe.ts';
export { quantile, quantileOfSorted } from './descriptive/quantile.ts';
export { quantileOfCounts } from './descriptive/quantileOfCounts.ts';
export { chiSquareCdf, chiSquareSurvival, logChiSquareSurvival } from './distributions/chiSquare.ts';
export { fCdf, fSurvival, logFSurvival } from './distributions/f.ts';
export {
  hypergeometricCdf,
  hypergeometricPmf,
  logHypergeometricPmf,
} from './distributions/hypergeometric.ts';
export { logBeta, regularizedBeta, regularizedBetaComplement } from './distributions/incompleteBeta.ts';
export { logGamma, stirlingError } from './distributions/logGamma.ts';
export { normalCdf, normalQuantile, normalSurvival } from './distributions/normal.ts';
export {
  logRegularizedGammaQ,
  regularizedGammaP,
  regularizedGammaQ,
} from './distributions/regularizedGamma.ts';
export { logTSurvival, tCdf, tDensity, tQuantile, tSurvival } from './distributions/t.ts';
export { wilcoxonRankSumCdf, wilcoxonRankSumSurvival } from './distributions/wilcoxonRankSum.ts';
export { type UmapOptions, type UmapResult, umap } from './embedding/umap.ts';
export { generalizedQuadraticForm } from './linalg/generalizedQuadraticForm.ts';
export { type LdlCholesky, ldlCholesky, ldlInverse, ldlSolve } from './linalg/ldlCholesky.ts';
export { type FixedEffectMetaResult, fixedEffectMeta, type Heterogeneity } from './meta/fixedEffectMeta.ts';
export type { MetaAnalysisOptions, PooledEstimate } from './meta/inverseVariancePool.ts';
export { type LogRankFromRiskTablesOptions, logRankFromRiskTables } from './meta/logRankFromRiskTables.ts';
export {
  type PooledKaplanMeierOptions,
  type PooledKaplanMeierResult,
  pooledKaplanMeier,
} from './meta/pooledKaplanMeier.ts';
export { type Moments, momentsOf, type PooledMoments, pooledMoments } from './meta/pooledMoments.ts';
export { type RandomEffectsMetaResult, randomEffectsMeta } from './meta/randomEffectsMeta.ts';
export { type RiskTable, type RiskTableInput, riskTable } from './meta/riskTable.ts';
export { type RatioScale, toRatioScale } from './meta/toRatioScale.ts';
export { welchFromMoments } from './meta/welchFromMoments.ts';
export {
  type LinearRegressionOptions,
  type LinearRegressionResult,
  type LinearTerm,
  linearRegression,
} from './models/linearRegression.ts';
export {
  type LogisticRegressionOptions,
  type LogisticRegressionResult,
  type LogisticTerm,
  logisticRegression,
} from './models/logisticRegression.ts';
export type { PredictorInput } from './models/modelFrame.ts';
export { type PAdjustMethod, pAdjust } from './multiplicity/pAdjust.ts';
export {
  type HclustMethod,
  type HierarchicalClusteringOptions,
  type HierarchicalClusteringResult,
  hierarchicalClustering,
} from './multivariate/hierarchicalClustering.ts';
export { type KmeansOptions, type KmeansResult, kmeans } from './multivariate/kmeans.ts';
export { mulberry32 } from './multivariate/mulberry32.ts';
export { type PcaOptions, type PcaResult, pca } from './multivariate/pca.ts';
export { type SymmetricEigen, symmetricEigen } from './multivariate/symmetricEigen.ts';
export {
  type Disproportionality,
  type DisproportionalityOptions,
  disproportionality,
} from './pharmacovigilance/disproportionality.ts';
export { evansSignal, type SignalCriteria } from './pharmacovigilance/evansSignal.ts';
export { proportionalReportingRatio } from './pharmacovigilance/proportionalReportingRatio.ts';
export type { RatioIntervalOptions, RatioWithInterval } from './pharmacovigilance/ratioInterval.ts';
export { reportingOddsRatio } from './pharmacovigilance/reportingOddsRatio.ts';
export { checkReportTable, type ReportTable } from './pharmacovigilance/reportTable.ts';
export { type YatesChiSquare, yatesChiSquare } from './pharmacovigilance/yatesChiSquare.ts';
export { type ConcordanceCounts, concordance } from './regression/concordance.ts';
export type { CovariateInput } from './regression/coxDesign.ts';
export type { CoxTies } from './regression/coxPartialLikelihood.ts';
export {
  type CoxPHOptions,
  type CoxPHResult,
  type CoxTerm,
  type CoxTest,
  coxPH,
} from './regression/coxPH.ts';
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
export type { Alternative } from './tests/alternative.ts';
export { type ChiSquareTestOptions, type ChiSquareTestResult, chiSquareTest } from './tests/chiSquareTest.ts';
export { type FisherExactOptions, type FisherExactResult, fisherExact } from './tests/fisherExact.ts';
export { fisherExactRxC } from './tests/fisherExactRxC.ts';
export { type KruskalWallisResult, kruskalWallis } from './tests/kruskalWallis.ts';
export { type OneWayAnovaResult, oneWayAnova } from './tests/oneWayAnova.ts';
export { pairedTTest, studentTTest, type TTestOptions, type TTestResult, welchTTest } from './tests/tTest.ts';
export {
  type WilcoxonRankSumOptions,
  type WilcoxonRankSumResult,
  wilcoxonRankSum,
} from './tests/wilcoxonRankSum.ts';
