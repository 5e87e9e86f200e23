import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../createServer.ts';
import { createTestServer } from '../testing/createTestServer.ts';
import { registryOf } from '../testing/registryOf.ts';
import { testGatekeeper } from '../testing/testGatekeeper.ts';

describe('GET /healthz', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestServer();
  });
  afterAll(() => app.close());

  it('says ok and counts the products', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json()).toEqual({ status: 'ok', products: 1 });
  });

  it('counts zero products on an empty node', async () => {
    const empty = await createServer({
      gatekeeper: await testGatekeeper(),
      registry: registryOf([]),
    });
    const response = await empty.inject({ method: 'GET', url: '/healthz' });
    expect(response.json()).toEqual({ status: 'ok', products: 0 });
    await empty.close();
  });
});
