import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer } from '../testing/createTestServer.ts';
import { FAKE_PRODUCT_ID } from '../testing/fakeRegistry.ts';
import { SECURITY_HEADERS } from './securityHeaders.ts';

const requests: Array<[string, InjectOptions, number]> = [
  ['a success', { method: 'GET', url: '/healthz' }, 200],
  ['an unknown route', { method: 'GET', url: '/nope' }, 404],
  [
    'a bad body',
    {
      method: 'POST',
      url: `/api/v1/products/${FAKE_PRODUCT_ID}/protocols/describe-arm/runs`,
      payload: '[]',
      headers: { 'content-type': 'application/json' },
    },
    400,
  ],
  [
    'a 415',
    {
      method: 'POST',
      url: `/api/v1/products/${FAKE_PRODUCT_ID}/protocols/describe-arm/runs`,
      payload: 'x',
      headers: { 'content-type': 'text/plain' },
    },
    415,
  ],
  [
    'a bug',
    { method: 'POST', url: `/api/v1/products/${FAKE_PRODUCT_ID}/protocols/service-bug/runs`, payload: {} },
    500,
  ],
  ['the OpenAPI document', { method: 'GET', url: '/api/v1/openapi.json' }, 200],
];

describe('security headers and request ids', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestServer();
  });
  afterAll(() => app.close());

  it.each(requests)('are on %s', async (_name, request, status) => {
    const response = await app.inject(request);
    expect(response.statusCode).toBe(status);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['content-security-policy']).toBe(SECURITY_HEADERS['content-security-policy']);
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives every request its own id', async () => {
    const first = await app.inject({ method: 'GET', url: '/healthz' });
    const second = await app.inject({ method: 'GET', url: '/healthz' });
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });

  it('keeps a sane incoming request id', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'trace-42.a:b_c' },
    });
    expect(response.headers['x-request-id']).toBe('trace-42.a:b_c');
  });

  it('replaces an incoming request id that is not a sane token', async () => {
    for (const incoming of ['has space', 'x'.repeat(129), '<script>', 'a;b', '']) {
      const response = await app.inject({
        method: 'GET',
        url: '/healthz',
        headers: { 'x-request-id': incoming },
      });
      expect(response.headers['x-request-id'], incoming).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('never sends CORS headers unless origins are configured', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { origin: 'https://evil.example' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
