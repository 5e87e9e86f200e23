import { describe, expect, it } from 'vitest';
import { startServer } from './startServer.ts';
import { createFakeRegistry, FAKE_PRODUCT_ID } from './testing/fakeRegistry.ts';
import { testGatekeeper } from './testing/testGatekeeper.ts';

describe('startServer', () => {
  it('listens on a free port, answers real HTTP requests, and closes', async () => {
    const server = await startServer({
      gatekeeper: await testGatekeeper(),
      registry: createFakeRegistry(),
      port: 0,
      host: '127.0.0.1',
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(health.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await health.json()).toEqual({ status: 'ok', products: 1 });

      const run = await fetch(
        `${server.url}/api/v1/products/${FAKE_PRODUCT_ID}/protocols/describe-arm/runs`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ params: { arm: 'test' } }),
        },
      );
      expect(run.status).toBe(200);
      expect(((await run.json()) as { run: { status: string } }).run.status).toBe('succeeded');

      const bad = await fetch(
        `${server.url}/api/v1/products/${FAKE_PRODUCT_ID}/protocols/describe-arm/runs`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"params":',
        },
      );
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('INPUT_INVALID');
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
