import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer } from '../testing/createTestServer.ts';
import { createFakeRegistry, FAKE_DESCRIPTOR, FAKE_PRODUCT_ID } from '../testing/fakeRegistry.ts';

describe('product routes', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestServer();
  });
  afterAll(() => app.close());

  it('lists the product descriptors', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/products' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ products: [FAKE_DESCRIPTOR] });
  });

  it('describes one product with its model, dropping nothing in serialization', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/products/${FAKE_PRODUCT_ID}` });
    expect(response.statusCode).toBe(200);
    const product = createFakeRegistry().get(FAKE_PRODUCT_ID);
    expect(response.json()).toEqual({ product: product?.descriptor(), model: product?.model() });
  });

  it('answers 404 naming an unknown product id, without listing the others', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/products/no-such-trial' });
    expect(response.statusCode).toBe(404);
    const { error } = response.json();
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain("'no-such-trial'");
    expect(error.message).not.toContain(FAKE_PRODUCT_ID);
    expect(error.details).toEqual([{ at: 'productId', message: 'no such product', found: 'no-such-trial' }]);
  });

  it('answers 404 for ids that could never exist rather than a pattern error', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/products/DROP%20TABLE%3B' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toContain("'DROP TABLE;'");
  });
});
