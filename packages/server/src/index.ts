export * from './control/ControlStore.ts';
export * from './control/openControlStore.ts';
export * from './createServer.ts';
export * from './gatekeeper/bootstrapAdmin.ts';
export * from './gatekeeper/Gatekeeper.ts';
export * from './schemas/ErrorBodySchema.ts';
export * from './startServer.ts';
