export * from './descriptive/cohortSummary.ts';
export * from './survival/kaplanMeierByGroup.ts';
export * from './survival/survivalByBiomarker.ts';
