export * from './createServer.ts';
export * from './schemas/ErrorBodySchema.ts';
export * from './startServer.ts';
