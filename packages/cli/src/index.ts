export * from './exitCodes.ts';
export * from './main.ts';
