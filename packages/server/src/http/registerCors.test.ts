import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer } from '../testing/createTestServer.ts';
import { FAKE_PRODUCT_ID } from '../testing/fakeRegistry.ts';

const runUrl = `/api/v1/products/${FAKE_PRODUCT_ID}/protocols/describe-arm/runs`;

describe('CORS', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestServer({ corsOrigins: ['https://app.example'] });
  });
  afterAll(() => app.close());

  it('allows a listed origin and exposes the request id', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { origin: 'https://app.example' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(response.headers['access-control-expose-headers']).toBe('x-request-id');
    expect(response.headers.vary).toBe('Origin');
  });

  it('ignores an unlisted origin', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a preflight from a listed origin with 204', async () => {
    const response = await app.inject({
      method: 'OPTIONS',
      url: runUrl,
      headers: {
        origin: 'https://app.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-methods']).toContain('POST');
    expect(response.headers['access-control-allow-headers']).toContain('content-type');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('does not answer a preflight from an unlisted origin', async () => {
    const response = await app.inject({
      method: 'OPTIONS',
      url: runUrl,
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("allows any origin with '*'", async () => {
    const open = await createTestServer({ corsOrigins: ['*'] });
    const response = await open.inject({
      method: 'GET',
      url: '/healthz',
      headers: { origin: 'https://any.example' },
    });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    await open.close();
  });
});
