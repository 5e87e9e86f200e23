export * from './ContractChange.ts';
export * from './checkVersionBumps.ts';
export * from './diffContracts.ts';
export * from './diffParameter.ts';
export * from './diffResults.ts';
export * from './extractContract.ts';
export * from './protocolAttributes.ts';
