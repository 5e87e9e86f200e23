export * from './buildCatalogEntry.ts';
export * from './CatalogStore.ts';
export * from './discloseCatalogCount.ts';
export * from './ftsQuery.ts';
export * from './productApiUrl.ts';
export * from './signEntry.ts';
export * from './toDcat.ts';
export * from './toOdps.ts';
