export * from './comparison/compareGroups.ts';
export * from './descriptive/cohortSummary.ts';
export * from './regression/coxRegression.ts';
export * from './survival/kaplanMeierByGroup.ts';
export * from './survival/survivalByBiomarker.ts';
