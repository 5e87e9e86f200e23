import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerRateLimit } from './rateLimit.ts';

async function appWith(options: Parameters<typeof registerRateLimit>[1]) {
  const app = Fastify();
  registerRateLimit(app, options);
  app.get('/api/v1/products', async () => ({ ok: true }));
  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.ready();
  return app;
}

describe('rate limits', () => {
  it('answers 429 with Retry-After once a caller has spent a minute’s worth, and refills over time', async () => {
    let clock = 0;
    const app = await appWith({ anonymousPerMinute: 3, now: () => clock });
    const statuses = [];
    for (let index = 0; index < 4; index++) statuses.push((await app.inject('/api/v1/products')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await app.inject('/api/v1/products');
    expect(refused.headers['retry-after']).toBe('20');
    expect(refused.json()).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: 'too many requests: at most 3 a minute per address without a token; retry after 20 s',
        details: [],
      },
    });
    clock += 20_000;
    expect((await app.inject('/api/v1/products')).statusCode).toBe(200);
    expect((await app.inject('/api/v1/products')).statusCode).toBe(429);
  });

  it('counts each identity on its own, and never limits the health check', async () => {
    const app = await appWith({
      perMinute: 2,
      anonymousPerMinute: 1,
      now: () => 0,
      identityOf: (request) => request.headers['x-test-user'] as string | undefined,
    });
    const as = (user?: string) =>
      app.inject({ url: '/api/v1/products', headers: user ? { 'x-test-user': user } : {} });
    expect([
      (await as('alice')).statusCode,
      (await as('alice')).statusCode,
      (await as('alice')).statusCode,
    ]).toEqual([200, 200, 429]);
    expect((await as('bob')).statusCode).toBe(200);
    expect([(await as()).statusCode, (await as()).statusCode]).toEqual([200, 429]);
    for (let index = 0; index < 5; index++) expect((await app.inject('/healthz')).statusCode).toBe(200);
  });
});
