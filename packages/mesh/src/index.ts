// The mesh's public entry point: each concept's folder adds its line here.

export * from './catalog/index.ts';
export * from './disclosure/canonicalQuery.ts';
export * from './disclosure/complementarySuppression.ts';
export * from './disclosure/DisclosurePolicy.ts';
export * from './disclosure/guardCount.ts';
export * from './disclosure/guardEstimate.ts';
export * from './disclosure/guardMoments.ts';
export * from './disclosure/guardRiskTable.ts';
export * from './disclosure/InMemoryRepeatedQueryLimiter.ts';
export * from './disclosure/obfuscateCount.ts';
export * from './disclosure/RepeatedQueryLimiter.ts';
export * from './disclosure/SeededRng.ts';
export * from './disclosure/Suppressed.ts';
export * from './disclosure/suppressCounts.ts';
export * from './federation/discloseAggregates.ts';
export * from './identity/jwks.ts';
export * from './identity/loadMeshConfig.ts';
export * from './identity/loadOrCreateNodeKey.ts';
export * from './identity/mintNodeToken.ts';
export * from './identity/NodeKey.ts';
export * from './identity/NodeKeysUnavailableError.ts';
export * from './identity/NodeTokenError.ts';
export * from './identity/NodeTokenVerifier.ts';
export * from './identity/nodeJwksUrl.ts';
export * from './identity/nodeTokenClaims.ts';
