import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer } from '../testing/createTestServer.ts';
import { createFakeRegistry, FAKE_PRODUCT_ID } from '../testing/fakeRegistry.ts';

const base = `/api/v1/products/${FAKE_PRODUCT_ID}/protocols`;

describe('protocol routes', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestServer();
  });
  afterAll(() => app.close());

  it('lists the protocols of a product with their parameter schemas', async () => {
    const response = await app.inject({ method: 'GET', url: base });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ protocols: createFakeRegistry().get(FAKE_PRODUCT_ID)?.protocols() });
  });

  it('describes one protocol', async () => {
    const response = await app.inject({ method: 'GET', url: `${base}/describe-arm` });
    expect(response.statusCode).toBe(200);
    const { protocol } = response.json();
    expect(protocol.id).toBe('describe-arm');
    expect(protocol.parameters.properties.arm.enum).toEqual(['standard', 'test']);
  });

  it('answers 404 for the protocols of an unknown product', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/products/nope/protocols' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toContain("'nope'");
  });

  it('answers 404 naming an unknown protocol, suggesting the closest and listing the others', async () => {
    const response = await app.inject({ method: 'GET', url: `${base}/describe-arms` });
    expect(response.statusCode).toBe(404);
    const { error } = response.json();
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(
      "Data product 'fake-trial' has no protocol 'describe-arms' — did you mean 'describe-arm'? " +
        'Its protocols: describe-arm, always-fails, service-bug.',
    );
    expect(error.details).toEqual([
      {
        at: 'protocolId',
        message: 'no such protocol',
        found: 'describe-arms',
        allowed: ['describe-arm', 'always-fails', 'service-bug'],
      },
    ]);
  });

  it('ends the sentence properly when there is nothing to suggest', async () => {
    const response = await app.inject({ method: 'GET', url: `${base}/kaplan-meier` });
    expect(response.json().error.message).toBe(
      "Data product 'fake-trial' has no protocol 'kaplan-meier'. Its protocols: describe-arm, always-fails, service-bug.",
    );
  });
});
