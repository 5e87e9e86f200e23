import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../createServer.ts';
import { createFakeRegistry, FAKE_PRODUCT_ID, FAKE_VERSIONS } from '../testing/fakeRegistry.ts';
import { testGatekeeper } from '../testing/testGatekeeper.ts';

let app: FastifyInstance;

beforeAll(async () => {
  app = await createServer({ gatekeeper: await testGatekeeper(), registry: createFakeRegistry() });
});

afterAll(async () => {
  await app.close();
});

describe('POST /api/v1/products/:productId/cohorts/count', () => {
  it('answers the count and the attrition table', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/products/${FAKE_PRODUCT_ID}/cohorts/count`,
      payload: { cohort: {} },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      count: 137,
      entity: { singular: 'patient', plural: 'patients' },
      attrition: [{ step: 0, criterion: 'all patients', count: 137 }],
      product: { id: FAKE_PRODUCT_ID, version: FAKE_VERSIONS.productVersion },
      dataVersion: FAKE_VERSIONS.dataVersion,
    });
  });

  it('answers 400 with details for a bad cohort, and 404 for an unknown product', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: `/api/v1/products/${FAKE_PRODUCT_ID}/cohorts/count`,
      payload: { cohort: { bad: 1 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ at: 'cohort.bad' });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/products/nope/cohorts/count',
      payload: {},
    });
    expect(unknown.statusCode).toBe(404);
  });
});
