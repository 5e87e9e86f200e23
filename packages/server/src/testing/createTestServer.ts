import type { FastifyInstance } from 'fastify';
import { type CreateServerOptions, createServer } from '../createServer.ts';
import { createFakeRegistry } from './fakeRegistry.ts';
import { testGatekeeper } from './testGatekeeper.ts';

/** Test fixture: the server over the fake registry, with any option overridden. */
export async function createTestServer(options: Partial<CreateServerOptions> = {}): Promise<FastifyInstance> {
  return createServer({ registry: createFakeRegistry(), gatekeeper: await testGatekeeper(), ...options });
}
